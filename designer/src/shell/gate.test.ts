import { describe, expect, it } from 'vitest';
import { createGate, type LeaveGuard } from './gate.js';

function setup(initial = '#/pathways/a') {
  const log: string[] = [];
  const gate = createGate(initial, {
    restore: (h) => log.push(`restore ${h}`),
    go: (h) => {
      log.push(`go ${h}`);
      gate.arrive(h); // the browser's hashchange
    },
    changed: () => log.push(`changed ${gate.shown}`),
  });
  const asked: (() => void)[] = [];
  const guard: LeaveGuard = (proceed) => asked.push(proceed);
  return { gate, log, asked, guard };
}

describe('the navigation gate', () => {
  it('shows a new address at once when no page holds unsaved work', () => {
    const { gate, log } = setup();
    gate.arrive('#/worklist');
    expect(gate.shown).toBe('#/worklist');
    expect(log).toEqual(['changed #/worklist']);
  });

  it('holds a new address while a guard is installed, restoring the old one', () => {
    const { gate, log, asked, guard } = setup();
    gate.hold(guard);
    gate.arrive('#/worklist');
    expect(gate.shown).toBe('#/pathways/a');
    expect(log).toEqual(['restore #/pathways/a']);
    expect(asked).toHaveLength(1);
  });

  it('goes to the held address once the guard proceeds, without asking again', () => {
    const { gate, log, asked, guard } = setup();
    gate.hold(guard);
    gate.arrive('#/worklist');
    asked[0]!();
    expect(gate.shown).toBe('#/worklist');
    expect(log).toEqual(['restore #/pathways/a', 'changed #/worklist', 'go #/worklist']);
    expect(asked).toHaveLength(1);
  });

  it('stays when the guard never proceeds (the user chose Stay)', () => {
    const { gate, asked, guard } = setup();
    gate.hold(guard);
    gate.arrive('#/patients');
    expect(asked).toHaveLength(1);
    expect(gate.shown).toBe('#/pathways/a');
  });

  it('asks the guard before an action such as signing out, and runs it only on proceed', () => {
    const { gate, asked, guard } = setup();
    let signedOut = 0;
    gate.leave(() => signedOut++);
    expect(signedOut).toBe(1);
    gate.hold(guard);
    gate.leave(() => signedOut++);
    expect(signedOut).toBe(1);
    asked[0]!();
    expect(signedOut).toBe(2);
  });

  it('lets addresses through again once the guard is released', () => {
    const { gate, asked, guard } = setup();
    const release = gate.hold(guard);
    release();
    gate.arrive('#/registry');
    expect(asked).toHaveLength(0);
    expect(gate.shown).toBe('#/registry');
  });

  it('keeps a newer guard when an older one is released late', () => {
    const { gate, asked, guard } = setup();
    const releaseOld = gate.hold(() => undefined);
    gate.hold(guard);
    releaseOld();
    gate.arrive('#/registry');
    expect(asked).toHaveLength(1);
  });
});
