import type { Effect } from '@care-pathways/engine';
import { describeEffect } from './describe.js';

/** Safety alerts the last action raised: shown at once, announced to screen readers. */
export function RaisedAlerts({
  effects,
  onDismiss,
}: {
  effects: readonly Effect[];
  onDismiss(): void;
}) {
  const alerts = effects.filter((e) => e.kind === 'alert');
  if (!alerts.length) return null;
  return (
    <div role="alert" className="alert alert-emergent raised-alerts">
      {alerts.map((a, i) => (
        <p key={i}>
          <strong>{describeEffect(a).title}</strong>
        </p>
      ))}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
