import { describe, expect, it } from 'vitest';
import { countIs, designerHarness, seen } from './harness.js';

// End-to-end: a clinical lead never loses draft edits by leaving the editor without a word.

type Draft = { definition: { nodes: { kind: string }[] } };

describe('leaving the editor with unsaved changes', () => {
  const h = designerHarness();
  const { signIn, api, skeleton, node, shot } = h;
  const waitsOnServer = async () =>
    (
      (await api('designer', 'GET', '/pathways/unsaved-e2e/draft')) as Draft
    ).definition.nodes.filter((n) => n.kind === 'wait').length;

  it('asks Save / Discard / Stay, and each does what it says', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('unsaved-e2e', 'Unsaved (e2e)'),
    });
    await signIn('designer', '#/pathways/unsaved-e2e');
    const waits = node(/^Wait node: /);
    const addWait = async () => {
      await seen(node('Task node: First contact'));
      await h.page.getByRole('button', { name: /^Wait / }).click();
      await countIs(waits, 1);
      await seen(h.page.getByText('Unsaved changes'));
    };
    const question = () => h.page.getByRole('dialog', { name: 'Save changes to Unsaved (e2e)?' });
    await addWait();

    // A reload or closing the tab is held by the browser's own question.
    const held = await h.page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(held).toBe(true);

    // Stay: the dialog closes and the edit is still there, unsaved.
    await h.page.getByRole('link', { name: '← Pathways' }).click();
    const dialog = await seen(question());
    await shot('unsaved-1-question');
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await countIs(question(), 0);
    await countIs(waits, 1);
    await seen(h.page.getByText('Unsaved changes'));
    expect(h.page.url()).toMatch(/#\/pathways\/unsaved-e2e$/);

    // Discard (from a top-bar link): leaves, and the saved draft is unchanged.
    await h.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Worklist' })
      .click();
    await question().getByRole('button', { name: 'Discard' }).click();
    await countIs(question(), 0);
    await countIs(h.page.getByRole('application', { name: 'Pathway canvas' }), 0);
    expect(h.page.url()).toMatch(/#\/worklist$/);
    expect(await waitsOnServer()).toBe(0);

    // A failed save stays in the editor with the edit, and says why.
    await h.page.goto(`${h.base}/#/pathways/unsaved-e2e`);
    await seen(h.page.getByText('Signed in as designer'));
    await addWait();
    await h.page.route('**/api/pathways/unsaved-e2e/draft', (r) =>
      r.request().method() === 'PUT'
        ? r.fulfill({
            status: 503,
            contentType: 'application/json',
            body: '{"error":{"code":"down","message":"server busy"}}',
          })
        : r.continue(),
    );
    await h.page.getByRole('link', { name: '← Pathways' }).click();
    await question().getByRole('button', { name: 'Save' }).click();
    await countIs(question(), 0);
    await seen(h.page.getByRole('alert').filter({ hasText: 'Could not save the draft' }));
    await countIs(waits, 1);
    expect(h.page.url()).toMatch(/#\/pathways\/unsaved-e2e$/);
    await h.page.unroute('**/api/pathways/unsaved-e2e/draft');

    // Save: saves, then goes where the link pointed.
    await h.page.getByRole('link', { name: '← Pathways' }).click();
    await question().getByRole('button', { name: 'Save' }).click();
    await seen(h.page.getByRole('table', { name: 'Pathways of this practice' }));
    expect(await waitsOnServer()).toBe(1);
  });

  it('asks before signing out, and Stay keeps the session and the edit', async () => {
    await signIn('designer', '#/pathways/unsaved-e2e');
    await seen(node(/^Wait node: /));
    await h.page.getByRole('button', { name: /^Wait / }).click();
    await countIs(node(/^Wait node: /), 2);
    await h.page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = await seen(
      h.page.getByRole('dialog', { name: 'Save changes to Unsaved (e2e)?' }),
    );
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await seen(h.page.getByText('Signed in as designer'));
    await countIs(node(/^Wait node: /), 2);
    await h.page.getByRole('button', { name: 'Sign out' }).click();
    await h.page
      .getByRole('dialog', { name: 'Save changes to Unsaved (e2e)?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await seen(h.page.getByLabel('API key'));
    expect(await waitsOnServer()).toBe(1);
  });
});
