import { useId, useState, type ReactNode } from 'react';
import { INSTRUMENT_IDS, instruments } from '@care-pathways/engine';
import type { Def } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import { SLUG } from '../model/ids.js';
import { nodeTitle } from '../model/kinds.js';
import type { LocatedProblem } from '../model/problems.js';
import { SelectField, TextField } from './fields.js';
import { MeasureEditor } from './MeasureEditor.js';
import { NodeProblems } from './NodeInspector.js';
import { ParametersEditor } from './ParametersEditor.js';
import { ScoringEditor } from './ScoringEditor.js';
import { StepsEditor } from './StepsEditor.js';

/**
 * Pathway-wide settings: title, description, start, instruments, outcome measure, step levels,
 * safety route, roles, positive-screen thresholds, parameters.
 */
export function PathwayPanel({
  def,
  problems,
  commit,
  focusParameter,
}: {
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
  focusParameter?: string | null;
}) {
  const set = (patch: Record<string, unknown>) => commit({ type: 'pathway.update', patch });
  const id = useId();
  const of = (field: string) =>
    problems.filter((p) => p.target.kind === 'pathway' && p.target.field === field);
  const msg = (field: string) =>
    of(field)
      .map((p) => p.message)
      .join(' ') || null;
  const general = problems.filter(
    (p) =>
      p.target.kind === 'pathway' &&
      ![
        'title',
        'description',
        'start',
        'instruments',
        'measure',
        'steps',
        'scoring',
        'safety',
        'roles',
      ].includes(p.target.field ?? ''),
  );
  const nodeOptions = def.nodes.map((n) => ({ value: n.id, label: `${nodeTitle(n)} (${n.id})` }));
  const critical = def.instruments.filter((i) => instruments[i]?.hasCriticalItems);

  return (
    <section className="ed-pathway-panel" aria-labelledby={`${id}-h`}>
      {/* Focused when a problem names no field of this tab (see ProblemsPanel). */}
      <div id="ed-pathway-general" tabIndex={-1}>
        <header className="ed-panel-head">
          <p className="ed-kicker">Pathway</p>
          <h2 id={`${id}-h`}>{def.title || def.id}</h2>
          <p className="ed-muted">
            <code>{def.id}</code>
          </p>
        </header>
        {general.length > 0 && <NodeProblems problems={general} />}
      </div>
      <Anchor field="title">
        <TextField
          label="Title"
          value={def.title ?? ''}
          onChange={(v) => set({ title: v })}
          problem={msg('title')}
        />
      </Anchor>
      <TextField
        label="Description"
        multiline
        value={def.description ?? ''}
        onChange={(v) => set({ description: v || undefined })}
      />
      <Anchor field="start">
        <SelectField
          label="Start node"
          value={def.start}
          options={[
            ...(def.nodes.some((n) => n.id === def.start)
              ? []
              : [{ value: def.start, label: `${def.start || '—'} (missing)` }]),
            ...nodeOptions,
          ]}
          onChange={(v) => set({ start: v })}
          problem={msg('start')}
        />
      </Anchor>

      <Anchor field="instruments">
        <fieldset className="ed-field">
          <legend>Instruments used</legend>
          <div className="ed-checks cols">
            {INSTRUMENT_IDS.map((i) => (
              <label key={i} className="ed-inline-check" title={instruments[i].title}>
                <input
                  type="checkbox"
                  checked={def.instruments.includes(i)}
                  onChange={(e) =>
                    set({
                      instruments: e.target.checked
                        ? [...def.instruments, i]
                        : def.instruments.filter((x) => x !== i),
                    })
                  }
                />
                {instruments[i].shortTitle}
                {instruments[i].hasCriticalItems && (
                  <span className="ed-sr"> (has safety items)</span>
                )}
              </label>
            ))}
          </div>
          <span className={msg('instruments') ? 'ed-problem' : 'ed-hint'}>
            {msg('instruments') ?? 'Choosing an instrument on a node adds it here.'}
          </span>
        </fieldset>
      </Anchor>

      <Anchor field="scoring">
        <ScoringEditor def={def} problems={problems} commit={commit} />
      </Anchor>
      <Anchor field="measure">
        <MeasureEditor def={def} problems={problems} commit={commit} />
      </Anchor>
      <Anchor field="steps">
        <StepsEditor def={def} problems={problems} commit={commit} />
      </Anchor>
      <Anchor field="safety">
        <SelectField
          label="Safety route"
          value={def.safety?.route ?? ''}
          options={[{ value: '', label: 'None' }, ...nodeOptions]}
          onChange={(v) => set({ safety: v ? { route: v } : undefined })}
          hint={
            critical.length
              ? `Required: ${critical.map((i) => instruments[i].shortTitle).join(', ')} ha${critical.length > 1 ? 've' : 's'} safety items. A positive one sends the patient here at once.`
              : 'Where a patient goes the moment a critical (safety) item is positive.'
          }
          problem={msg('safety')}
        />
      </Anchor>

      <Anchor field="roles">
        <RolesEditor def={def} set={set} problem={msg('roles')} />
      </Anchor>
      <Anchor field="parameters">
        <ParametersEditor
          def={def}
          problems={problems}
          commit={commit}
          focus={focusParameter ?? null}
        />
      </Anchor>
    </section>
  );
}

/**
 * Marks the controls for one pathway field (`ed-pathway-<field>`, see `fieldAnchor`) without
 * changing the layout, so choosing a problem can move focus to them.
 */
function Anchor({ field, children }: { field: string; children: ReactNode }) {
  return <div id={`ed-pathway-${field}`}>{children}</div>;
}

function RolesEditor({
  def,
  set,
  problem,
}: {
  def: Def;
  set(p: Record<string, unknown>): void;
  problem: string | null;
}) {
  const roles = def.roles ?? [];
  const [title, setTitle] = useState('');
  const [rid, setRid] = useState('');
  const id = useId();
  const bad = rid !== '' && (!SLUG.test(rid) || roles.some((r) => r.id === rid));
  return (
    <fieldset className="ed-field">
      <legend>Practice roles</legend>
      <p className="ed-hint">
        Care-team roles beyond the built-in ones (PCP, care manager, psychiatric consultant…).
      </p>
      {roles.length > 0 && (
        <ul className="ed-chips">
          {roles.map((r) => (
            <li key={r.id}>
              {r.title} <code>{r.id}</code>
              <button
                type="button"
                className="ed-chip-x"
                aria-label={`Remove role ${r.title}`}
                onClick={() =>
                  set({
                    roles: roles.filter((x) => x.id !== r.id).length
                      ? roles.filter((x) => x.id !== r.id)
                      : undefined,
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="ed-row wrap">
        <label htmlFor={`${id}-t`} className="ed-sr">
          New role title
        </label>
        <input
          id={`${id}-t`}
          placeholder="Role title, e.g. Peer support worker"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setRid(
              e.target.value
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-+|-+$/g, ''),
            );
          }}
        />
        <label htmlFor={`${id}-i`} className="ed-sr">
          New role id
        </label>
        <input
          id={`${id}-i`}
          placeholder="id"
          value={rid}
          onChange={(e) => setRid(e.target.value)}
          aria-invalid={bad || undefined}
          className="ed-short"
        />
        <button
          type="button"
          disabled={!title.trim() || !rid || bad}
          onClick={() => {
            set({ roles: [...roles, { id: rid, title: title.trim() }] });
            setTitle('');
            setRid('');
          }}
        >
          Add role
        </button>
      </div>
      {problem && <span className="ed-problem">{problem}</span>}
    </fieldset>
  );
}
