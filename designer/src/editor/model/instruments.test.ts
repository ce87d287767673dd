import { describe, expect, it } from 'vitest';
import { switchInstrument } from './instruments.js';
import { applyChange } from './edits.js';
import { smallDoc } from './fixtures.js';

describe('switching a node’s instrument', () => {
  it('adds the new instrument to the pathway and drops the old one when unused', () => {
    const doc = smallDoc();
    const next = applyChange(doc, switchInstrument(doc.def, 'assess', 'phq9', 'gad7'));
    expect(next.def.instruments).toEqual(['gad7']);
    expect(next.def.nodes[0]).toMatchObject({ instrument: 'gad7' });
  });

  it('keeps the old one while another node or the measure uses it', () => {
    const doc = smallDoc();
    const withMeasure = {
      ...doc,
      def: { ...doc.def, measure: { instrument: 'phq9' as const, reviewWeek: 10 } },
    };
    expect(
      applyChange(withMeasure, switchInstrument(withMeasure.def, 'assess', 'phq9', 'gad7')).def
        .instruments,
    ).toEqual(['phq9', 'gad7']);
  });

  it('keeps the old one while a tailored threshold uses it', () => {
    const doc = smallDoc();
    const def = { ...doc.def, scoring: { phq9: { threshold: 12 } } };
    expect(
      applyChange({ ...doc, def }, switchInstrument(def, 'assess', 'phq9', 'gad7')).def.instruments,
    ).toEqual(['phq9', 'gad7']);
  });

  it('is a plain node edit when the list does not change', () => {
    const doc = smallDoc();
    const def = {
      ...doc.def,
      instruments: ['phq9' as const, 'gad7' as const],
      nodes: [...doc.def.nodes, { id: 'x', kind: 'assess' as const, instrument: 'phq9' as const }],
    };
    expect(switchInstrument(def, 'assess', 'phq9', 'gad7')).toEqual({
      type: 'node.update',
      id: 'assess',
      patch: { instrument: 'gad7' },
    });
  });
});
