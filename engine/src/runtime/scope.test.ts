import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support.js';
import { start } from './step.js';
import { EXITED, machineOf } from './machine.js';
import { resolveSnapshot } from './scope.js';

describe('resolveSnapshot', () => {
  it("is XState's resolveState for every node, with nothing shared between snapshots", () => {
    const def = fixture('depression');
    const machine = machineOf(def);
    const begun = start(def, { at: '2026-01-05T09:00:00Z' });
    if (!begun.ok) throw new Error('start refused');
    for (const value of [...def.nodes.map((n) => n.id), EXITED]) {
      const context = { state: begun.snapshot, effects: [], trace: [], cause: 'test' };
      const expected = machine.resolveState({ value, context });
      const a = resolveSnapshot(machine, value, context);
      const b = resolveSnapshot(machine, value, { ...context });
      expect(a).toEqual(expected);
      expect(Object.keys(a)).toEqual(Object.keys(expected));
      expect(a.status).toBe(expected.status);
      expect(a.value).toEqual(expected.value);
      expect(a.context).toBe(context);
      expect(a.children).not.toBe(b.children);
      expect(a.historyValue).not.toBe(b.historyValue);
    }
  });
});
