import { describe, expect, it } from 'vitest';
import { instruments, validatePathway } from '@care-pathways/engine';
import { toStored, type EditorDoc } from './doc.js';
import { applyChange } from './edits.js';
import { smallDoc } from './fixtures.js';
import { bindToNewParameter, checkThreshold, scoringRows, setThreshold } from './scoring.js';

const withInstruments = (doc: EditorDoc, list: string[], scoring?: object): EditorDoc => ({
  ...doc,
  def: {
    ...doc.def,
    instruments: list as EditorDoc['def']['instruments'],
    ...(scoring ? { scoring } : {}),
  },
});

describe('positive-screen thresholds', () => {
  it('offers a row per instrument of the pathway that has a tailorable threshold, with its range', () => {
    const doc = withInstruments(smallDoc(), ['phq9', 'phq2', 'cssrs']);
    const rows = scoringRows(doc.def);
    expect(rows.map((r) => r.instrument)).toEqual(['phq9', 'phq2']); // C-SSRS has none
    expect(rows[1]).toMatchObject({
      title: 'PHQ-2',
      spec: { default: 3, min: 2, max: 4 },
      threshold: undefined,
      listed: true,
    });
  });

  it('lists overrides the engine rejects so they can be removed', () => {
    const doc = withInstruments(smallDoc(), ['phq9'], {
      gad7: { threshold: 8 },
      cssrs: { threshold: 1 },
    });
    const rows = scoringRows(doc.def);
    expect(rows.map((r) => [r.instrument, r.listed, r.spec === null])).toEqual([
      ['phq9', true, false],
      ['gad7', false, false],
      ['cssrs', false, true],
    ]);
  });

  it('sets, binds and removes an override; no overrides left removes `scoring`', () => {
    let doc = withInstruments(smallDoc(), ['phq9', 'phq2']);
    doc = applyChange(doc, setThreshold(doc.def, 'phq2', 2));
    expect(doc.def.scoring).toEqual({ phq2: { threshold: 2 } });
    doc = applyChange(doc, setThreshold(doc.def, 'phq9', { param: 'threshold' }));
    expect(doc.def.scoring).toEqual({
      phq2: { threshold: 2 },
      phq9: { threshold: { param: 'threshold' } },
    });
    doc = applyChange(doc, setThreshold(doc.def, 'phq2', undefined));
    doc = applyChange(doc, setThreshold(doc.def, 'phq9', undefined));
    expect('scoring' in doc.def).toBe(false);
  });

  it('accepts a whole number inside the evidence range and rejects the rest, naming the field', () => {
    expect(checkThreshold('phq2', '2')).toEqual({ value: 2, problem: null });
    expect(checkThreshold('phq2', '7')).toEqual({
      value: null,
      problem:
        '7 is outside the PHQ-2 thresholds the evidence supports, 2–4 (scoring.phq2.threshold).',
    });
    expect(checkThreshold('phq2', '2.5').problem).toBe(
      'PHQ-2 totals are whole numbers: enter a whole-number threshold (scoring.phq2.threshold).',
    );
    expect(checkThreshold('gad7', '').problem).toBe('Enter a threshold (scoring.gad7.threshold).');
  });

  it('agrees with the engine at both ends of every instrument’s range', () => {
    for (const [id, inst] of Object.entries(instruments)) {
      const spec = inst.threshold;
      if (!spec) continue;
      const valid = (t: number) =>
        validatePathway(
          toStored(
            withInstruments(smallDoc(), ['phq9', ...(id === 'phq9' ? [] : [id])], {
              [id]: { threshold: t },
            }),
          ),
        ).errors.filter((e) => e.code === 'scoring.threshold-out-of-range').length === 0;
      for (const t of [spec.min - 1, spec.min, spec.max, spec.max + 1])
        expect(checkThreshold(id, String(t)).value !== null, `${id} ${t}`).toBe(valid(t));
    }
  });

  it('makes a threshold a bounded parameter in one step, keeping its value', () => {
    let doc = withInstruments(smallDoc(), ['phq9', 'phq2']);
    doc = applyChange(doc, setThreshold(doc.def, 'phq2', 2));
    const change = bindToNewParameter(doc.def, 'phq2')!;
    expect(change.type).toBe('batch');
    doc = applyChange(doc, change);
    expect(doc.def.parameters?.phq2Threshold).toMatchObject({
      type: 'integer',
      default: 2,
      min: 2,
      max: 4,
      unit: 'points',
    });
    expect(doc.def.parameters?.phq2Threshold?.source).toMatch(/Kroenke 2003/);
    expect(doc.def.scoring).toEqual({ phq2: { threshold: { param: 'phq2Threshold' } } });
    // A second one gets a fresh name; an instrument without a threshold gets none.
    expect(
      (bindToNewParameter(doc.def, 'phq2') as { changes: readonly { name?: string }[] }).changes[0]!
        .name,
    ).toBe('phq2Threshold2');
    expect(bindToNewParameter(doc.def, 'cssrs')).toBeNull();
  });
});
