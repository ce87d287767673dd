import { describe, expect, it } from 'vitest';
import { designerHarness, seen } from './harness.js';

// End-to-end: problems in a clinical lead's words (titles, not JSON paths or ids), choosing a
// pathway-level problem lands on the field to fix, and a palette node's id follows its first
// title. In Chromium against the real server (see harness.ts).

describe('the designer speaks the clinical lead’s language', () => {
  const h = designerHarness();
  const { shot, signIn, api, skeleton, node, sidePanel, choose } = h;

  it('words the library pathway’s overlap warnings by transition titles, without placeholder values', async () => {
    await signIn('designer', '#/pathways/cocm-depression');
    await h.page.getByRole('tab', { name: /^Problems/ }).click();
    const panel = await seen(h.page.getByRole('tabpanel', { name: /Problems/ }));
    const first = await seen(panel.getByRole('button').first());
    const text = (await first.textContent()) ?? '';
    expect(text).toMatch(/Transition “.+ → .+” · condition/);
    expect(text).toMatch(/overlaps the earlier branch “.+ → .+”/);
    expect(text).not.toMatch(/100000|36500/);
    // The JSON path stays, as secondary text for implementers.
    expect(text).toMatch(/\$\.transitions\[\d+\]\.when/);
    await shot('plain-problems-cocm');
  });

  it('says where to click for a missing safety route, and choosing it focuses the Safety route select', async () => {
    const base = skeleton('safety-words-e2e', 'Safety words (e2e)');
    await api('designer', 'POST', '/pathways', {
      definition: {
        ...base,
        instruments: ['phq9'],
        start: 'assess',
        nodes: [{ id: 'assess', kind: 'assess', instrument: 'phq9' }, ...base.nodes],
        transitions: [{ from: 'assess', to: 'first-contact' }, ...base.transitions],
        safety: { route: 'first-contact' },
      },
    });
    await signIn('designer', '#/pathways/safety-words-e2e');
    // The server refuses a draft without a route, so take it away in the editor.
    await h.page.getByRole('tab', { name: 'Pathway' }).click();
    await choose(sidePanel().getByLabel('Safety route'), 'None');
    await h.page.getByRole('tab', { name: /^Problems/ }).click();
    const panel = await seen(h.page.getByRole('tabpanel', { name: /Problems/ }));
    const item = await seen(
      panel.getByRole('button', { name: /choose a safety route in the Pathway tab/ }),
    );
    expect(await item.textContent()).not.toContain('"route"');
    await item.click();
    await seen(h.page.getByRole('tabpanel', { name: 'Pathway' }));
    const safety = sidePanel().getByLabel('Safety route');
    await h.page.waitForFunction(
      () => document.activeElement?.closest('#ed-pathway-safety') !== null,
    );
    await expect.poll(() => safety.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot('plain-safety-focused');
  });

  it('gives a palette node an id from its first title', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('ids-e2e', 'Ids (e2e)'),
    });
    await signIn('designer', '#/pathways/ids-e2e');
    await seen(node('Task node: First contact'));
    await h.page.getByRole('button', { name: /^Task / }).click();
    const fresh = await seen(node(/^Task node: New task/));
    await fresh.click();
    const title = sidePanel().getByLabel('Title (shown on the task)');
    await title.fill('Call the patient');
    await title.press('Tab');
    await seen(node(/^Task node: Call the patient/));
    await seen(sidePanel().getByLabel('Id', { exact: true }));
    await expect
      .poll(() => sidePanel().getByLabel('Id', { exact: true }).inputValue())
      .toBe('call-the-patient');
    // Focus stays in the inspector, on the control after the title.
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.closest('.ed-inspector') !== null))
      .toBe(true);
  });
});
