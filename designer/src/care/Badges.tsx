import { humanize } from './format.js';

const FLAG_TEXT: Record<string, string> = {
  'safety-risk': 'Safety risk',
  response: 'Response',
  'partial-response': 'Partial response',
  remission: 'Remission',
  'not-improving': 'Not improving',
  overdue: 'Follow-up overdue',
  'no-contact': 'No contact in 28+ days',
};

/** Flags as badges; safety-risk first and loud. */
export function FlagBadges({ flags }: { flags: readonly string[] }) {
  if (!flags.length) return <span className="muted">No flags</span>;
  const sorted = [...flags].sort(
    (a, b) => Number(b === 'safety-risk') - Number(a === 'safety-risk'),
  );
  return (
    <ul className="badges" aria-label="Flags">
      {sorted.map((f) => (
        <li key={f} className={`badge flag-${f}`}>
          {f === 'safety-risk' && <span aria-hidden="true">⚠ </span>}
          {FLAG_TEXT[f] ?? humanize(f)}
        </li>
      ))}
    </ul>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge priority-${priority}`}>{humanize(priority)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{humanize(status)}</span>;
}
