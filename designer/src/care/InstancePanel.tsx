import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { PathwayDefinition } from '@care-pathways/engine';
import type {
  CareApi,
  EventResult,
  InstanceSummary,
  InstanceView,
  PatientDetail,
  TimelineEntry,
  WorkTask,
} from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { FlagBadges, PriorityBadge, StatusBadge } from './Badges.js';
import { CompleteTaskDialog } from './CompleteTaskDialog.js';
import { nodeLabel, whereNow } from './describe.js';
import { EventList } from './EventList.js';
import { FactsView } from './FactsView.js';
import { formatDateTime, humanize, instrumentName } from './format.js';
import { InstanceActions } from './InstanceActions.js';
import { DoneNotice, type Done } from './RaisedAlerts.js';
import { TaskCard } from './TaskCard.js';
import { lastEventAt, latestSafetySignal, timelineEntries, type Order } from './timeline.js';
import { TrajectoryChart } from './TrajectoryChart.js';
import { trajectoryFromTimeline } from './trajectory.js';

interface Loaded {
  instance: InstanceView;
  timeline: TimelineEntry[];
  tasks: WorkTask[];
  def: PathwayDefinition | null;
}

/** One pathway instance of a patient: where they are, their scores over time, what happened. */
export function InstancePanel(props: {
  care: CareApi;
  summary: InstanceSummary;
  patient: PatientDetail;
  canAct: boolean;
  myKeyId: string;
}) {
  const { care, summary } = props;
  const id = useId();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [order, setOrder] = useState<Order>('newest-first');
  const [completing, setCompleting] = useState<WorkTask | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const load = useCallback(async () => {
    try {
      const [instance, timeline, tasks] = await Promise.all([
        care.instance(summary.id),
        care.timeline(summary.id),
        care.tasks({ instanceId: summary.id, status: 'open' }),
      ]);
      const def = await care.definition(instance.pathwayId, instance.version).catch(() => null);
      setData({ instance, timeline, tasks, def });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [care, summary.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const trajectory = useMemo(
    () => (data ? trajectoryFromTimeline(data.timeline, props.patient.sex) : null),
    [data, props.patient.sex],
  );

  const after = (what: string) => (r: EventResult, def: PathwayDefinition | null) => {
    setDone({ text: `${what}. ${whereNow(r, def ?? data?.def ?? null)}`, effects: r.effects });
    void load();
  };

  const title = data?.def?.title ?? humanize(summary.pathwayId);
  if (error && !data)
    return (
      <section className="instance card">
        <h2>{title}</h2>
        <ApiErrorMessage error={error} action="Loading this pathway" />
      </section>
    );
  if (!data || !trajectory)
    return (
      <section className="instance card">
        <h2>{title}</h2>
        <p role="status">Loading…</p>
      </section>
    );

  const { instance, def } = data;
  const now = new Date().toISOString();
  const ctx = { def, sex: props.patient.sex };
  const safety = instance.flags.includes('safety-risk');
  const signal = safety ? latestSafetySignal(data.timeline) : null;
  const measure = def?.measure?.instrument ?? null;

  return (
    <section className="instance" aria-labelledby={`${id}-h`}>
      <header className="instance-head">
        <h2 id={`${id}-h`}>
          {title} <span className="muted">v{instance.version}</span>
        </h2>
        <StatusBadge status={instance.status} />
      </header>

      {safety && (
        <p role="alert" className="alert alert-emergent">
          <strong>Safety risk.</strong>{' '}
          {signal
            ? `${instrumentName(signal.instrument)} critical item${signal.items.length === 1 ? '' : 's'} ${signal.items.join(', ')} positive${signal.risk ? ` (risk ${signal.risk})` : ''}, ${formatDateTime(signal.at)}.`
            : 'A critical item was positive.'}{' '}
          The flag stays until a task that resolves safety risk is completed.
        </p>
      )}
      <DoneNotice done={done} onChange={setDone} />

      <div className="instance-grid">
        <div className="card">
          <h3>Where the patient is</h3>
          <dl className="kv">
            <div>
              <dt>{instance.status === 'active' ? 'Now at' : 'Ended'}</dt>
              <dd>
                <strong>
                  {instance.status === 'exited'
                    ? 'Discharged'
                    : instance.active.map((n) => nodeLabel(n, ctx)).join(', ') || '—'}
                </strong>
              </dd>
            </div>
            {instance.outcome && (
              <div>
                <dt>Outcome</dt>
                <dd>{humanize(instance.outcome)}</dd>
              </div>
            )}
            <div>
              <dt>Started</dt>
              <dd>{formatDateTime(instance.startedAt)}</dd>
            </div>
            <div>
              <dt>Last event</dt>
              <dd>{formatDateTime(instance.updatedAt)}</dd>
            </div>
            <div>
              <dt>Flags</dt>
              <dd>
                <FlagBadges flags={instance.flags} />
              </dd>
            </div>
          </dl>
          <h4 className="sub">Open tasks</h4>
          {data.tasks.length === 0 ? (
            <p className="muted">No open tasks.</p>
          ) : (
            <ul className="cards">
              {data.tasks.map((t) => (
                <TaskCard key={t.id} task={t} def={def} now={now} showInstrument>
                  {props.canAct && (
                    <button type="button" className="primary" onClick={() => setCompleting(t)}>
                      Complete…
                    </button>
                  )}
                </TaskCard>
              ))}
            </ul>
          )}
          {instance.open.referrals.length > 0 && (
            <>
              <h4 className="sub">Open referrals</h4>
              <ul className="plain">
                {instance.open.referrals.map((r) => (
                  <li key={r.id}>
                    Referral to {r.service} <PriorityBadge priority={r.urgency} /> —{' '}
                    {humanize(r.status).toLowerCase()}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        <div className="card">
          <h3>Facts</h3>
          {/* The engine computes facts at the instance's clock: the last event, not today. */}
          <p className="muted small">As of the last event, {formatDateTime(instance.updatedAt)}</p>
          <FactsView facts={instance.facts} def={def} />
        </div>
      </div>

      <div className="card">
        <h3>Symptom trajectory</h3>
        <TrajectoryChart
          series={trajectory.series}
          start={instance.startedAt}
          end={lastEventAt(data.timeline, instance.updatedAt)}
          primary={measure}
          title={`Scores over time for patient ${props.patient.externalRef}, ${title}`}
        />
        {trajectory.risks.length > 0 && (
          <>
            <h4 className="sub">Risk screens</h4>
            <ul className="plain">
              {trajectory.risks.map((r) => (
                <li key={r.seq}>
                  {formatDateTime(r.at)}: {instrumentName(r.instrument)} risk{' '}
                  <strong>{r.risk}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div className="instance-grid wide-left">
        <div className="card">
          <div className="timeline-head">
            <h3>Timeline</h3>
            <fieldset className="segmented">
              <legend className="sr-only">Order</legend>
              {(
                [
                  ['newest-first', 'Newest first'],
                  ['oldest-first', 'Oldest first'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className={order === value ? 'on' : undefined}>
                  <input
                    type="radio"
                    name={`${id}-order`}
                    value={value}
                    checked={order === value}
                    onChange={() => setOrder(value)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          </div>
          <EventList
            entries={timelineEntries(data.timeline, order, props.myKeyId)}
            ctx={ctx}
            since={instance.startedAt}
            label={`Timeline, ${order === 'newest-first' ? 'newest' : 'oldest'} first`}
          />
        </div>
        {props.canAct && instance.status === 'active' && (
          <div className="card">
            <h3>Record</h3>
            <InstanceActions
              care={care}
              instance={instance}
              def={def}
              sex={props.patient.sex}
              onDone={after}
            />
          </div>
        )}
      </div>

      {completing && (
        <CompleteTaskDialog
          api={care}
          task={{ ...completing, patientRef: props.patient.externalRef }}
          onClose={() => setCompleting(null)}
          onDone={(r, d) => {
            setCompleting(null);
            after(`Completed “${completing.title}”`)(r, d);
          }}
        />
      )}
    </section>
  );
}
