import { useId, useState } from 'react';
import { INSTRUMENT_IDS, instruments, PRIORITIES } from '@care-pathways/engine';
import type { Def, PathwayNode } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import { idFromTitle, SLUG } from '../model/ids.js';
import { switchInstrument } from '../model/instruments.js';
import { KIND_INFO, nodeTitle } from '../model/kinds.js';
import { transitionKeys } from '../model/keys.js';
import { edgeLabel } from '../model/convert.js';
import type { LocatedProblem } from '../model/problems.js';
import { DurationField, type DurationValue } from './DurationField.js';
import { CheckField, Field, SelectField, TextField } from './fields.js';
import { IdField } from './IdField.js';
import { KindChanger } from './KindChanger.js';
import { SeverityIcon } from './SeverityIcon.js';
import { DEFAULT_ROLE, roleLabel, roleOptions } from './roles.js';

export interface NodeInspectorProps {
  node: PathwayNode;
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
  onRename(id: string): void;
  onSelectEdge(id: string): void;
  onConnect(to: string): void;
  onDelete(): void;
}

const nameOf = (el: Element) =>
  (el as HTMLInputElement).labels?.[0]?.textContent ??
  el.getAttribute('aria-label') ??
  el.textContent ??
  '';

/**
 * A rename re-creates the inspector (it is keyed by the node id): puts focus back on the control
 * the user was moving to, found again by its tag and accessible name, so Tab is not lost.
 */
function refocus(to: Element | null) {
  if (!to || !to.closest('.ed-inspector')) return;
  const tag = to.tagName.toLowerCase();
  const name = nameOf(to);
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const again = [...document.querySelectorAll<HTMLElement>(`.ed-inspector ${tag}`)].find(
      (c) => nameOf(c) === name,
    );
    again?.focus();
  });
}

const REFERRAL_STATUSES = ['accepted', 'declined', 'completed', 'no-show'] as const;

