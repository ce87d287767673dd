import { useId } from 'react';
import type { VersionSummary } from '../../api/client.js';
import { legendSteps, patients, type TrafficView } from '../model/traffic.js';

/** The "Show patient traffic" switch, offered when a published version has had patients. */
export function TrafficToggle({
  on,
  onChange,
  version,
}: {
  on: boolean;
  onChange(on: boolean): void;
  version: number | null;
}) {
  return (
    <label className="ed-traffic-toggle">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      Show patient traffic{version !== null ? ` (v${version})` : ''}
    </label>
  );
}

/**
 * What the overlay means: the version counted, stroke widths for a few patient counts, node
 * counts, and the moves that follow no drawn edge. Shown beside the canvas while the overlay is on.
 */
export function TrafficLegend({
  view,
  versions,
  onVersion,
  onRefresh,
}: {
  view: TrafficView;
  versions: readonly VersionSummary[];
  onVersion(version: number): void;
  onRefresh(): void;
}) {
  const id = useId();
  const steps = legendSteps(view.max);
  const off = view.offPath;
  return (
    <section className="ed-traffic-legend" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Patient traffic</h3>
      <p>
        <label htmlFor={`${id}-v`}>Version</label>{' '}
        <select
          id={`${id}-v`}
          value={view.version}
          onChange={(e) => onVersion(Number(e.target.value))}
        >
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
              {v.live ? ' (live)' : ''}
            </option>
          ))}
        </select>{' '}
        — {patients(view.total)} started on it.{' '}
        <button type="button" className="ed-small" onClick={onRefresh}>
          Refresh
        </button>
      </p>
      {steps.length > 0 ? (
        <ul className="ed-traffic-steps" aria-label="Edge width by patients who took the edge">
          {steps.map((s) => (
            <li key={s.count}>
              <svg width="44" height="14" aria-hidden="true">
                <line x1="2" y1="7" x2="42" y2="7" stroke="#0b5cad" strokeWidth={s.width} />
              </svg>
              {patients(s.count)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ed-muted">No patient has taken a transition of this version yet.</p>
      )}
      <p className="ed-muted">
        Edges: width and count = patients who took them. Nodes: patients there now or ended there.
        Drawn on the draft&apos;s edges that join the same nodes.
      </p>
      {(off.safety > 0 || off.override > 0 || off.discharge > 0 || view.exited > 0) && (
        <p>
          Off the drawn edges: {patients(off.safety)} to the safety route, {patients(off.override)}{' '}
          moved by override, {patients(off.discharge)} discharged.
        </p>
      )}
    </section>
  );
}
