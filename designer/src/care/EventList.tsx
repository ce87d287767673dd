import type { Effect, TraceEntry } from '@care-pathways/engine';
import { describeEffect, describeEvent, describeTrace, type DescribeContext } from './describe.js';
import { formatDateTime } from './format.js';
import { sinceStart } from '../simulate/clock.js';

export interface EventEntry {
  key: string | number;
  at: string;
  event: Record<string, unknown>;
  effects: readonly Effect[];
  trace: readonly TraceEntry[];
  /** Who recorded it, in words. */
  actor?: string;
  /** A problem to point out on this entry (e.g. a failed consistency check). */
  warning?: string;
}

const TONE_WORD: Record<string, string> = { emergent: 'Emergent', urgent: 'Urgent' };

/**
 * Events with what each one did: the moves it caused (trace) and the effects the engine asked
 * for, alerts highlighted. Used by the simulation log and the patient timeline.
 */
export function EventList(props: {
  entries: readonly EventEntry[];
  ctx: DescribeContext;
  /** Show "Day 3 (week 0)" since this time beside each date. */
  since?: string;
  label: string;
}) {
  const { ctx } = props;
  if (!props.entries.length) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="event-list" aria-label={props.label}>
      {props.entries.map((entry) => {
        const ev = describeEvent(entry.event, ctx);
        const moves = entry.trace.filter((t) => t.why !== 'recorded');
        return (
          <li key={entry.key} className={`event tone-${ev.tone}`}>
            <div className="event-head">
              <time dateTime={entry.at}>
                {formatDateTime(entry.at, ctx.dates)}
                {props.since && (
                  <span className="muted"> · {sinceStart(props.since, entry.at)}</span>
                )}
              </time>
              <strong className="event-title">{ev.title}</strong>
              {ev.detail && <span className="event-detail">{ev.detail}</span>}
              {entry.actor && <span className="event-actor">by {entry.actor}</span>}
            </div>
            {entry.warning && (
              <p role="alert" className="alert alert-urgent">
                {entry.warning}
              </p>
            )}
            {(moves.length > 0 || entry.effects.length > 0) && (
              <ul className="event-body">
                {moves.map((t, i) => (
                  <li key={`t${i}`} className="move">
                    <span aria-hidden="true">↳ </span>
                    <span className="sr-only">Moved: </span>
                    {describeTrace(t, ctx)}
                  </li>
                ))}
                {entry.effects.map((e, i) => {
                  const d = describeEffect(e, ctx);
                  return (
                    <li key={`e${i}`} className={`effect effect-${e.kind} tone-${d.tone}`}>
                      {TONE_WORD[d.tone] && e.kind !== 'alert' && (
                        <span className={`badge priority-${d.tone}`}>{TONE_WORD[d.tone]}</span>
                      )}
                      <span className="effect-title">{d.title}</span>
                      {d.detail && <span className="effect-detail"> — {d.detail}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
