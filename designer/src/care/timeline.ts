/** The patient timeline: who recorded each event, in words, in the order the reader chose. */
import type { TimelineEntry } from './api.js';
import type { EventEntry } from './EventList.js';

/** "system:scheduler" → "the scheduler (automatic)"; API key ids shortened. */
export function actorLabel(actor: string, myKeyId?: string): string {
  if (actor === 'system:scheduler') return 'the scheduler (automatic)';
  if (actor === 'demo-seed') return 'demo data';
  if (myKeyId && actor === myKeyId) return 'you';
  return `key ${actor.length > 12 ? `${actor.slice(0, 8)}…` : actor}`;
}

export type Order = 'oldest-first' | 'newest-first';

export function timelineEntries(
  entries: readonly TimelineEntry[],
  order: Order,
  myKeyId?: string,
): EventEntry[] {
  const mapped = entries.map((e) => ({
    key: e.seq,
    at: e.at,
    event: e.event,
    effects: e.effects,
    trace: e.trace,
    actor: actorLabel(e.actor, myKeyId),
  }));
  return order === 'newest-first' ? mapped.reverse() : mapped;
}

/** The last time anything happened to the instance, for the chart's time span. */
export function lastEventAt(entries: readonly { at: string }[], fallback: string): string {
  return entries.reduce((m, e) => (Date.parse(e.at) > Date.parse(m) ? e.at : m), fallback);
}

/** The latest critical-item alert in the log: what was positive, and when. */
export interface SafetySignal {
  at: string;
  instrument: string;
  items: number[];
  risk?: string;
}

export function latestSafetySignal(entries: readonly TimelineEntry[]): SafetySignal | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    const alerts = e.effects.filter((x) => x.kind === 'alert');
    const last = alerts.at(-1);
    if (last && last.kind === 'alert')
      return {
        at: e.at,
        instrument: last.instrument,
        items: last.items,
        ...(last.risk ? { risk: last.risk } : {}),
      };
  }
  return null;
}
