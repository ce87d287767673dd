import { readFileSync } from 'node:fs';
import { validatePathway, type PathwayDefinition, type StepResult } from '../src/index.js';

/** A fixture pathway, validated (fails the test loudly if the fixture itself is broken). */
export function fixture(name: string): PathwayDefinition {
  const raw = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
  const v = validatePathway(raw);
  if (!v.valid) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(v.errors, null, 2)}`);
  return v.definition!;
}

export function rawFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** Narrows a step result to success, failing with the problems otherwise. */
export function ok(r: StepResult): Extract<StepResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected the event to be accepted: ${JSON.stringify(r.problems)}`);
  return r;
}

/** A minimal valid two-node pathway, with parts replaced. */
export function tiny(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'tiny',
    title: 'Tiny',
    instruments: ['gad7'],
    start: 'screen',
    nodes: [
      { id: 'screen', kind: 'screen', instrument: 'gad7' },
      { id: 'done', kind: 'end', outcome: 'screened' },
    ],
    transitions: [{ from: 'screen', to: 'done' }],
    ...over,
  };
}

export const PHQ9 = {
  /** Nine answers summing to `total` with item 9 = 0 (total ≤ 24). */
  total(total: number, item9 = 0): number[] {
    const items = Array<number>(9).fill(0);
    items[8] = item9;
    let left = total - item9;
    for (let i = 0; i < 8 && left > 0; i++) {
      const v = Math.min(3, left);
      items[i] = v;
      left -= v;
    }
    if (left > 0) throw new Error(`cannot build PHQ-9 total ${total} with item 9 = ${item9}`);
    return items;
  },
};
