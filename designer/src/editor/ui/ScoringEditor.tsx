import { useId, useState } from 'react';
import type { Def } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import type { LocatedProblem } from '../model/problems.js';
import {
  bindToNewParameter,
  checkThreshold,
  scoringRows,
  setThreshold,
  thresholdParameters,
  type ScoringRow,
} from '../model/scoring.js';

/**
 * Tailored positive-screen thresholds, one row per instrument of the pathway that has one:
 * the instrument's default, the range the evidence supports and its citation, and the override
 * as a fixed number or bound to a parameter. Overrides the engine rejects (instrument not used,
 * or without a threshold) are listed too, so they can be removed.
 */
export function ScoringEditor({
  def,
  problems,
  commit,
}: {
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
}) {
  const id = useId();
  const rows = scoringRows(def);
  return (
    <section className="ed-scoring" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Positive-screen thresholds</h3>
      <p className="ed-hint">
        A total at or above the threshold is a positive screen (<code>X.positive</code>). Leave the
        default unless your programme has a reason; only values the evidence supports are accepted.
      </p>
      {rows.length === 0 && (
        <p className="ed-empty">None of this pathway’s instruments has a tailorable threshold.</p>
      )}
      {rows.map((row) => (
        <ThresholdRow
          key={row.instrument}
          row={row}
          def={def}
          problems={problems.filter(
            (p) =>
              p.path === `$.scoring.${row.instrument}` ||
              p.path.startsWith(`$.scoring.${row.instrument}.`),
          )}
          commit={commit}
        />
      ))}
    </section>
  );
}

function ThresholdRow({
  row,
  def,
  problems,
  commit,
}: {
  row: ScoringRow;
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
}) {
  const id = useId();
  const { instrument, title, spec, threshold } = row;
  const [draft, setDraft] = useState<{ base: unknown; text: string } | null>(null);
  const params = thresholdParameters(def);
  const mode =
    threshold === undefined
      ? 'default'
      : typeof threshold === 'number'
        ? 'fixed'
        : `param:${threshold.param}`;
  const text =
    draft && draft.base === threshold
      ? draft.text
      : typeof threshold === 'number'
        ? String(threshold)
        : '';
  const local = mode === 'fixed' ? checkThreshold(instrument, text).problem : null;
  const set = (t: Parameters<typeof setThreshold>[2]) => {
    setDraft(null);
    commit(setThreshold(def, instrument, t));
  };
  const boundParam = typeof threshold === 'object' ? def.parameters?.[threshold.param] : undefined;
  const describedBy = [`${id}-range`, problems.length ? `${id}-engine` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset
      className={`ed-field ed-threshold${problems.length || local ? ' has-problem' : ''}`}
      aria-labelledby={`${id}-legend`}
    >
      <legend id={`${id}-legend`}>{title} threshold</legend>
      <p id={`${id}-range`} className="ed-hint">
        {spec ? (
          <>
            Default ≥ {spec.default}; the evidence supports {spec.min}–{spec.max}. {spec.note}
          </>
        ) : row.listed ? (
          `${title} has no tailorable threshold: remove this override.`
        ) : (
          `${title} is not used by this pathway: remove this override.`
        )}
      </p>
      {spec && (
        <div className="ed-grid2">
          <div className="ed-field">
            <label htmlFor={`${id}-mode`}>{title} threshold from</label>
            <select
              id={`${id}-mode`}
              value={mode}
              aria-describedby={describedBy}
              onChange={(e) => {
                const v = e.target.value;
                if (v === 'default') set(undefined);
                else if (v === 'fixed')
                  set(typeof threshold === 'number' ? threshold : spec.default);
                else set({ param: v.slice('param:'.length) });
              }}
            >
              <option value="default">Default (≥ {spec.default})</option>
              <option value="fixed">Fixed number</option>
              {params.map(([name, p]) => (
                <option key={name} value={`param:${name}`}>
                  Parameter {p.label ?? name} ({name})
                </option>
              ))}
              {typeof threshold === 'object' && !def.parameters?.[threshold.param] && (
                <option value={mode}>Parameter {threshold.param} (missing)</option>
              )}
            </select>
          </div>
          {mode === 'fixed' && (
            <div className={`ed-field${local ? ' has-problem' : ''}`}>
              <label htmlFor={`${id}-value`}>{title} positive at or above</label>
              <input
                id={`${id}-value`}
                type="number"
                inputMode="numeric"
                step={1}
                min={spec.min}
                max={spec.max}
                className="ed-num"
                value={text}
                aria-invalid={local ? true : undefined}
                aria-describedby={local ? `${id}-local` : `${id}-range`}
                onChange={(e) => {
                  const { value } = checkThreshold(instrument, e.target.value);
                  if (value !== null) {
                    setDraft(null);
                    if (value !== threshold) commit(setThreshold(def, instrument, value));
                  } else setDraft({ base: threshold, text: e.target.value });
                }}
              />
            </div>
          )}
        </div>
      )}
      {local && (
        <span id={`${id}-local`} className="ed-problem">
          {local}
        </span>
      )}
      {boundParam && (
        <p className="ed-hint">
          Uses parameter <code>{(threshold as { param: string }).param}</code>: default{' '}
          {String(boundParam.default)}, a practice may set {boundParam.min ?? '…'}–
          {boundParam.max ?? '…'}.
        </p>
      )}
      {problems.length > 0 && (
        <ul
          id={`${id}-engine`}
          className="ed-inline-problems"
          aria-label={`Problems with the ${title} threshold`}
        >
          {problems.map((p, i) => (
            <li key={i} className={`sev-${p.severity}`}>
              <span className="ed-sr">{p.severity}: </span>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="ed-actions">
        {spec && typeof threshold !== 'object' && (
          <button
            type="button"
            onClick={() => {
              const c = bindToNewParameter(def, instrument);
              if (c) {
                setDraft(null);
                commit(c);
              }
            }}
          >
            Let practices tailor it (new parameter)
          </button>
        )}
        {threshold !== undefined && (
          <button type="button" onClick={() => set(undefined)}>
            Remove the {title} override
          </button>
        )}
      </div>
    </fieldset>
  );
}
