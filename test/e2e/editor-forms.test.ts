import { describe, expect, it } from 'vitest';
import { countIs, designerHarness, seen } from './harness.js';

// End-to-end: the pathway-wide forms (step levels, positive-screen thresholds), changing a node's
// kind in place, and the comparison canvas by accessible names, in Chromium against the real
// server (see harness.ts).

describe('the designer’s editing forms in Chromium against the real server', () => {
  const h = designerHarness();
  const { shot, signIn, api, skeleton, canvas, node, sidePanel, choose } = h;

  /** The skeleton with a PHQ-2 screen in front of the first contact. */
  const withScreen = (id: string, title: string) => {
    const base = skeleton(id, title);
    return {
      ...base,
      instruments: ['phq2'],
      start: 'screen',
      nodes: [{ id: 'screen', kind: 'screen', instrument: 'phq2' }, ...base.nodes],
      transitions: [{ from: 'screen', to: 'first-contact' }, ...base.transitions],
    };
  };

  it('edits step levels and a PHQ-2 threshold, rejects invalid values with a message, changes a node’s kind, undoes it and saves', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: withScreen('forms-e2e', 'Forms (e2e)'),
    });
    await signIn('designer', '#/pathways/forms-e2e');
    await seen(node('Screen node: Administer PHQ-2'));
    await h.page.getByRole('tab', { name: 'Pathway' }).click();
    const panel = await seen(h.page.getByRole('tabpanel', { name: 'Pathway' }));

    // Step levels: a starting level above the highest is refused beside the field, and kept out
    // of the pathway (the validator stays green); a right one goes in.
    const steps = panel.getByRole('group', { name: 'Stepped-care levels' });
    await seen(steps.getByText(/A step level is how intensive/));
    await steps.getByLabel('Highest level').fill('5');
    const initial = steps.getByLabel('Starting level');
    await initial.fill('9');
    const refused = await seen(
      steps.getByText(
        'Starting level must be between the lowest and the highest level, 1–5 (steps.initial).',
      ),
    );
    expect(await initial.getAttribute('aria-invalid')).toBe('true');
    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));
    await refused.scrollIntoViewIfNeeded();
    await shot('f1-steps-invalid');
    await initial.fill('2');
    await countIs(steps.getByText(/\(steps\.initial\)/), 0);
    expect(await initial.getAttribute('aria-invalid')).toBeNull();

    // The PHQ-2 threshold: its evidence range is shown; 7 is refused, 2 is taken.
    const phq2 = panel.getByRole('group', { name: 'PHQ-2 threshold' });
    await seen(phq2.getByText(/Default ≥ 3; the evidence supports 2–4/));
    await choose(phq2.getByLabel('PHQ-2 threshold from'), 'Fixed number');
    const value = await seen(phq2.getByLabel('PHQ-2 positive at or above'));
    expect(await value.inputValue()).toBe('3');
    await value.fill('7');
    await seen(
      phq2.getByText(
        '7 is outside the PHQ-2 thresholds the evidence supports, 2–4 (scoring.phq2.threshold).',
      ),
    );
    await value.scrollIntoViewIfNeeded();
    await shot('f2-threshold-invalid');
    await value.fill('2');
    await countIs(phq2.getByText(/\(scoring\.phq2\.threshold\)/), 0);
    await seen(phq2.getByRole('button', { name: 'Remove the PHQ-2 override' }));

    // Change the first contact (a task) into a wait: told what was dropped; then undo it.
    await node('Task node: First contact').click();
    await h.page.getByRole('tab', { name: 'Inspector' }).click();
    await choose(sidePanel().getByLabel('Change this task node to'), 'Wait —');
    await seen(
      sidePanel().getByText(/Drops role \(care-manager\)\. Fills in duration \(7 days\)\./),
    );
    await sidePanel().getByRole('button', { name: 'Change kind' }).click();
    await seen(node('Wait node: First contact'));
    await seen(
      sidePanel()
        .getByRole('status')
        .getByText(/Changed to a wait node\. Dropped role \(care-manager\)\./),
    );
    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));
    await shot('f3-kind-changed');
    const tools = h.page.getByRole('toolbar', { name: 'Editing tools' });
    await tools.getByRole('button', { name: 'Undo' }).click();
    await seen(node('Task node: First contact'));
    await countIs(node(/^Wait node: /), 0);

    // A kind change that stays: the screen becomes an assessment with its instrument kept.
    await node('Screen node: Administer PHQ-2').click();
    await h.page.getByRole('tab', { name: 'Inspector' }).click();
    await choose(sidePanel().getByLabel('Change this screen node to'), 'Assess —');
    await seen(sidePanel().getByText(/Drops nothing\./));
    await sidePanel().getByRole('button', { name: 'Change kind' }).click();
    await seen(node('Assess node: Administer PHQ-2'));

    await h.page.getByRole('button', { name: 'Save draft' }).click();
    await seen(h.page.getByText('All changes saved'));
    const draft = (await api('designer', 'GET', '/pathways/forms-e2e/draft')) as {
      definition: {
        steps?: unknown;
        scoring?: unknown;
        nodes: { id: string; kind: string; role?: string; instrument?: string }[];
        transitions: { from: string; to: string }[];
      };
    };
    const d = draft.definition;
    expect(d.steps).toEqual({ min: 1, initial: 2, max: 5 });
    expect(d.scoring).toEqual({ phq2: { threshold: 2 } });
    expect(d.nodes.find((n) => n.id === 'first-contact')).toMatchObject({
      kind: 'task',
      role: 'care-manager',
    });
    expect(d.nodes.find((n) => n.id === 'screen')).toMatchObject({
      kind: 'assess',
      instrument: 'phq2',
    });
    expect(d.transitions).toEqual([
      { from: 'screen', to: 'first-contact' },
      { from: 'first-contact', to: 'completed' },
    ]);
    await shot('f4-saved');
  });

  it('compares two versions and finds the changed node by its accessible name and in the list', async () => {
    const v1 = withScreen('compare-e2e', 'Compare (e2e)');
    await api('designer', 'POST', '/pathways', { definition: v1 });
    await api('admin', 'POST', '/pathways/compare-e2e/versions', { note: 'v1' });
    await api('designer', 'PUT', '/pathways/compare-e2e/draft', {
      definition: {
        ...v1,
        nodes: v1.nodes.map((n) =>
          n.id === 'first-contact' ? { ...n, title: 'First phone call', role: 'pcp' } : n,
        ),
      },
    });
    await api('admin', 'POST', '/pathways/compare-e2e/versions', { note: 'v2' });
    await signIn('admin', '#/pathways/compare-e2e');
    await seen(node('Task node: First phone call'));

    await h.page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(h.page.getByRole('tabpanel', { name: 'Versions' }));
    await choose(versions.getByLabel('From'), 'Version 1');
    await choose(versions.getByLabel('to', { exact: true }), 'Version 2');
    await versions.getByRole('button', { name: 'Compare', exact: true }).click();

    // On the canvas: every node and edge says what it is and whether it changed.
    const changed = await seen(node('Task node: First phone call (changed: role, title)'));
    await seen(node('Screen node: Administer PHQ-2 (unchanged)'));
    // (A straight vertical edge has an empty box, which Playwright calls hidden: count it.)
    await countIs(
      canvas().getByRole('group', {
        name: 'Transition first-contact to completed: then (unchanged)',
      }),
      1,
    );
    await countIs(canvas().getByRole('group', { name: /\((added|removed|changed)/ }), 1);

    // The same change in the text list, reachable with the keyboard: Enter selects it.
    const panel = await seen(h.page.getByRole('region', { name: /Version 1 → Version 2/ }));
    const item = await seen(
      panel
        .getByRole('list', { name: 'Changes' })
        .getByRole('button', { name: /changed node — Task node: First phone call first-contact/ }),
    );
    await seen(
      item.getByText(
        'Role: Care manager → Primary care provider; Title: First contact → First phone call',
      ),
    );
    await item.focus();
    await h.page.keyboard.press('Enter');
    await h.page.waitForFunction(
      (label) =>
        document.querySelector(`[aria-label="${label}"]`)?.classList.contains('selected') ?? false,
      'Task node: First phone call (changed: role, title)',
      { timeout: 15_000 },
    );
    expect(await changed.getAttribute('class')).toContain('selected');
    await shot('f5-compare-accessible');
  });
  it('adds a tailorable parameter with what it controls, bounds it, refuses a default outside the bounds, and saves', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('params-e2e', 'Parameters (e2e)'),
    });
    await signIn('designer', '#/pathways/params-e2e');
    await seen(node('Task node: First contact'));
    await h.page.getByRole('tab', { name: 'Pathway' }).click();
    const panel = await seen(h.page.getByRole('tabpanel', { name: 'Pathway' }));

    // A parameter needs a name and what it controls (practices tailoring it read that).
    const add = panel.getByRole('form', { name: 'Add a parameter' });
    await add.getByLabel('New parameter name').fill('followUpDays');
    const addButton = add.getByRole('button', { name: 'Add parameter' });
    expect(await addButton.isDisabled()).toBe(true);
    await add.getByLabel('What it controls').fill('Days between follow-up calls');
    await addButton.click();

    const param = await seen(panel.locator('details').filter({ hasText: 'followUpDays' }));
    if ((await param.getAttribute('open')) === null) await param.locator('summary').click();
    await param.getByLabel('Minimum').fill('7');
    await param.getByLabel('Maximum').fill('30');
    await param.getByLabel('Default').fill('60');
    // Outside its own bounds: the engine's error, on the field and in the toolbar.
    await seen(h.page.getByRole('button', { name: /^1 error/ }));
    expect(await param.getByLabel('Default').getAttribute('aria-invalid')).toBe('true');
    await param.getByLabel('Default').scrollIntoViewIfNeeded();
    await shot('f6-parameter-out-of-bounds');
    await param.getByLabel('Default').fill('14');
    await countIs(h.page.getByRole('button', { name: /^\d+ errors?/ }), 0);

    await h.page.getByRole('button', { name: 'Save draft' }).click();
    await seen(h.page.getByText('All changes saved'));
    const draft = (await api('designer', 'GET', '/pathways/params-e2e/draft')) as {
      definition: { parameters: Record<string, unknown> };
    };
    expect(draft.definition.parameters.followUpDays).toMatchObject({
      type: 'integer',
      default: 14,
      min: 7,
      max: 30,
      description: 'Days between follow-up calls',
    });
  });
});
