import { describe, expect, it } from 'vitest';
import { countIs, designerHarness, seen } from './harness.js';

// End-to-end: the caseload registry (risk first, flag filter, cohort chart) and the patient-traffic
// overlay on the editor canvas, in Chromium against the real server (see harness.ts).

const PHQ9_16 = [2, 2, 2, 2, 2, 2, 2, 2, 0];
/** PHQ-9 16 with item 9 answered 1: safety-risk whatever the total (clinical-reference A1). */
const PHQ9_ITEM9 = [2, 2, 2, 2, 2, 2, 2, 1, 1];
/** PHQ-9 4: response (≤ 50% of 16) and remission (< 5) (clinical-reference B2). */
const PHQ9_4 = [1, 1, 1, 1, 0, 0, 0, 0, 0];

describe('the registry and the traffic overlay in Chromium', () => {
  const h = designerHarness();
  const { shot, signIn, api, canvas } = h;

  /** A patient enrolled on collaborative care for depression, with these events. */
  async function patient(ref: string, events: Record<string, unknown>[]) {
    const p = (await api('clinician', 'POST', '/patients', { externalRef: ref })) as { id: string };
    const i = (await api('clinician', 'POST', '/instances', {
      patientId: p.id,
      pathwayId: 'cocm-depression',
    })) as { id: string };
    for (const e of events) await api('clinician', 'POST', `/instances/${i.id}/events`, e);
    return p.id;
  }
  const phq = (instrument: string, answers: number[]) => ({
    type: 'instrument.completed',
    instrument,
    answers,
  });
  let seeded = false;
  async function seed() {
    if (seeded) return;
    seeded = true;
    await patient('E2E-RESPONDING', [
      phq('phq2', [2, 2]),
      phq('phq9', PHQ9_16),
      { type: 'task.completed', task: 'engage', outcome: 'engaged' },
      { type: 'task.completed', task: 'new-patient-review', outcome: 'treat-in-primary-care' },
      phq('phq9', PHQ9_4),
    ]);
    await patient('E2E-SAFETY', [phq('phq2', [2, 2]), phq('phq9', PHQ9_ITEM9)]);
    await patient('E2E-SCREENED', [phq('phq2', [2, 2])]);
  }

  it('lists the caseload risk first, filters by flag, and links each row to the patient', async () => {
    await seed();
    await signIn('clinician');
    await h.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Registry' })
      .click();
    await seen(h.page.getByRole('heading', { level: 1, name: 'Registry' }));
    const table = await seen(h.page.getByRole('table', { name: /Active caseload/ }));
    const rows = table.locator('tbody tr');
    await seen(rows.filter({ hasText: 'E2E-SCREENED' }));

    // Risk first: the first row carries the safety-risk badge, and our item-9 patient comes
    // before the responding and the merely screened ones.
    await seen(rows.first().getByText('Safety risk'));
    const order = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('td a')?.textContent ?? ''),
    );
    const at = (ref: string) => order.indexOf(ref);
    expect(at('E2E-SAFETY')).toBeGreaterThanOrEqual(0);
    expect(at('E2E-SAFETY')).toBeLessThan(at('E2E-RESPONDING'));
    expect(at('E2E-SAFETY')).toBeLessThan(at('E2E-SCREENED'));
    const responding = rows.filter({ hasText: 'E2E-RESPONDING' });
    await seen(responding.getByText('16 → 4 (−75%)'));
    await seen(responding.getByText('Remission', { exact: true }));
    // The cohort chart and its table alternative.
    await seen(h.page.getByRole('img', { name: /Cohort outcomes by pathway/ }));
    await shot('registry-1-risk-first');

    // Filter by flag: only patients in remission remain.
    await h.page.getByRole('combobox', { name: 'Flag' }).selectOption('remission');
    await seen(rows.filter({ hasText: 'E2E-RESPONDING' }));
    await countIs(rows.filter({ hasText: 'E2E-SAFETY' }), 0);
    await countIs(rows.filter({ hasNotText: 'Remission' }), 0);
    await seen(h.page.getByText(/flagged “Remission”/));
    await shot('registry-2-filtered');

    // Sorting by a column is announced on its header.
    await h.page.getByRole('combobox', { name: 'Flag' }).selectOption('');
    await table.getByRole('button', { name: /Patient/ }).click();
    await seen(table.locator('th[aria-sort="ascending"]', { hasText: 'Patient' }));

    // Each row links to the patient's page.
    await rows.filter({ hasText: 'E2E-SAFETY' }).getByRole('link', { name: 'E2E-SAFETY' }).click();
    await seen(h.page.getByRole('heading', { level: 1, name: /E2E-SAFETY/ }));
  });

  it('shows how many patients took each edge on the editor canvas', async () => {
    await seed();
    await signIn('designer', '#/pathways/cocm-depression');
    await seen(canvas());
    const toggle = await seen(h.page.getByLabel(/Show patient traffic/));
    await toggle.check();
    const legend = await seen(h.page.getByRole('region', { name: 'Patient traffic' }));
    await seen(legend.getByText(/started on it/));
    // All three seeded patients (and the demo's) passed the positive PHQ-2 edge: a count on it.
    const edge = await seen(
      canvas().getByRole('group', {
        name: /^Transition phq2-screen to phq9-assess.*taken by \d+ patients/,
      }),
    );
    const name = (await edge.getAttribute('aria-label')) ?? '';
    expect(Number(/taken by (\d+) patients/.exec(name)?.[1])).toBeGreaterThanOrEqual(3);
    await seen(canvas().locator('.ed-edge-traffic').first());
    await shot('registry-3-traffic-overlay');
    await toggle.uncheck();
    await countIs(canvas().locator('.ed-edge-traffic'), 0);
  });
});
