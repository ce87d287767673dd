/**
 * Symptom trajectories from an instance's timeline: every completed instrument with a total,
 * scored by the engine, as one series per instrument in time order.
 */
import {
  instruments,
  isInstrumentId,
  scoreInstrument,
  type InstrumentId,
} from '@care-pathways/engine';
import { bandLabel, scoreOptionsFor } from './instrumentForm.js';

export interface ScorePoint {
  instrument: InstrumentId;
  at: string;
  /** Milliseconds since the epoch, for scales. */
  t: number;
  total: number;
  band: string;
  bandLabel: string;
  seq: number;
}

export interface Series {
  instrument: InstrumentId;
  name: string;
  /** The instrument's highest possible total (the y axis must reach it). */
  max: number;
  points: ScorePoint[];
}

export interface RiskPoint {
  instrument: InstrumentId;
  at: string;
  risk: string;
  seq: number;
}

interface Entry {
  seq: number;
  at: string;
  event: Record<string, unknown>;
}

/**
 * Series for instruments with totals (PHQ-9, GAD-7, …), in the order first seen; risk-only
 * instruments (C-SSRS, ASQ) come back separately. Answers the engine cannot score are skipped.
 */
export function trajectoryFromTimeline(
  entries: readonly Entry[],
  sex?: string | null,
): { series: Series[]; risks: RiskPoint[] } {
  const byInstrument = new Map<InstrumentId, Series>();
  const risks: RiskPoint[] = [];
  const sorted = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq);
  for (const e of sorted) {
    if (e.event.type !== 'instrument.completed') continue;
    const id = e.event.instrument;
    if (typeof id !== 'string' || !isInstrumentId(id) || !Array.isArray(e.event.answers)) continue;
    const r = scoreInstrument(
      id,
      e.event.answers as (number | null)[],
      scoreOptionsFor(null, {}, sex, id),
    );
    if (!r.ok) continue;
    const inst = instruments[id];
    if (r.value.total === null || !inst.totalRange) {
      risks.push({ instrument: id, at: e.at, risk: r.value.risk ?? r.value.band, seq: e.seq });
      continue;
    }
    let s = byInstrument.get(id);
    if (!s) {
      s = { instrument: id, name: inst.shortTitle, max: inst.totalRange.max, points: [] };
      byInstrument.set(id, s);
    }
    s.points.push({
      instrument: id,
      at: e.at,
      t: Date.parse(e.at),
      total: r.value.total,
      band: r.value.band,
      bandLabel: bandLabel(id, r.value.band),
      seq: e.seq,
    });
  }
  return { series: [...byInstrument.values()], risks };
}
