import { describe, expect, it } from 'vitest';
import { explore, pathwaySchema, validatePathway } from '../index.js';
import { outcomesRead } from './explore.js';
import { answerSamples } from './samples.js';
import { instruments, scoreInstrument, INSTRUMENT_IDS } from '../instruments/index.js';
import { fixture, rawFixture } from '../../test/support.js';

describe('answer samples', () => {
  it('gives valid answers hitting every band of every instrument', () => {
    for (const id of INSTRUMENT_IDS) {
      const samples = answerSamples(id);
      const bands = new Set(
        samples.map((s) => {
          const r = scoreInstrument(id, s.answers);
          expect(r.ok, `${id} ${s.label}`).toBe(true);
          return r.ok ? r.value.band : '';
        }),
      );
      expect([...bands].sort(), id).toEqual([...instruments[id].bandIds].sort());
      if (instruments[id].hasCriticalItems)
        expect(
          samples.some((s) => (scoreInstrument(id, s.answers) as any).value.critical),
          id,
        ).toBe(true);
    }
  });
});

describe('explore', () => {
  it('reaches every node and edge of the fixture, always can finish, and never leaves a patient stuck', () => {
    const c = explore(fixture('depression'));
    expect(c.complete).toBe(true);
    expect(c.nodes.unreached).toEqual([]);
    expect(c.edges.untaken).toEqual([]);
    expect(c.outcomes).toEqual(['remission', 'screen-negative']);
    expect(c.stuck).toEqual([]);
    expect(c.cannotFinish).toEqual([]);
  });

  it('finds a patient left waiting on nothing (a referral declined where only completion moves on)', () => {
    const raw = rawFixture('depression') as any;
    raw.nodes.push({
      id: 'psychiatry',
      kind: 'refer',
      service: 'specialty psychiatry',
      urgency: 'routine',
      advanceOn: ['completed'],
    });
    raw.transitions = raw.transitions.map((t: any) =>
      t.from === 'step-up' ? { ...t, to: 'psychiatry' } : t,
    );
    raw.transitions.push({ from: 'psychiatry', to: 'follow-up' });
    // The validator refuses this pathway …
    expect(validatePathway(raw).errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'refer.unhandled-status $.nodes[10].advanceOn',
    ]);
    // … and the explorer, given it anyway, shows the patient it would strand.
    const c = explore(pathwaySchema.parse(raw));
    expect(c.stuck.length).toBeGreaterThan(0);
    expect(c.stuck[0]!.node).toBe('psychiatry');
    expect(c.stuck[0]!.path.at(-1)).toMatch(/psychiatry (declined|no-show)/);
  });
});

describe('explore state keys', () => {
  it('knows which outcomes conditions read, and falls back to all of them for a computed name', () => {
    const def = fixture('depression');
    expect(outcomesRead(def)).toEqual(new Set(['caseload-review']));
    const whole = { ...def, transitions: [...def.transitions] };
    whole.transitions[0] = { ...whole.transitions[0]!, when: { '!!': [{ var: 'outcomes' }] } };
    expect(outcomesRead(whole)).toBe('all');
    const computed = { ...def, transitions: [...def.transitions] };
    computed.transitions[0] = {
      ...computed.transitions[0]!,
      when: { '==': [{ var: { cat: ['outcomes.', 'enrol'] } }, 'done'] },
    };
    expect(outcomesRead(computed)).toBe('all');
  });

  it('does not multiply states by the outcomes of a task that no condition reads', () => {
    const quick = { gaps: [1] };
    const plain = explore(fixture('depression'), quick);
    const raw = rawFixture('depression') as any;
    raw.nodes = raw.nodes.map((n: any) =>
      n.id === 'enrol' ? { ...n, outcomes: ['engaged', 'engaged-by-phone', 'engaged-late'] } : n,
    );
    const withOutcomes = explore(pathwaySchema.parse(raw), quick);
    expect(withOutcomes.states).toBe(plain.states);
    expect(withOutcomes.transitions).toBeGreaterThan(plain.transitions);
    // Once a condition reads them, they are part of the state again.
    raw.transitions.push({
      from: 'enrol',
      to: 'negative',
      when: { '==': [{ var: 'outcomes.enrol' }, 'engaged-late'] },
    });
    raw.transitions = [
      ...raw.transitions.filter((t: any) => !(t.from === 'enrol' && t.when === undefined)),
      ...raw.transitions.filter((t: any) => t.from === 'enrol' && t.when === undefined),
    ];
    expect(explore(pathwaySchema.parse(raw), quick).states).toBeGreaterThan(plain.states);
  });
});