/** The inspector for one node: forms per kind; every change goes through the edit history. */
export function NodeInspector({
  node,
  def,
  problems,
  commit,
  onRename,
  onSelectEdge,
  onConnect,
  onDelete,
}: NodeInspectorProps) {
  const r = node as PathwayNode & Record<string, unknown>;
  const set = (patch: Record<string, unknown>) =>
    commit({ type: 'node.update', id: node.id, patch });
  const fieldProblem = (...fields: string[]) =>
    problems
      .filter((p) => p.target.kind === 'node' && p.target.field && fields.includes(p.target.field))
      .map((p) => p.message)
      .join(' ') || null;
  const known = new Set([
    'id',
    'title',
    'instrument',
    'role',
    'priority',
    'due',
    'duration',
    'every',
    'service',
    'urgency',
    'advanceOn',
    'direction',
    'level',
    'outcome',
    'outcomes',
    'description',
    'source',
    'enrol',
    'resolvesSafetyRisk',
  ]);
  const general = problems.filter(
    (p) => p.target.kind !== 'node' || !p.target.field || !known.has(p.target.field),
  );
  const info = KIND_INFO[node.kind];
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  const optional = (v: string) => (v === '' ? undefined : v);

  const setInstrument = (inst: string) =>
    commit(switchInstrument(def, node.id, str('instrument'), inst));
  const roles = roleOptions(def);
  const defaultRole = DEFAULT_ROLE[node.kind];
  const roleSelect = (
    <SelectField
      label={node.kind === 'task' ? 'Role' : 'Role (who does it)'}
      value={str('role')}
      options={[
        ...(node.kind === 'task'
          ? [{ value: '', label: 'Choose a role…' }]
          : [{ value: '', label: `Default: ${roleLabel(def, defaultRole ?? '')}` }]),
        ...roles,
        ...(str('role') && !roles.some((x) => x.value === str('role'))
          ? [{ value: str('role'), label: `${str('role')} (unknown)` }]
          : []),
      ]}
      onChange={(v) => set({ role: optional(v) })}
      problem={fieldProblem('role')}
    />
  );
  const priority = (field: 'priority' | 'urgency', required: boolean) => (
    <SelectField
      label={field === 'urgency' ? 'Urgency' : 'Priority'}
      value={str(field)}
      options={[
        ...(required ? [] : [{ value: '', label: 'Routine (default)' }]),
        ...PRIORITIES.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) })),
      ]}
      onChange={(v) => set({ [field]: optional(v) })}
      problem={fieldProblem(field)}
    />
  );
  const duration = (
    field: 'due' | 'duration' | 'every',
    label: string,
    opt: boolean,
    hint?: string,
  ) => (
    <DurationField
      label={label}
      value={r[field] as DurationValue | undefined}
      def={def}
      optional={opt}
      onChange={(v) => set({ [field]: v })}
      hint={hint}
      problem={fieldProblem(field)}
    />
  );
  const instrumentSelect = (
    <SelectField
      label="Instrument"
      value={str('instrument')}
      options={[
        ...(str('instrument') ? [] : [{ value: '', label: 'Choose an instrument…' }]),
        ...INSTRUMENT_IDS.map((i) => ({
          value: i,
          label: `${instruments[i].shortTitle} — ${instruments[i].title}${def.instruments.includes(i) ? '' : ' (adds it to the pathway)'}`,
        })),
      ]}
      onChange={setInstrument}
      problem={fieldProblem('instrument')}
    />
  );

  return (
    <section className="ed-inspector" aria-labelledby="ed-inspector-title">
      <header className="ed-panel-head">
        <p className="ed-kicker">
          <span aria-hidden="true">{info?.glyph}</span> {info?.label ?? node.kind} node
        </p>
        <h2 id="ed-inspector-title">{nodeTitle(node)}</h2>
        <p className="ed-muted">{info?.blurb}</p>
      </header>
      {general.length > 0 && <NodeProblems problems={general} />}

      <IdField
        label="Id"
        value={node.id}
        taken={(x) => def.nodes.some((n) => n.id === x)}
        onRename={onRename}
      />
      {/* A palette node's placeholder id (new-task) follows its first title when the field is
          left, so people never meet it in messages; references are renamed with it. */}
      <div
        onBlur={(e) => {
          const next = idFromTitle(node, str('title'), new Set(def.nodes.map((n) => n.id)));
          if (!next) return;
          onRename(next);
          refocus(e.relatedTarget);
        }}
      >
        <TextField
          label={node.kind === 'task' ? 'Title (shown on the task)' : 'Title'}
          value={str('title')}
          placeholder={
            node.kind === 'task' ? '' : nodeTitle({ ...node, title: undefined } as PathwayNode)
          }
          onChange={(v) => set({ title: node.kind === 'task' ? v : optional(v) })}
          problem={fieldProblem('title')}
        />
      </div>

      {(node.kind === 'screen' || node.kind === 'assess') && (
        <>
          {instrumentSelect}
          {roleSelect}
          {priority('priority', false)}
          {duration('due', 'Due within', true)}
        </>
      )}
      {node.kind === 'task' && (
        <>
          {roleSelect}
          {priority('priority', false)}
          {duration('due', 'Due within', true)}
          <OutcomesEditor
            outcomes={(r.outcomes as string[] | undefined) ?? []}
            onChange={(o) => set({ outcomes: o.length ? o : undefined })}
            problem={fieldProblem('outcomes')}
          />
          <CheckField
            label="Completing this task resolves a safety risk"
            checked={r.resolvesSafetyRisk === true}
            onChange={(v) => set({ resolvesSafetyRisk: v || undefined })}
            hint="Clears the safety-risk flag (e.g. a documented safety assessment)."
          />
        </>
      )}
      {node.kind === 'refer' && (
        <>
          <TextField
            label="Service"
            value={str('service')}
            onChange={(v) => set({ service: v })}
            problem={fieldProblem('service')}
          />
          {priority('urgency', true)}
          {roleSelect}
          {duration('due', 'Due within', true)}
          <fieldset className="ed-field">
            <legend>Move on when the referral is…</legend>
            <div className="ed-checks">
              {REFERRAL_STATUSES.map((s) => {
                const list = (r.advanceOn as string[] | undefined) ?? [];
                return (
                  <CheckField
                    key={s}
                    label={s}
                    checked={list.includes(s)}
                    onChange={(on) => {
                      const next = on ? [...list, s] : list.filter((x) => x !== s);
                      set({
                        advanceOn: next.length
                          ? REFERRAL_STATUSES.filter((x) => next.includes(x))
                          : undefined,
                      });
                    }}
                  />
                );
              })}
            </div>
            <span className={fieldProblem('advanceOn') ? 'ed-problem' : 'ed-hint'}>
              {fieldProblem('advanceOn') ?? 'None ticked: any status moves the patient on.'}
            </span>
          </fieldset>
        </>
      )}
      {node.kind === 'wait' && duration('duration', 'Wait for', false)}
      {node.kind === 'monitor' && (
        <>
          {instrumentSelect}
          {duration(
            'every',
            'Repeat every',
            false,
            'A follow-up task and a timer one cadence away.',
          )}
          {roleSelect}
        </>
      )}
      {node.kind === 'step' && (
        <>
          <SelectField
            label="Direction"
            value={str('direction') || 'up'}
            options={[
              { value: 'up', label: 'Step up (more intensive care)' },
              { value: 'down', label: 'Step down' },
              { value: 'set', label: 'Set a level' },
            ]}
            onChange={(v) => set({ direction: v })}
            problem={fieldProblem('direction')}
          />
          <Field
            label="Level"
            hint={
              r.direction === 'set'
                ? 'Required when setting a level.'
                : 'Optional: the level to move to.'
            }
            problem={fieldProblem('level')}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                type="number"
                step={1}
                className="ed-num"
                value={typeof r.level === 'number' ? r.level : ''}
                aria-describedby={describedBy}
                onChange={(e) =>
                  set({
                    level: e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)),
                  })
                }
              />
            )}
          </Field>
        </>
      )}
      {node.kind === 'end' && (
        <TextField
          label="Outcome"
          value={str('outcome')}
          onChange={(v) => set({ outcome: v })}
          hint="Recorded when the patient finishes here, e.g. “remission” or “referred-out”."
          problem={
            fieldProblem('outcome') ??
            (str('outcome') && !SLUG.test(str('outcome'))
              ? 'Use lower-case words joined by hyphens.'
              : null)
          }
        />
      )}
      {node.kind !== 'end' && (
        <CheckField
          label="Entering this node enrols the patient"
          checked={r.enrol === true}
          onChange={(v) => set({ enrol: v || undefined })}
          hint="Weeks in care count from enrolment."
        />
      )}
      <TextField
        label="Description"
        multiline
        value={str('description')}
        onChange={(v) => set({ description: optional(v) })}
      />
      <TextField
        label="Source"
        multiline
        value={str('source')}
        onChange={(v) => set({ source: optional(v) })}
        hint="Where the rule comes from: a guideline section or paper."
      />

      <KindChanger node={node} def={def} commit={commit} />

      <Branches
        node={node}
        def={def}
        commit={commit}
        onSelectEdge={onSelectEdge}
        onConnect={onConnect}
      />

      <div className="ed-actions ed-danger-zone">
        {def.start !== node.id && (
          <button
            type="button"
            onClick={() => commit({ type: 'pathway.update', patch: { start: node.id } })}
          >
            Make this the start
          </button>
        )}
        <button type="button" className="danger" onClick={onDelete}>
          Delete node
        </button>
      </div>
    </section>
  );
}

