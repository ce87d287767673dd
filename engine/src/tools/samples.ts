import { instruments } from '../instruments/index.js';
import type { Answer, InstrumentDefinition, InstrumentId } from '../instruments/types.js';
import { scoreInstrument } from '../instruments/index.js';

/**
 * Representative answer sets for an instrument: one per band edge (lowest and highest total of
 * each band) without critical items, plus each critical item positive on a low total. Used by
 * the explorer to walk a pathway over bounded score bands.
 */
export interface AnswerSample {
  label: string;
  answers: Answer[];
}

const HAND_MADE: Partial<Record<InstrumentId, AnswerSample[]>> = {
  cssrs: [
    { label: 'none', answers: [0, 0, null, null, null, 0, null] },
    { label: 'low', answers: [1, 0, null, null, null, 0, null] },
    { label: 'moderate', answers: [1, 1, 1, 0, 0, 0, null] },
    { label: 'moderate (behaviour > 3 months ago)', answers: [0, 0, null, null, null, 1, 0] },
    { label: 'high (intent)', answers: [1, 1, 1, 1, 0, 0, null] },
    { label: 'high (recent behaviour)', answers: [0, 0, null, null, null, 1, 1] },
  ],
  asq: [
    { label: 'negative', answers: [0, 0, 0, 0, null] },
    { label: 'non-acute', answers: [1, 0, 0, 0, 0] },
    { label: 'non-acute (declined)', answers: [2, 0, 0, 0, 0] },
    { label: 'acute', answers: [1, 1, 0, 0, 1] },
  ],
  pcptsd5: [
    { label: 'no trauma', answers: [0, null, null, null, null, null] },
    ...[0, 1, 2, 3, 4, 5].map((n) => ({
      label: `trauma, ${n} yes`,
      answers: [1, ...[0, 1, 2, 3, 4].map((i) => (i < n ? 1 : 0))],
    })),
  ],
};

/** Answers giving exactly `total` points, filling non-critical scored items greedily. */
function answersFor(inst: InstrumentDefinition, total: number): Answer[] | null {
  const answers: Answer[] = inst.items.map((item) => (item.scored ? 0 : null));
  // Start from the zero-point position of each scored item (reverse-keyed items differ).
  inst.items.forEach((item, i) => {
    if (!item.scored) return;
    const pts = item.points ?? item.options.map((_, p) => p);
    answers[i] = pts.indexOf(Math.min(...pts));
  });
  let left = total;
  for (const [i, item] of inst.items.entries()) {
    if (!item.scored || item.critical || left <= 0) continue;
    const pts = item.points ?? item.options.map((_, p) => p);
    let best = -1;
    pts.forEach((p, pos) => {
      if (p <= left && (best < 0 || p > pts[best]!)) best = pos;
    });
    if (best >= 0) {
      answers[i] = best;
      left -= pts[best]!;
    }
  }
  return left === 0 ? answers : null;
}

export function answerSamples(id: InstrumentId): AnswerSample[] {
  const hand = HAND_MADE[id];
  if (hand) return hand;
  const inst = instruments[id];
  const totals = new Set<number>();
  for (const b of inst.bands) totals.add(b.min).add(b.max);
  if (inst.threshold)
    for (const t of [inst.threshold.min, inst.threshold.max]) totals.add(t - 1).add(t);
  if (inst.remissionBelow !== undefined) totals.add(inst.remissionBelow - 1);
  const samples: AnswerSample[] = [];
  for (const t of [...totals].sort((a, b) => a - b)) {
    const answers = answersFor(inst, t);
    if (answers && scoreInstrument(id, answers).ok) samples.push({ label: `total ${t}`, answers });
  }
  // Each critical item positive on an otherwise low score.
  inst.items.forEach((item, i) => {
    if (!item.critical) return;
    const answers = answersFor(inst, 0)!;
    const pts = item.points ?? item.options.map((_, p) => p);
    const pos = item.scored ? pts.findIndex((p) => p > 0) : 1;
    answers[i] = pos;
    const r = scoreInstrument(id, answers);
    if (r.ok && r.value.critical) samples.push({ label: `item ${item.number} positive`, answers });
  });
  return samples;
}
