import { describe, expect, it } from 'vitest';
import { countIs, designerHarness, seen } from './harness.js';

// End-to-end: the flows in Chromium against the real server (see harness.ts).

describe('the designer in Chromium against the real server', () => {
  const h = designerHarness();
  const { shot, signIn, api, skeleton, canvas, node, sidePanel, choose } = h;

  it('signs in with the designer key and lists the practice pathways with versions and live', async () => {
    await signIn('designer');
    const table = await seen(h.page.getByRole('table', { name: 'Pathways of this practice' }));
    const cocm = table.getByRole('row', { name: /cocm-depression/ });
    await seen(cocm);
    await seen(cocm.getByRole('cell', { name: 'v1 live' }));
    await seen(
      cocm.getByRole('link', {
        name: 'Open Collaborative Care (IMPACT/AIMS) for depression in primary care',
      }),
    );
    // Every library pathway is adopted and live in the demo seed.
    expect(await table.getByRole('row', { name: /v1 live/ }).count()).toBeGreaterThanOrEqual(6);
    await shot('1-pathways');
  });

  it('builds a GAD-7 pathway from scratch, sees and fixes a validation error, and saves the draft', async () => {
    await signIn('designer');
    await h.page.getByRole('button', { name: 'New pathway' }).click();
    const dialog = await seen(h.page.getByRole('dialog', { name: 'New pathway' }));
    await dialog.getByLabel('Title').fill('Anxiety screen (e2e)');
    await dialog.getByLabel('Id').fill('anxiety-screen-e2e');
    await dialog.getByRole('button', { name: 'Create pathway' }).click();
    await seen(h.page.getByRole('heading', { level: 1, name: 'Anxiety screen (e2e)' }));
    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));

    // A screen node from the palette, set to GAD-7 in the inspector.
    await h.page.getByRole('button', { name: /^Screen / }).click();
    await seen(node(/^Screen node: /));
    await choose(sidePanel().getByLabel('Instrument'), 'GAD-7 —');
    await seen(node('Screen node: Administer GAD-7 (error)'));
    // An end node from the palette.
    await h.page.getByRole('button', { name: /^End / }).click();
    const end = await seen(node(/^End node: (?!Completed)/));

    // Connect screen → end by dragging between the handles.
    const from = node(/^Screen node: /).locator('[data-handlepos="bottom"]');
    const to = end.locator('[data-handlepos="top"]');
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await h.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await h.page.mouse.down();
    await h.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await h.page.mouse.up();
    // The first way out of a screen is unconditional, not a condition such as "≥ 0".
    await seen(canvas().getByRole('group', { name: /^Transition new-screen to end: then$/ }));

    // Still incomplete: nothing leads to the screen. The validator says so, on the node too.
    const errorButton = await seen(
      h.page.getByRole('button', { name: /^\d+ errors? and .*show problems$/ }),
    );
    await seen(node('Screen node: Administer GAD-7 (error)'));
    await seen(
      node('Screen node: Administer GAD-7 (error)').getByText(
        /no patient can reach “Administer GAD-7”/,
      ),
    );
    await errorButton.click();
    const problems = await seen(h.page.getByRole('tabpanel', { name: /Problems/ }));
    await seen(problems.getByText(/no patient can reach “Administer GAD-7”/));
    await shot('2a-from-scratch-invalid');

    // Fix it in the inspector: first contact now leads to the screen; drop the old end.
    await node('Task node: First contact').click();
    await h.page.getByRole('tab', { name: 'Inspector' }).click();
    await sidePanel()
      .getByRole('button', { name: /then → completed/ })
      .click();
    await choose(sidePanel().getByLabel('Goes to'), '(new-screen)');
    await seen(canvas().getByRole('group', { name: /^Transition first-contact to new-screen/ }));
    await node(/^End node: Completed/).click();
    await h.page.getByRole('tab', { name: 'Inspector' }).click();
    await sidePanel().getByRole('button', { name: 'Delete node' }).click();
    await countIs(node(/^End node: Completed/), 0);

    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));
    await countIs(canvas().getByRole('group', { name: /\((error|warning)/ }), 0);
    await seen(node('Screen node: Administer GAD-7'));

    await h.page.getByRole('button', { name: 'Save draft' }).click();
    await seen(h.page.getByText('All changes saved'));
    const draft = (await api('designer', 'GET', '/pathways/anxiety-screen-e2e/draft')) as {
      definition: { start: string; nodes: { id: string; instrument?: string }[] };
    };
    expect(draft.definition.nodes.map((n) => n.id).sort()).toEqual([
      'end',
      'first-contact',
      'new-screen',
    ]);
    expect(draft.definition.nodes.find((n) => n.id === 'new-screen')?.instrument).toBe('gad7');
    await shot('2b-from-scratch-valid-saved');
  });

  it('undoes and redoes an edit with the keyboard and the toolbar buttons', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('undo-e2e', 'Undo and redo (e2e)'),
    });
    await signIn('designer', '#/pathways/undo-e2e');
    await seen(node('Task node: First contact'));
    const waits = node(/^Wait node: /);
    await countIs(waits, 0);
    await h.page.getByRole('button', { name: /^Wait / }).click();
    await countIs(waits, 1);
    await seen(h.page.getByText('Unsaved changes'));

    // Keyboard shortcuts act on the canvas, not inside a text field.
    await canvas().click({ position: { x: 8, y: 8 } });
    await h.page.keyboard.press('Control+z');
    await countIs(waits, 0);
    await h.page.keyboard.press('Control+Shift+z');
    await countIs(waits, 1);
    await shot('3-undo-redo');

    const tools = h.page.getByRole('toolbar', { name: 'Editing tools' });
    await tools.getByRole('button', { name: 'Undo' }).click();
    await countIs(waits, 0);
    await tools.getByRole('button', { name: 'Redo' }).click();
    await countIs(waits, 1);
  });

  it('publishes a version with a note, sets it live and shows it as live', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('publish-e2e', 'Publish (e2e)'),
    });
    await signIn('admin', '#/pathways/publish-e2e');
    await seen(node('Task node: First contact'));
    await h.page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(h.page.getByRole('tabpanel', { name: 'Versions' }));
    await seen(versions.getByText('Not published yet.'));
    await versions.getByRole('button', { name: 'Publish a new version…' }).click();
    const dialog = await seen(h.page.getByRole('dialog', { name: 'Publish version 1' }));
    await dialog.getByLabel('Note').fill('First version for the e2e practice');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await countIs(h.page.getByRole('dialog'), 0);
    const v1 = await seen(
      versions
        .getByRole('listitem')
        .filter({ has: h.page.getByText('Version 1', { exact: true }) }),
    );
    await seen(v1.getByText('First version for the e2e practice'));
    await countIs(v1.getByText('Live', { exact: true }), 0);

    await v1.getByRole('button', { name: 'Set version 1 live' }).click();
    // Setting live asks first, saying what changes for new and enrolled patients.
    const confirm = await seen(h.page.getByRole('dialog', { name: 'Set version 1 live?' }));
    await seen(
      confirm.getByText(
        'New patients will start on version 1 (now: no version is live). Patients already enrolled stay on their version.',
      ),
    );
    await countIs(v1.getByText('Live', { exact: true }), 0);
    await confirm.getByRole('button', { name: 'Set live' }).click();
    await seen(v1.getByText('Live', { exact: true }));
    await countIs(versions.getByRole('button', { name: 'Set version 1 live' }), 0);
    await seen(h.page.getByRole('heading', { level: 1 }).locator('..').getByText('v1 live'));
    await shot('4-published-live');

    const list = (await api('admin', 'GET', '/pathways')) as {
      id: string;
      liveVersion: number | null;
    }[];
    expect(list.find((p) => p.id === 'publish-e2e')?.liveVersion).toBe(1);
  });

  it('publishes version 2 after a change and diffs the two versions on the canvas', async () => {
    await api('designer', 'POST', '/pathways', { definition: skeleton('diff-e2e', 'Diff (e2e)') });
    await api('admin', 'POST', '/pathways/diff-e2e/versions', { note: 'v1' });
    await signIn('admin', '#/pathways/diff-e2e');
    await seen(node('Task node: First contact'));

    // Rename the task (changed), swap the end for a new one (removed + added).
    await node('Task node: First contact').click();
    const title = sidePanel().getByLabel('Title (shown on the task)');
    await title.fill('First phone call');
    await title.press('Tab');
    await seen(node('Task node: First phone call'));
    await node(/^End node: Completed/).click();
    await sidePanel().getByRole('button', { name: 'Delete node' }).click();
    await countIs(node(/^End node: Completed/), 0);
    await h.page.getByRole('button', { name: /^End / }).click();
    await seen(node(/^End node: /));
    await node(/^Task node: First phone call/).click();
    await choose(sidePanel().getByLabel('Add a transition to'), '(end)');
    await sidePanel().getByRole('button', { name: 'Add', exact: true }).click();
    await seen(h.page.getByRole('button', { name: 'The pathway is valid' }));

    await h.page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(h.page.getByRole('tabpanel', { name: 'Versions' }));
    await versions.getByRole('button', { name: 'Publish a new version…' }).click();
    const dialog = await seen(h.page.getByRole('dialog', { name: 'Publish version 2' }));
    await dialog.getByLabel('Note').fill('Renamed the first task; new end');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await seen(
      versions
        .getByRole('listitem')
        .filter({ has: h.page.getByText('Version 2', { exact: true }) }),
    );

    await choose(versions.getByLabel('From'), 'Version 1');
    await choose(versions.getByLabel('to', { exact: true }), 'Version 2');
    await versions.getByRole('button', { name: 'Compare', exact: true }).click();

    const panel = await seen(h.page.getByRole('region', { name: /Version 1 → Version 2|v1 → v2/ }));
    await seen(panel.getByRole('status').getByText(/\d+ added, \d+ removed, \d+ changed\./));
    const changes = panel.getByRole('list', { name: 'Changes' });
    await seen(changes.getByText('added node'));
    await seen(changes.getByText('removed node'));
    await seen(changes.getByText('changed node'));
    await seen(changes.getByText(/Title: First contact → First phone call/));
    // The markers on the canvas: the ghost of the removed end, the new end, the renamed task.
    // (By their text here; editor-forms.test.ts finds them by their accessible names.)
    const marked = (word: string, title: string) =>
      seen(canvas().getByRole('group').filter({ hasText: word }).filter({ hasText: title }));
    await marked('Removed', 'Completed');
    await marked('Changed', 'First phone call');
    await marked('Added', 'End: completed');
    await countIs(
      canvas()
        .getByRole('group')
        .filter({ hasText: /Added|Removed|Changed/ }),
      3,
    );
    await seen(
      canvas().getByRole('group', {
        name: 'Transition first-contact to completed: then (removed)',
      }),
    );
    await seen(
      canvas().getByRole('group', { name: 'Transition first-contact to end: then (added)' }),
    );
    await shot('5-diff-v1-v2');
  });

  it('simulates a patient on cocm-depression through a PHQ-9 to a safety alert', async () => {
    await signIn('designer', '#/pathways/cocm-depression');
    await seen(canvas());
    await h.page.getByRole('tab', { name: 'Simulate' }).click();
    await h.page.getByRole('button', { name: 'Start simulation' }).click();
    const sim = await seen(h.page.getByRole('region', { name: 'Simulation' }));
    await sim.getByRole('button', { name: 'New patient…' }).click();
    const setup = await seen(h.page.getByRole('form', { name: 'Synthetic patient' }));
    await setup.getByLabel('Age (years)').fill('52');
    await setup.getByRole('button', { name: 'Start simulation' }).click();
    await seen(sim.getByText('52 years', { exact: false }));

    const phq2 = await seen(sim.getByRole('form', { name: /PHQ-2/ }));
    for (const item of await phq2.getByRole('group', { name: /^Item \d+\./ }).all())
      await item.getByRole('radio', { name: 'Nearly every day' }).check();
    await phq2.getByRole('button', { name: 'Record PHQ-2' }).click();

    const phq9 = await seen(sim.getByRole('form', { name: /PHQ-9/ }));
    const items = phq9.getByRole('group', { name: /^Item \d+\./ });
    // Nine scored questions (a tenth, on difficulty, is not scored).
    expect(await items.count()).toBeGreaterThanOrEqual(9);
    await seen(items.nth(8).filter({ hasText: /better off dead/ }));
    for (let i = 0; i < 8; i++)
      await items.nth(i).getByRole('radio', { name: 'More than half the days' }).check();
    await items.nth(8).getByRole('radio', { name: 'Several days' }).check();
    await phq9.getByRole('button', { name: 'Record PHQ-9' }).click();

    const alert = await seen(sim.getByRole('alert').filter({ hasText: 'Safety risk' }));
    await seen(alert.getByText(/PHQ-9 critical item 9 positive/));
    const here = await seen(canvas().getByRole('group').filter({ hasText: 'Patient here' }));
    await seen(here.getByText('Safety route'));
    await alert.scrollIntoViewIfNeeded();
    await canvas().getByRole('button', { name: 'Fit View' }).click();
    await shot('6-simulation-safety-alert');
  });

  it('shows the clinician a worklist urgent first, and a patient page with timeline and trajectory chart', async () => {
    // Opened at the root, a clinician lands on the worklist.
    await signIn('clinician');
    await seen(h.page.getByRole('heading', { level: 1, name: 'Worklist' }));
    expect(new URL(h.page.url()).hash).toBe('#/worklist');
    const table = await seen(h.page.getByRole('table', { name: 'Open tasks, most urgent first' }));
    const rows = table.getByRole('row');
    await seen(rows.nth(1));
    const rank = { emergent: 0, urgent: 1, routine: 2 } as const;
    const priorities: number[] = [];
    for (const row of (await rows.all()).slice(1)) {
      const text = (await row.getByRole('cell').first().innerText()).toLowerCase().trim();
      const p = (Object.keys(rank) as (keyof typeof rank)[]).find((k) => text.includes(k));
      expect(p, `priority cell "${text}"`).toBeDefined();
      priorities.push(rank[p!]);
    }
    expect(priorities).toEqual([...priorities].sort((x, y) => x - y));
    // The demo seed has a patient with a positive PHQ-9 item 9: their urgent task comes first.
    expect(priorities[0]).toBeLessThan(rank.routine);
    await seen(rows.nth(1).getByText('Same-day suicide risk assessment'));
    await seen(table.getByRole('columnheader', { name: 'Role' }));
    await shot('7a-worklist');

    // By role: the primary care provider sees only their own work.
    await choose(h.page.getByLabel('Role'), 'Primary care provider');
    await countIs(table.getByRole('columnheader', { name: 'Role' }), 0);
    await seen(h.page.getByRole('status').getByText(/open tasks? for primary care providers/));
    // The medical assistant's screening tasks leave the list; the urgent assessment stays.
    await countIs(rows.filter({ hasText: /Universal PHQ-2 screen|Administer PHQ-9/ }), 0);
    await seen(rows.nth(1).getByText('Same-day suicide risk assessment'));

    await rows.nth(1).getByRole('link').click();
    await seen(h.page.getByRole('heading', { level: 1, name: /^Patient / }));
    // The safety banner says what was positive, not only that something was.
    await seen(h.page.getByRole('alert').filter({ hasText: /PHQ-9 critical item 9 positive/ }));
    await seen(h.page.getByRole('list', { name: /^Timeline, (newest|oldest) first$/ }));
    const chart = await seen(h.page.getByRole('img', { name: /^Scores over time for patient / }));
    expect(await chart.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
    await chart.scrollIntoViewIfNeeded();
    await shot('7b-patient-page');
  });
});
