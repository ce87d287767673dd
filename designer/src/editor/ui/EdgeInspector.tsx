import { useId, useMemo, useState } from 'react';
import { fromLogic, fullyStructured } from '../model/conditions.js';
import { isUnfinished, UNFINISHED } from '../model/connect.js';
import type { Def, JsonLogic, Transition } from '../model/doc.js';
import type { Change, Patch } from '../model/edits.js';
import { factsOf } from '../model/facts.js';
import { nodeTitle } from '../model/kinds.js';
import { edgeLabel } from '../model/convert.js';
import type { LocatedProblem } from '../model/problems.js';
import { ConditionBuilder, type BuilderContext } from './ConditionBuilder.js';
import { RawLogic } from './RawLogic.js';
import { NodeProblems } from './NodeInspector.js';
import { TextField } from './fields.js';
import { SeverityIcon } from './SeverityIcon.js';

export interface EdgeInspectorProps {
  transition: Transition;
  index: number;
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
  /** Changes that alter the edge's id (its target) re-select it afterwards. */
  commitKeepSelected(c: Change): void;
  onSelectNode(id: string): void;
  onDelete(): void;
}

/** The inspector for one transition: where it goes, when it is taken, its label, its order. */
export function EdgeInspector({
  transition: t,
  index,
  def,
  problems,
  commit,
  commitKeepSelected,
  onSelectNode,
  onDelete,
}: EdgeInspectorProps) {
  const id = useId();
  const set = (patch: Patch) => commit({ type: 'transition.update', index, patch });
  const facts = useMemo(() => factsOf(def), [def]);
  const ctx: BuilderContext = useMemo(
    () => ({
      facts,
      factByName: new Map(facts.map((f) => [f.name, f])),
      params: Object.entries(def.parameters ?? {}),
    }),
    [facts, def.parameters],
  );
  const conditional = t.when !== undefined;
  const structured = useMemo(
    () => (t.when === undefined ? true : fullyStructured(fromLogic(t.when as JsonLogic))),
    [t.when],
  );
  const anyRows = useMemo(
    () => t.when !== undefined && fromLogic(t.when as JsonLogic).rows.some((r) => r.kind !== 'raw'),
    [t.when],
  );
  const [tab, setTab] = useState<'builder' | 'raw'>(
    anyRows || !conditional || isUnfinished(t.when) ? 'builder' : 'raw',
  );
  const siblings = def.transitions.map((x, i) => ({ x, i })).filter(({ x }) => x.from === t.from);
  const position = siblings.findIndex(({ i }) => i === index);
  const from = def.nodes.find((n) => n.id === t.from);
  const fallbackPatch: Patch =
    from?.kind === 'decision' || siblings.length > 1
      ? { when: undefined, otherwise: true }
      : { when: undefined, otherwise: undefined };

  // A condition starts (and, emptied, returns to) unfinished: the validator flags it until the
  // lead writes one; it never turns into "otherwise" or a condition that always holds by itself.
  const unfinished: Patch = { when: UNFINISHED, otherwise: undefined };
  const startCondition = () => {
    commit({ type: 'transition.update', index, patch: unfinished });
    setTab('builder');
  };
  // Numbered as on the canvas and as the engine tries them: conditions in order, the fallback last.
  const conditions = siblings.filter(({ x }) => x.when !== undefined);
  const branchNumber = conditions.findIndex(({ i }) => i === index) + 1;
  const general = problems.filter(
    (p) =>
      p.target.kind !== 'edge' ||
      !['when', 'label', 'to', 'from', 'otherwise'].includes(p.target.field ?? ''),
  );
  const fieldProblems = (f: string) =>
    problems.filter((p) => p.target.kind === 'edge' && p.target.field === f);

  return (
    <section className="ed-inspector" aria-labelledby="ed-inspector-title">
      <header className="ed-panel-head">
        <p className="ed-kicker">Transition</p>
        <h2 id="ed-inspector-title">
          {from ? nodeTitle(from) : t.from} →{' '}
          {(() => {
            const to = def.nodes.find((n) => n.id === t.to);
            return to ? nodeTitle(to) : t.to;
          })()}
        </h2>
        <p className="ed-muted">
          {siblings.length === 1
            ? 'The only way out of this node.'
            : !conditional
              ? 'Otherwise (used when no other branch applies).'
              : `Branch ${branchNumber} of ${conditions.length} with a condition; they are tried in order, then the otherwise branch.`}
        </p>
      </header>
      {general.length > 0 && <NodeProblems problems={general} />}

      <div className="ed-field">
        <span className="ed-label">From</span>
        <button type="button" className="ed-link" onClick={() => onSelectNode(t.from)}>
          {from ? nodeTitle(from) : t.from} <code>{t.from}</code>
        </button>
      </div>
      <div className="ed-field">
        <label htmlFor={`${id}-to`}>Goes to</label>
        <select
          id={`${id}-to`}
          value={t.to}
          onChange={(e) =>
            commitKeepSelected({ type: 'transition.update', index, patch: { to: e.target.value } })
          }
        >
          {!def.nodes.some((n) => n.id === t.to) && <option value={t.to}>{t.to} (missing)</option>}
          {def.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {nodeTitle(n)} ({n.id})
            </option>
          ))}
        </select>
        {fieldProblems('to').map((p, i) => (
          <span key={i} className="ed-problem">
            {p.message}
          </span>
        ))}
      </div>

      <fieldset className="ed-field">
        <legend>When is it taken?</legend>
        <label className="ed-radio">
          <input
            type="radio"
            name={`${id}-when`}
            checked={conditional}
            onChange={() => !conditional && startCondition()}
          />
          When a condition holds
        </label>
        <label className="ed-radio">
          <input
            type="radio"
            name={`${id}-when`}
            checked={!conditional}
            onChange={() => conditional && set(fallbackPatch)}
          />
          Otherwise (used when no other branch applies)
          {siblings.length === 1 ? ' — here: always' : ''}
        </label>
      </fieldset>

      {conditional && (
        <div className="ed-condition">
          <div role="tablist" aria-label="Condition editor" className="ed-tabs small">
            <button
              type="button"
              role="tab"
              id={`${id}-tab-b`}
              aria-selected={tab === 'builder'}
              aria-controls={`${id}-panel`}
              onClick={() => setTab('builder')}
            >
              Builder
            </button>
            <button
              type="button"
              role="tab"
              id={`${id}-tab-r`}
              aria-selected={tab === 'raw'}
              aria-controls={`${id}-panel`}
              onClick={() => setTab('raw')}
            >
              Raw json-logic
            </button>
          </div>
          <div
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={tab === 'builder' ? `${id}-tab-b` : `${id}-tab-r`}
          >
            {tab === 'builder' ? (
              <>
                {!structured && (
                  <p className="ed-hint">
                    Parts the builder cannot show as rows are kept as custom json-logic, exactly as
                    written.
                  </p>
                )}
                <ConditionBuilder
                  value={t.when as JsonLogic}
                  onChange={(v) => set(v === undefined ? unfinished : { when: v })}
                  ctx={ctx}
                  label="Condition"
                />
              </>
            ) : (
              <RawLogic
                value={t.when as JsonLogic}
                onChange={(v) => set(v === undefined ? unfinished : { when: v })}
                label="Condition as json-logic"
                rows={8}
                showLabel
              />
            )}
          </div>
          {fieldProblems('when').length > 0 && (
            <ul className="ed-inline-problems" aria-label="Problems with this condition">
              {fieldProblems('when').map((p, i) => (
                <li key={i} className={`sev-${p.severity}`}>
                  <SeverityIcon severity={p.severity} />
                  <span>
                    <span className="ed-sr">{p.severity}: </span>
                    {p.message}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <TextField
        label="Label"
        value={t.label ?? ''}
        placeholder={edgeLabel({ ...t, label: undefined })}
        onChange={(v) => set({ label: v === '' ? undefined : v })}
        hint="What diagrams and traces show; without one, the condition is shown."
      />

      {siblings.length > 1 && (
        <div className="ed-row">
          <span className="ed-label">Order</span>
          <button
            type="button"
            disabled={position === 0}
            onClick={() => commit({ type: 'transition.move', index, offset: -1 })}
          >
            Try earlier
          </button>
          <button
            type="button"
            disabled={position === siblings.length - 1}
            onClick={() => commit({ type: 'transition.move', index, offset: 1 })}
          >
            Try later
          </button>
        </div>
      )}
      <div className="ed-actions ed-danger-zone">
        <button type="button" className="danger" onClick={onDelete}>
          Delete transition
        </button>
      </div>
    </section>
  );
}
