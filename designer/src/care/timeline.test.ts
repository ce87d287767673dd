import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from './api.js';
import { latestSafetySignal } from './timeline.js';

const entry = (at: string, effects: TimelineEntry['effects']): TimelineEntry => ({
  seq: 0,
  at,
  recordedAt: at,
  actor: 'k',
  event: {},
  trace: [],
  effects,
});
const alert = (items: number[], risk?: string) =>
  ({
    kind: 'alert',
    id: 'a',
    priority: 'urgent',
    reason: 'critical-item',
    instrument: 'phq9',
    items,
    ...(risk ? { risk } : {}),
    role: 'pcp',
    message: 'm',
  }) as const;

describe('the safety signal behind a safety-risk flag', () => {
  it('is the latest critical-item alert, with its instrument, items and time', () => {
    const log = [
      entry('2026-01-05T09:00:00.000Z', [alert([9])]),
      entry('2026-01-19T09:00:00.000Z', []),
      entry('2026-02-02T09:00:00.000Z', [alert([9], 'high')]),
      entry('2026-02-03T09:00:00.000Z', []),
    ];
    expect(latestSafetySignal(log)).toEqual({
      at: '2026-02-02T09:00:00.000Z',
      instrument: 'phq9',
      items: [9],
      risk: 'high',
    });
  });

  it('is none when no alert was raised', () => {
    expect(latestSafetySignal([entry('2026-01-05T09:00:00.000Z', [])])).toBeNull();
  });
});
