import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  cohortBars,
  cohortOutcomes,
  contactWords,
  filterRows,
  flagCounts,
  nextSort,
  outcomeOf,
  pathwayChoices,
  scoreWords,
  sortRows,
  type RegistryRow,
} from './registry.js';

let n = 0;
function row(over: Partial<RegistryRow>): RegistryRow {
  n++;
  return {
    instanceId: `i${n}`,
    patientId: `p${n}`,
    patientRef: `MRN-${n}`,
    pathwayId: 'cocm',
    pathwayTitle: 'Collaborative care',
    version: 1,
    nodeId: 'follow-up',
    nodeTitle: null,
    startedAt: '2026-01-05T09:00:00.000Z',
    enrolledAt: '2026-01-05T09:00:00.000Z',
    weeksInCare: 4,
    measure: 'phq9',
    baseline: 16,
    latest: 12,
    changePercent: -25,
    lastScoreAt: '2026-02-02T09:00:00.000Z',
    lastContactAt: '2026-02-02T09:00:00.000Z',
    daysSinceContact: 3,
    minutesThisMonth: 0,
    flags: [],
    openTasks: 0,
    overdueTasks: 0,
    taskRoles: [],
    ...over,
  };
}

describe('sorting the registry', () => {
  const safety = row({ patientRef: 'C', flags: ['safety-risk'], weeksInCare: 2, latest: null });
  const stuck = row({ patientRef: 'A', flags: ['not-improving'], weeksInCare: 11, latest: 14 });
  const quiet = row({ patientRef: 'B', daysSinceContact: 40, weeksInCare: 11, latest: 4 });
  const server = [safety, stuck, quiet];

  it("keeps the server's risk order by default, and reverses it on request", () => {
    expect(sortRows(server, DEFAULT_SORT)).toEqual(server);
    expect(sortRows(server, { column: 'risk', direction: 'descending' })).toEqual([
      quiet,
      stuck,
      safety,
    ]);
  });

  it('sorts by a text column A→Z and by a figure largest first, ties in risk order', () => {
    expect(
      sortRows(server, { column: 'patient', direction: 'ascending' }).map((r) => r.patientRef),
    ).toEqual(['A', 'B', 'C']);
    // Weeks: 11, 11, 2 — the two 11s keep their risk order (stuck before quiet).
    expect(sortRows(server, { column: 'weeks', direction: 'descending' })).toEqual([
      stuck,
      quiet,
      safety,
    ]);
  });

  it('puts rows without a score last whichever way the column is sorted', () => {
    expect(sortRows(server, { column: 'latest', direction: 'ascending' }).at(-1)).toBe(safety);
    expect(sortRows(server, { column: 'latest', direction: 'descending' }).at(-1)).toBe(safety);
    expect(sortRows(server, { column: 'latest', direction: 'ascending' })[0]).toBe(quiet);
  });

  it('toggles the direction on the same column and starts figures largest first', () => {
    expect(nextSort(DEFAULT_SORT, 'contact')).toEqual({
      column: 'contact',
      direction: 'descending',
    });
    expect(nextSort({ column: 'contact', direction: 'descending' }, 'contact')).toEqual({
      column: 'contact',
      direction: 'ascending',
    });
    expect(nextSort(DEFAULT_SORT, 'patient')).toEqual({
      column: 'patient',
      direction: 'ascending',
    });
  });
});

describe('filtering the registry', () => {
  const a = row({ pathwayId: 'cocm', flags: ['safety-risk', 'no-contact'] });
  const b = row({ pathwayId: 'anxiety', pathwayTitle: 'Anxiety', flags: ['no-contact'] });
  const c = row({ pathwayId: 'cocm', flags: [] });

  it('keeps the rows with the flag and of the pathway chosen; empty means any', () => {
    expect(filterRows([a, b, c], { flag: 'no-contact', pathway: '' })).toEqual([a, b]);
    expect(filterRows([a, b, c], { flag: 'no-contact', pathway: 'cocm' })).toEqual([a]);
    expect(filterRows([a, b, c], { flag: '', pathway: '' })).toEqual([a, b, c]);
    expect(filterRows([a, b, c], { flag: 'remission', pathway: '' })).toEqual([]);
  });

  it('offers each pathway once with its patient count, and counts flags', () => {
    expect(pathwayChoices([a, b, c])).toEqual([
      { id: 'anxiety', title: 'Anxiety', count: 1 },
      { id: 'cocm', title: 'Collaborative care', count: 2 },
    ]);
    expect(flagCounts([a, b, c])).toEqual({ 'safety-risk': 1, 'no-contact': 2 });
  });
});

