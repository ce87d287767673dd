import { useId, useState } from 'react';
import {
  REFERRAL_STATUSES,
  type InstanceState,
  type InstrumentId,
  type PathwayDefinition,
} from '@care-pathways/engine';
import { PriorityBadge } from '../care/Badges.js';
import { nodeLabel } from '../care/describe.js';
import { dueStatus, formatDateTime, humanize, instrumentName, roleTitle } from '../care/format.js';

type OpenTask = InstanceState['open']['tasks'][number];
type OpenReferral = InstanceState['open']['referrals'][number];

/** The patient's open tasks and referrals, each with the actions that close it. */
export function OpenWork(props: {
  def: PathwayDefinition;
  state: InstanceState;
  now: string;
  onCompleteTask(task: string, outcome: string, note: string): boolean;
  onReferral(referral: string, status: string): void;
  onRecordInstrument(id: InstrumentId): void;
}) {
  const { state } = props;
  const headingId = useId();
  return (
    <section className="sim-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Open work</h3>
      {state.open.tasks.length === 0 && state.open.referrals.length === 0 && (
        <p className="muted">No open tasks or referrals.</p>
      )}
      {state.open.tasks.length > 0 && (
        <ul className="cards" aria-label="Open tasks">
          {state.open.tasks.map((t) => (
            <TaskCard key={t.id} task={t} {...props} />
          ))}
        </ul>
      )}
      {state.open.referrals.length > 0 && (
        <ul className="cards" aria-label="Open referrals">
          {state.open.referrals.map((r) => (
            <ReferralCard key={r.id} referral={r} def={props.def} onReferral={props.onReferral} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskCard(props: {
  task: OpenTask;
  def: PathwayDefinition;
  now: string;
  onCompleteTask(task: string, outcome: string, note: string): boolean;
  onRecordInstrument(id: InstrumentId): void;
}) {
  const { task, def } = props;
  const id = useId();
  const node = def.nodes.find((n) => n.id === task.node);
  const outcomes = node?.kind === 'task' ? (node.outcomes ?? []) : [];
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const due = dueStatus(task.due, props.now);
  return (
    <li className={`card task-card due-${due.kind}`}>
      <div className="card-head">
        <strong>{task.title}</strong>
        <PriorityBadge priority={task.priority} />
      </div>
      <p className="card-meta">
        {roleTitle(task.role, def.roles ?? [])} ·{' '}
        {task.due ? (
          <>
            due {formatDateTime(task.due)} —{' '}
            <span className={`due due-${due.kind}`}>{due.text}</span>
          </>
        ) : (
          'no due date'
        )}
      </p>
      {task.instrument ? (
        <button type="button" onClick={() => props.onRecordInstrument(task.instrument!)}>
          Record {instrumentName(task.instrument)}
        </button>
      ) : (
        <form
          aria-label={`Complete ${task.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (outcomes.length && !outcome) return setError('Choose an outcome.');
            setError(null);
            if (props.onCompleteTask(task.node, outcome, '')) setOutcome('');
          }}
        >
          {outcomes.length > 0 && (
            <fieldset className="outcomes">
              <legend>Outcome</legend>
              {outcomes.map((o) => (
                <label key={o} className="option">
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    value={o}
                    checked={outcome === o}
                    onChange={() => setOutcome(o)}
                  />
                  <span>{humanize(o)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            Complete task
          </button>
        </form>
      )}
      {node?.kind === 'task' && node.resolvesSafetyRisk && (
        <p className="hint">Completing this task clears the safety-risk flag.</p>
      )}
      {task.node !== undefined && nodeLabel(task.node, { def }) !== task.title && (
        <p className="hint">Node: {nodeLabel(task.node, { def })}</p>
      )}
    </li>
  );
}

function ReferralCard(props: {
  referral: OpenReferral;
  def: PathwayDefinition;
  onReferral(referral: string, status: string): void;
}) {
  const { referral: r } = props;
  return (
    <li className="card">
      <div className="card-head">
        <strong>Referral to {r.service}</strong>
        <PriorityBadge priority={r.urgency} />
      </div>
      <p className="card-meta">
        {nodeLabel(r.node, { def: props.def })} · status {humanize(r.status).toLowerCase()} · since{' '}
        {formatDateTime(r.createdAt)}
      </p>
      <div className="button-row" role="group" aria-label={`Update referral to ${r.service}`}>
        {REFERRAL_STATUSES.map((s) => (
          <button key={s} type="button" onClick={() => props.onReferral(r.node, s)}>
            {humanize(s)}
          </button>
        ))}
      </div>
    </li>
  );
}
