import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { designerHarness, seen, WAIT } from './harness.js';

// End-to-end: what a new transition starts as, and how edges and branches are named, in
// Chromium against the real server (see harness.ts).

describe('new transitions and their names in Chromium against the real server', () => {
  const h = designerHarness();
  const { shot, signIn, api, canvas, node, sidePanel, choose } = h;
  /** An edge whose path may be drawn with no area (so not "visible"), but is on the canvas. */
  const present = async (l: Locator) => {
    await l.waitFor({ state: 'attached', timeout: WAIT });
    return l;
  };

  /** A task, then a PHQ-9 monitor that leaves for remission after two remitted scores. */
  const monitored = {
    schemaVersion: 1,
    id: 'monitor-e2e',
    title: 'Monitor (e2e)',
    instruments: ['phq9'],
    parameters: {},
    start: 'first-contact',
    nodes: [
      { id: 'first-contact', kind: 'task', title: 'First contact', role: 'care-manager' },
      {
        id: 'follow-up',
        kind: 'monitor',
        title: 'Monitor PHQ-9',
        instrument: 'phq9',
        every: { weeks: 2 },
      },
      { id: 'remission', kind: 'end', title: 'Remission', outcome: 'remitted' },
      { id: 'safety', kind: 'task', title: 'Safety check', role: 'pcp', resolvesSafetyRisk: true },
    ],
    transitions: [
      { from: 'first-contact', to: 'follow-up' },
      {
        from: 'follow-up',
        to: 'remission',
        when: { '>=': [{ var: 'phq9.remissionStreak' }, 2] },
      },
      { from: 'safety', to: 'follow-up' },
    ],
    safety: { route: 'safety' },
  };

  it('starts a new branch from a monitor unfinished, names edges in plain words, and warns about "otherwise"', async () => {
    await api('designer', 'POST', '/pathways', { definition: monitored });
    await signIn('designer', '#/pathways/monitor-e2e');
    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));
    // An unlabelled condition reads as in the builder, not as json-logic.
    const remission = await present(
      canvas().getByRole('group', { name: /^Transition follow-up to remission: PHQ-9 .* ≥ 2$/ }),
    );
    await expect(remission.textContent()).resolves.not.toContain('phq9.');

    await node('Monitor node: Monitor PHQ-9').click();
    await h.page.getByRole('tab', { name: 'Inspector' }).click();
    await choose(sidePanel().getByLabel('Add a transition to'), '(safety)');
    await sidePanel().getByRole('button', { name: 'Add', exact: true }).click();

    // Not "otherwise", not "≥ 0": an unfinished condition the validator reports on the edge.
    await present(
      canvas().getByRole('group', {
        name: /^Transition follow-up to safety: condition not chosen yet \(error/,
      }),
    );
    await seen(sidePanel().getByRole('radio', { name: 'When a condition holds', checked: true }));
    await seen(sidePanel().getByText(/Not finished: add a condition/));
    await seen(
      sidePanel()
        .getByText(/unfinished/)
        .first(),
    );
    await shot('t1-monitor-branch-unfinished');
    const draft = async () =>
      (
        (await api('designer', 'GET', '/pathways/monitor-e2e/draft')) as {
          definition: { transitions: Record<string, unknown>[] };
        }
      ).definition.transitions;

    // Choosing "otherwise" is allowed, with the warning that it ends monitoring early.
    await sidePanel()
      .getByRole('radio', { name: /^Otherwise \(used when no other branch/ })
      .click();
    await seen(sidePanel().getByText('Otherwise (used when no other branch applies).'));
    await present(
      canvas().getByRole('group', {
        name: /^Transition follow-up to safety: otherwise \(warning: .*leaves monitoring at its next follow-up whatever the score/,
      }),
    );
    await h.page.getByRole('button', { name: 'Save draft' }).click();
    await seen(h.page.getByText('All changes saved'));
    expect((await draft()).at(-1)).toEqual({ from: 'follow-up', to: 'safety', otherwise: true });
    await shot('t2-monitor-otherwise-warning');

    // The simulator says what happened, not the engine's bare "next".
    await h.page.getByRole('tab', { name: 'Simulate' }).click();
    await h.page.getByRole('button', { name: 'Start simulation' }).click();
    const sim = await seen(h.page.getByRole('region', { name: 'Simulation' }));
    const task = await seen(sim.getByRole('form', { name: 'Complete First contact' }));
    await task.getByRole('button', { name: 'Complete task' }).click();
    await seen(
      sim
        .getByText(/First contact → Monitor PHQ-9: moved on after First contact was completed/)
        .first(),
    );
    await expect(sim.innerText()).resolves.not.toMatch(/because next/);
    await shot('t3-simulator-moved-on');
  });
});
