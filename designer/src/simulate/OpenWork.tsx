import { useId } from 'react';
import {
  REFERRAL_STATUSES,
  type InstanceState,
  type InstrumentId,
  type PathwayDefinition,
} from '@care-pathways/engine';
import { PriorityBadge } from '../care/Badges.js';
import { nodeLabel } from '../care/describe.js';
import { TaskOutcomeForm } from '../care/EventForms.js';
import { formatDateTime, humanize, instrumentName } from '../care/format.js';
import { TaskCard } from '../care/TaskCard.js';

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
            <OpenTaskCard key={t.id} task={t} {...props} />
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

function OpenTaskCard(props: {
  task: OpenTask;
  def: PathwayDefinition;
  now: string;
  onCompleteTask(task: string, outcome: string, note: string): boolean;
  onRecordInstrument(id: InstrumentId): void;
}) {
  const { task, def } = props;
  const node = def.nodes.find((n) => n.id === task.node);
  const outcomes = node?.kind === 'task' ? (node.outcomes ?? []) : [];
  return (
    <TaskCard task={task} def={def} now={props.now}>
      {task.instrument ? (
        <button type="button" onClick={() => props.onRecordInstrument(task.instrument!)}>
          Record {instrumentName(task.instrument)}
        </button>
      ) : (
        <TaskOutcomeForm
          title={task.title}
          outcomes={outcomes}
          onSend={(done) =>
            props.onCompleteTask(
              task.node,
              typeof done.outcome === 'string' ? done.outcome : '',
              typeof done.note === 'string' ? done.note : '',
            )
          }
        />
      )}
      {node?.kind === 'task' && node.resolvesSafetyRisk && (
        <p className="hint">Completing this task clears the safety-risk flag.</p>
      )}
      {task.node !== undefined && nodeLabel(task.node, { def }) !== task.title && (
        <p className="hint">Node: {nodeLabel(task.node, { def })}</p>
      )}
    </TaskCard>
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
