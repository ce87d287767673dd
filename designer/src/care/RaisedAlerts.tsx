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

/** What an action did. */
export interface Done {
  text: string;
  effects: Effect[];
}

/** The outcome of the last action (role=status) and any safety alerts it raised, dismissable. */
export function DoneNotice({ done, onChange }: { done: Done | null; onChange(d: Done): void }) {
  if (!done) return null;
  return (
    <>
      <p role="status" className="notice">
        {done.text}
      </p>
      <RaisedAlerts effects={done.effects} onDismiss={() => onChange({ ...done, effects: [] })} />
    </>
  );
}
