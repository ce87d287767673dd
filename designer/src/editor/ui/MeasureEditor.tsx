import { useId, useState } from 'react';
import { instruments } from '@care-pathways/engine';
import type { Def } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import { checkReviewWeek, DEFAULT_REVIEW_WEEK } from '../model/measure.js';
import type { LocatedProblem } from '../model/problems.js';
import { instrumentTitle } from '../model/kinds.js';

/**
 * The outcome measure (`measure: { instrument, reviewWeek }`): one of the pathway's instruments
 * and the week by which a patient without a response counts as not improving, fixed or from an
 * integer parameter. A review week that is not a whole number of weeks stays in the field with
 * a message and changes nothing.
 */
export function MeasureEditor({
  def,
  problems,
  commit,
}: {
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
}) {
  const id = useId();
  const measure = def.measure;
  const reviewWeek = measure?.reviewWeek;
  const weekParams = Object.entries(def.parameters ?? {}).filter(([, p]) => p.type === 'integer');
  const [draft, setDraft] = useState<{ base: unknown; text: string } | null>(null);
  const text =
    draft && draft.base === reviewWeek
      ? draft.text
      : typeof reviewWeek === 'number'
        ? String(reviewWeek)
        : '';
  const local = typeof reviewWeek === 'object' || !measure ? null : checkReviewWeek(text).problem;
  const engine = problems.filter((p) => p.path === '$.measure' || p.path.startsWith('$.measure.'));
  const set = (m: Def['measure']) => {
    setDraft(null);
    commit({ type: 'pathway.update', patch: { measure: m } });
  };
  const listed = measure && def.instruments.includes(measure.instrument);
  const withTotals = def.instruments.filter((i) => instruments[i]?.totalRange);

  return (
    <fieldset className={`ed-field${engine.length || local ? ' has-problem' : ''}`}>
      <legend>Outcome measure</legend>
      <p id={`${id}-hint`} className="ed-hint">
        Drives the response, remission and not-improving flags: no response (a 50% fall from
        baseline) by the review week sets not-improving. IMPACT reviews such patients at 10–12 weeks
        (clinical-reference B2, B3).
      </p>
      <div className="ed-grid2">
        <div className="ed-field">
          <label htmlFor={`${id}-inst`}>Measure instrument</label>
          <select
            id={`${id}-inst`}
            value={measure?.instrument ?? ''}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const v = e.target.value as NonNullable<Def['measure']>['instrument'] | '';
              set(
                v
                  ? { instrument: v, reviewWeek: measure?.reviewWeek ?? DEFAULT_REVIEW_WEEK }
                  : undefined,
              );
            }}
          >
            <option value="">None</option>
            {measure && !withTotals.includes(measure.instrument) && (
              <option value={measure.instrument}>
                {instrumentTitle(measure.instrument)} (
                {listed ? 'has no total score' : 'not used by this pathway'})
              </option>
            )}
            {withTotals.map((i) => (
              <option key={i} value={i}>
                {instrumentTitle(i)}
              </option>
            ))}
          </select>
          {withTotals.length === 0 && (
            <span className="ed-hint">
              Add an instrument with a total score (e.g. PHQ-9) first.
            </span>
          )}
        </div>
        {measure && (
          <div className={`ed-field${local ? ' has-problem' : ''}`}>
            <label htmlFor={`${id}-from`}>Review week from</label>
            <select
              id={`${id}-from`}
              value={typeof reviewWeek === 'object' ? `param:${reviewWeek.param}` : 'fixed'}
              onChange={(e) =>
                set({
                  ...measure,
                  reviewWeek: e.target.value.startsWith('param:')
                    ? { param: e.target.value.slice('param:'.length) }
                    : DEFAULT_REVIEW_WEEK,
                })
              }
            >
              <option value="fixed">Fixed week</option>
              {weekParams.map(([n, p]) => (
                <option key={n} value={`param:${n}`}>
                  Parameter {p.label ?? n} ({n})
                </option>
              ))}
              {typeof reviewWeek === 'object' && !def.parameters?.[reviewWeek.param] && (
                <option value={`param:${reviewWeek.param}`}>
                  Parameter {reviewWeek.param} (missing)
                </option>
              )}
            </select>
            {typeof reviewWeek !== 'object' && (
              <>
                <label htmlFor={`${id}-week`}>Review week</label>
                <input
                  id={`${id}-week`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  className="ed-num"
                  value={text}
                  aria-invalid={local ? true : undefined}
                  aria-describedby={local ? `${id}-week-problem` : undefined}
                  onChange={(e) => {
                    const { week } = checkReviewWeek(e.target.value);
                    if (week !== null) {
                      setDraft(null);
                      if (week !== reviewWeek) set({ ...measure, reviewWeek: week });
                    } else setDraft({ base: reviewWeek, text: e.target.value });
                  }}
                />
                {local && (
                  <span id={`${id}-week-problem`} className="ed-problem">
                    {local}
                  </span>
                )}
              </>
            )}
          </div>
        )}
      </div>
      {engine.length > 0 && (
        <ul className="ed-inline-problems" aria-label="Problems with the outcome measure">
          {engine.map((p, i) => (
            <li key={i} className={`sev-${p.severity}`}>
              <span className="ed-sr">{p.severity}: </span>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
