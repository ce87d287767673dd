import type { InstanceState, PathwayDefinition } from '@care-pathways/engine';
import { FlagBadges, StatusBadge } from '../care/Badges.js';
import { nodeLabel } from '../care/describe.js';
import { formatDateTime, humanize, instrumentName } from '../care/format.js';
import { sinceStart } from './clock.js';

/** Where the simulated patient is, when, and what the engine has flagged. */
export function StatusSummary(props: {
  def: PathwayDefinition;
  state: InstanceState;
  flags: readonly string[];
  start: string;
  now: string;
}) {
  const { def, state, flags } = props;
  const node = def.nodes.find((n) => n.id === state.node);
  const ctx = { def };
  return (
    <div className="sim-status">
      <dl className="kv">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={state.status} />
          </dd>
        </div>
        <div>
          <dt>{state.status === 'active' ? 'Now at' : 'Ended at'}</dt>
          <dd>
            <strong className="active-node">
              {state.status === 'exited' ? 'Discharged' : nodeLabel(state.node, ctx)}
            </strong>
            {node && state.status !== 'exited' && (
              <span className="muted"> ({humanize(node.kind)})</span>
            )}
          </dd>
        </div>
        {state.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>{humanize(state.outcome)}</dd>
          </div>
        )}
        <div>
          <dt>Simulated time</dt>
          <dd>
            {formatDateTime(props.now)}{' '}
            <span className="muted">· {sinceStart(props.start, props.now)}</span>
          </dd>
        </div>
        <div>
          <dt>Flags</dt>
          <dd>
            <FlagBadges flags={flags} />
          </dd>
        </div>
      </dl>
      {flags.includes('safety-risk') && (
        <p role="alert" className="alert alert-emergent">
          <strong>Safety risk.</strong>{' '}
          {state.safety
            ? `${instrumentName(state.safety.instrument)} critical item ${state.safety.items.join(', ')} positive since ${formatDateTime(state.safety.since)}.`
            : 'A critical item was positive.'}{' '}
          It stays set until a task that resolves safety risk is completed.
        </p>
      )}
    </div>
  );
}