describe('cohort outcomes', () => {
  it('puts each patient in one group: remission over response over partial', () => {
    expect(outcomeOf({ flags: ['response', 'remission'], baseline: 16 })).toBe('remission');
    expect(outcomeOf({ flags: ['response'], baseline: 16 })).toBe('response');
    expect(outcomeOf({ flags: ['partial-response', 'not-improving'], baseline: 16 })).toBe(
      'partial',
    );
    expect(outcomeOf({ flags: ['not-improving'], baseline: 16 })).toBe('not-improving');
    expect(outcomeOf({ flags: [], baseline: null })).toBe('no-baseline');
    // Below the index score of 10, response is not measured (clinical-reference B2).
    expect(outcomeOf({ flags: [], baseline: 9 })).toBe('below-threshold');
    expect(outcomeOf({ flags: [], baseline: 10 })).toBe('in-treatment');
  });

  it('gives each pathway its shares, which add up to the whole', () => {
    const rows = [
      row({ flags: ['response', 'remission'] }),
      row({ flags: ['response'] }),
      row({ flags: ['not-improving'] }),
      row({ flags: [], baseline: null }),
      row({ pathwayId: 'anxiety', pathwayTitle: 'Anxiety', flags: ['response'] }),
    ];
    const groups = cohortOutcomes(rows);
    expect(groups.map((g) => [g.pathwayId, g.total])).toEqual([
      ['anxiety', 1],
      ['cocm', 4],
    ]);
    const cocm = groups[1]!;
    const by = Object.fromEntries(cocm.counts.map((c) => [c.outcome, c.count]));
    expect(by).toEqual({
      remission: 1,
      response: 1,
      partial: 0,
      'in-treatment': 0,
      'not-improving': 1,
      'below-threshold': 0,
      'no-baseline': 1,
    });
    expect(cocm.counts.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
  });

  it('draws 100% bars whose segments fill the width exactly, empty groups omitted', () => {
    const groups = cohortOutcomes([
      row({ flags: ['remission'] }),
      row({ flags: ['response'] }),
      row({ flags: ['response'] }),
    ]);
    const [bar] = cohortBars(groups, { left: 100, width: 300, top: 10, barHeight: 24, gap: 8 });
    expect(bar!.segments.map((s) => s.outcome)).toEqual(['remission', 'response']);
    expect(bar!.segments[0]).toMatchObject({ x: 100, width: 100, text: '1 of 3 (33%)' });
    const last = bar!.segments.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(400);
    expect(last.text).toBe('2 of 3 (67%)');
    const two = cohortBars([...groups, ...groups], {
      left: 0,
      width: 10,
      top: 10,
      barHeight: 24,
      gap: 8,
    });
    expect(two.map((b) => b.y)).toEqual([10, 42]);
  });
});

describe('registry words', () => {
  it('says when the patient was last seen', () => {
    expect(contactWords({ lastContactAt: '2026-01-05T09:00:00Z', daysSinceContact: 0 })).toBe(
      'Within the last day',
    );
    expect(contactWords({ lastContactAt: '2026-01-05T09:00:00Z', daysSinceContact: 1 })).toBe(
      '1 day ago',
    );
    expect(contactWords({ lastContactAt: null, daysSinceContact: 30 })).toBe(
      'No contact yet (30 days in care)',
    );
  });

  it('shows baseline, latest and change with a true minus sign', () => {
    expect(scoreWords({ baseline: 16, latest: 4, changePercent: -75 })).toBe('16 → 4 (−75%)');
    expect(scoreWords({ baseline: 10, latest: 12, changePercent: 20 })).toBe('10 → 12 (+20%)');
    expect(scoreWords({ baseline: null, latest: null, changePercent: null })).toBe('—');
  });
});
