import { useId, useState } from 'react';
import { NODE_KINDS } from '@care-pathways/engine';
import type { Def, NodeKind, PathwayNode } from '../model/doc.js';
import { describeKindChange, planKindChange, type Change } from '../model/edits.js';
import { KIND_INFO } from '../model/kinds.js';

/**
 * Changes the node's kind in place: the id, title, position and transitions stay; what the new
 * kind cannot hold is dropped. The form says beforehand what will be dropped or filled in, and
 * afterwards what was (one undoable edit; the validator checks the result like any other).
 */
export function KindChanger({
  node,
  def,
  commit,
}: {
  node: PathwayNode;
  def: Def;
  commit(c: Change): void;
}) {
  const id = useId();
  const [to, setTo] = useState<NodeKind | ''>('');
  const [done, setDone] = useState<{ kind: NodeKind; text: string } | null>(null);
  const plan = to ? planKindChange(def, node.id, to) : null;
  const label = (k: NodeKind) => KIND_INFO[k].label;
  return (
    <fieldset className="ed-field ed-kind-change">
      <legend>Kind</legend>
      <label htmlFor={`${id}-to`}>Change this {label(node.kind).toLowerCase()} node to</label>
      <div className="ed-row">
        <select
          id={`${id}-to`}
          value={to}
          aria-describedby={`${id}-plan`}
          onChange={(e) => setTo(e.target.value as NodeKind | '')}
        >
          <option value="">Choose a kind…</option>
          {NODE_KINDS.filter((k) => k !== node.kind).map((k) => (
            <option key={k} value={k}>
              {label(k)} — {KIND_INFO[k].blurb}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!plan}
          aria-describedby={`${id}-plan`}
          onClick={() => {
            if (!plan || !to) return;
            commit({ type: 'node.kind', id: node.id, kind: to });
            setDone({
              kind: to,
              text: `Changed to a ${label(to).toLowerCase()} node. ${describeKindChange(plan, true)} Undo puts it back.`,
            });
            setTo('');
          }}
        >
          Change kind
        </button>
      </div>
      <p id={`${id}-plan`} className="ed-hint">
        {plan
          ? `Keeps the id, title, position and transitions. ${describeKindChange(plan)}`
          : 'Keeps the id, title, position and transitions; fields the new kind has no place for are dropped.'}
      </p>
      <p role="status" className="ed-kind-done">
        {done && done.kind === node.kind ? done.text : ''}
      </p>
    </fieldset>
  );
}
