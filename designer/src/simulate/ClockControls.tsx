import { useEffect, useId, useState } from 'react';
import type { InstanceState, PathwayDefinition } from '@care-pathways/engine';
import { nodeLabel } from '../care/describe.js';
import { formatDateTime, fromLocalInput, spanWords, toLocalInput } from '../care/format.js';
import { ADVANCE_STEPS, addMs, advanceProblem } from './clock.js';
import { earliestTimer } from './driver.js';

/** Moves simulated time forward; timers that come due fire in order as it passes. */
export function ClockControls(props: {
  def: PathwayDefinition;
  state: InstanceState;
  now: string;
  onAdvance(to: string): void;
}) {
  const { state, now } = props;
  const id = useId();
  const [custom, setCustom] = useState(() => toLocalInput(addMs(now, 3 * 86_400_000)));
  const [error, setError] = useState<string | null>(null);
  // When the clock passes the chosen date, propose a date ahead of it again.
  useEffect(() => {
    setCustom((c) => {
      const t = fromLocalInput(c);
      return t && Date.parse(t) > Date.parse(now) ? c : toLocalInput(addMs(now, 3 * 86_400_000));
    });
  }, [now]);
  const next = earliestTimer(state);
  const ended = state.status !== 'active';
  const timers = [...state.open.timers].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));

  return (
    <section className="sim-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Clock</h3>
      {ended ? (
        <p className="muted">The pathway has ended; time no longer changes anything.</p>
      ) : (
        <>
          <div className="button-row">
            {ADVANCE_STEPS.map((s) => (
              <button key={s.label} type="button" onClick={() => props.onAdvance(addMs(now, s.ms))}>
                Advance {s.label}
              </button>
            ))}
            {next && (
              <button
                type="button"
                onClick={() =>
                  props.onAdvance(Date.parse(next.dueAt) > Date.parse(now) ? next.dueAt : now)
                }
                disabled={Date.parse(next.dueAt) <= Date.parse(now)}
              >
                Advance to next timer
              </button>
            )}
          </div>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const to = fromLocalInput(custom);
              const problem = advanceProblem(now, to);
              setError(problem);
              if (!problem && to) props.onAdvance(to);
            }}
          >
            <label htmlFor={`${id}-to`}>Advance to</label>
            <input
              id={`${id}-to`}
              type="datetime-local"
              value={custom}
              min={toLocalInput(now)}
              onChange={(e) => setCustom(e.target.value)}
            />
            <button type="submit">Go</button>
          </form>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </>
      )}
      <h4 className="sub">Scheduled timers</h4>
      {timers.length === 0 ? (
        <p className="muted">No timers are scheduled.</p>
      ) : (
        <ul className="plain">
          {timers.map((t) => (
            <li key={t.id}>
              {nodeLabel(t.node, { def: props.def })}{' '}
              <span className="muted">({t.purpose === 'wait' ? 'wait' : 'follow-up'})</span>: due{' '}
              {formatDateTime(t.dueAt)}{' '}
              <span className="muted">
                (
                {Date.parse(t.dueAt) > Date.parse(now)
                  ? `in ${spanWords(Date.parse(t.dueAt) - Date.parse(now))}`
                  : 'due now'}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
