import { describe, expect, it } from 'vitest';
import { factCatalogue, factsOf, start, type PathwayDefinition } from '@care-pathways/engine';
import { factDescription, flattenFacts, instrumentFacts } from './facts.js';
import { actorLabel, lastEventAt, timelineEntries } from './timeline.js';

const def = {
  schemaVersion: 1,
  id: 'f',
  title: 'F',
  instruments: ['phq2', 'cssrs'],
  parameters: { t: { type: 'integer', default: 3, min: 2, max: 4 } },
  safety: { route: 'done' },
  start: 'screen',
  nodes: [
    { id: 'screen', kind: 'screen', instrument: 'phq2' },
    { id: 'risk', kind: 'assess', instrument: 'cssrs' },
    { id: 'done', kind: 'end', outcome: 'done' },
  ],
  transitions: [
    { from: 'screen', to: 'risk' },
    { from: 'risk', to: 'done' },
  ],
} as unknown as PathwayDefinition;

describe('facts for people', () => {
  const begun = start(def, { at: '2026-01-05T09:00:00Z', patient: { age: 50 } });
  if (!begun.ok) throw new Error('start');
  const facts = factsOf(def, begun.snapshot);

  it('lists each instrument of the pathway with its scores', () => {
    const rows = instrumentFacts(facts, def.instruments);
    expect(rows.map((r) => r.name)).toEqual(['PHQ-2', 'C-SSRS']);
    expect(rows[0]).toMatchObject({ latest: null, baseline: null, count: 0, change: null });
  });

  it('flattens every fact to the dotted name conditions use, with its meaning', () => {
    const flat = Object.fromEntries(flattenFacts(facts));
    expect(flat['patient.age']).toBe(50);
    expect(flat['params.t']).toBe(3);
    expect(flat['phq2.items']).toEqual([]);
    expect(flat['cssrs.risk']).toBeNull();
    const cat = factCatalogue(def);
    expect(factDescription('weeksInCare', cat)).toMatch(/weeks/i);
    expect(factDescription('nope', cat)).toBeNull();
  });
});

describe('the timeline', () => {
  const entries = [
    {
      seq: 0,
      at: '2026-01-05T09:00:00Z',
      recordedAt: '',
      actor: 'demo-seed',
      event: { type: 'instance.started' },
      trace: [],
      effects: [],
    },
    {
      seq: 1,
      at: '2026-01-19T09:00:00Z',
      recordedAt: '',
      actor: 'system:scheduler',
      event: { type: 'timer.fired' },
      trace: [],
      effects: [],
    },
    {
      seq: 2,
      at: '2026-01-20T09:00:00Z',
      recordedAt: '',
      actor: 'key-0123456789abcdef',
      event: { type: 'contact.logged' },
      trace: [],
      effects: [],
    },
  ];
  it('says who recorded each event', () => {
    expect(actorLabel('system:scheduler')).toBe('the scheduler (automatic)');
    expect(actorLabel('k1', 'k1')).toBe('you');
    expect(actorLabel('key-0123456789abcdef')).toBe('key key-0123…');
  });
  it('orders oldest or newest first', () => {
    expect(timelineEntries(entries, 'oldest-first').map((e) => e.key)).toEqual([0, 1, 2]);
    expect(timelineEntries(entries, 'newest-first').map((e) => e.key)).toEqual([2, 1, 0]);
    expect(lastEventAt(entries, '2026-01-01T00:00:00Z')).toBe('2026-01-20T09:00:00Z');
  });
});