function NodeProblems({ problems }: { problems: readonly LocatedProblem[] }) {
  return (
    <ul className="ed-inline-problems" aria-label="Problems with this item">
      {problems.map((p, i) => (
        <li key={i} className={`sev-${p.severity}`}>
          <SeverityIcon severity={p.severity} />
          <span>
            <span className="ed-sr">{p.severity}: </span>
            {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
export { NodeProblems };

function OutcomesEditor({
  outcomes,
  onChange,
  problem,
}: {
  outcomes: string[];
  onChange(o: string[]): void;
  problem: string | null;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const bad = text !== '' && (!SLUG.test(text) || outcomes.includes(text));
  const add = () => {
    if (text && !bad) {
      onChange([...outcomes, text]);
      setText('');
    }
  };
  return (
    <fieldset className="ed-field">
      <legend>Outcomes</legend>
      {outcomes.length > 0 ? (
        <ul className="ed-chips">
          {outcomes.map((o) => (
            <li key={o}>
              <code>{o}</code>
              <button
                type="button"
                className="ed-chip-x"
                aria-label={`Remove outcome ${o}`}
                onClick={() => onChange(outcomes.filter((x) => x !== o))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ed-hint">No outcomes: the task is simply completed.</p>
      )}
      <div className="ed-row">
        <label htmlFor={id} className="ed-sr">
          New outcome
        </label>
        <input
          id={id}
          value={text}
          placeholder="e.g. engaged"
          aria-invalid={bad || undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!text || bad}>
          Add outcome
        </button>
      </div>
      {(bad || problem) && (
        <span className="ed-problem">
          {bad ? 'Use a new lower-case word (hyphens allowed).' : problem}
        </span>
      )}
    </fieldset>
  );
}

/** The node's outgoing transitions in the order they are tried, with reordering and a connector. */
function Branches({
  node,
  def,
  commit,
  onSelectEdge,
  onConnect,
}: {
  node: PathwayNode;
  def: Def;
  commit(c: Change): void;
  onSelectEdge(id: string): void;
  onConnect(to: string): void;
}) {
  const keys = transitionKeys(def.transitions);
  const out = def.transitions
    .map((t, index) => ({ t, index, key: keys[index]! }))
    .filter((x) => x.t.from === node.id);
  const [target, setTarget] = useState('');
  const id = useId();
  if (node.kind === 'end') return null;
  const others = def.nodes.filter((n) => n.id !== node.id);
  return (
    <section className="ed-branches" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{node.kind === 'decision' ? 'Branches' : 'Transitions out'}</h3>
      <p className="ed-hint">
        Conditions are tried from the top; the otherwise branch is tried last.
      </p>
      {out.length === 0 && (
        <p className="ed-hint">
          None yet: drag from the node’s lower handle to another node, or add one here.
        </p>
      )}
      <ol className="ed-branch-list">
        {out.map(({ t, index, key }, i) => (
          <li key={key}>
            <button type="button" className="ed-link" onClick={() => onSelectEdge(key)}>
              <span className="ed-branch-label">{edgeLabel(t)}</span> → <code>{t.to}</code>
            </button>
            <span className="ed-branch-tools">
              <button
                type="button"
                className="ed-mini"
                aria-label={`Move branch to ${t.to} up`}
                disabled={i === 0}
                onClick={() => commit({ type: 'transition.move', index, offset: -1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="ed-mini"
                aria-label={`Move branch to ${t.to} down`}
                disabled={i === out.length - 1}
                onClick={() => commit({ type: 'transition.move', index, offset: 1 })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="ed-row">
        <label htmlFor={`${id}-to`}>Add a transition to</label>
        <select id={`${id}-to`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a node…</option>
          {others.map((n) => (
            <option key={n.id} value={n.id}>
              {nodeTitle(n)} ({n.id})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!target}
          onClick={() => {
            onConnect(target);
            setTarget('');
          }}
        >
          Add
        </button>
      </div>
    </section>
  );
}
