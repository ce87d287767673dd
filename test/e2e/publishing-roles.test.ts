import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countIs, designerHarness, seen } from './harness.js';

// End-to-end: each role sees why a control is off, and setting a version live asks first.

/** The text of the elements that aria-describedby points at (the control's description). */
const description = (l: Locator) =>
  l.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

describe('publishing controls by role', () => {
  const h = designerHarness();
  const { signIn, api, skeleton, node, shot } = h;

  it('shows the designer a disabled Publish… that says publishing needs the publisher or admin role', async () => {
    await api('designer', 'POST', '/pathways', {
      definition: skeleton('roles-e2e', 'Roles (e2e)'),
    });
    await signIn('designer', '#/pathways/roles-e2e');
    await seen(node('Task node: First contact'));
    const publish = h.page
      .getByRole('toolbar', { name: 'Editing tools' })
      .getByRole('button', { name: 'Publish…' });
    expect(await publish.isDisabled()).toBe(true);
    expect(await description(publish)).toBe('Publishing needs the publisher or admin role.');
    await seen(h.page.getByText('Publishing needs the publisher or admin role.'));
    await shot('roles-1-designer-toolbar');

    await h.page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(h.page.getByRole('tabpanel', { name: 'Versions' }));
    await seen(versions.getByText('Publishing needs the publisher or admin role.'));
    const publishNew = versions.getByRole('button', { name: 'Publish a new version…' });
    expect(await publishNew.isDisabled()).toBe(true);
    expect(await description(publishNew)).toBe('Publishing needs the publisher or admin role.');
  });

  it('tells the publisher that editing needs the designer or admin role, and lets them publish', async () => {
    await signIn('publisher', '#/pathways/roles-e2e');
    await seen(node('Task node: First contact'));
    await seen(h.page.getByText('View only'));
    await seen(h.page.getByText('Editing needs the designer or admin role.'));
    const tools = h.page.getByRole('toolbar', { name: 'Editing tools' });
    const tidy = tools.getByRole('button', { name: 'Tidy layout' });
    expect(await tidy.isDisabled()).toBe(true);
    expect(await description(tidy)).toBe('Editing needs the designer or admin role.');
    expect(await tools.getByRole('button', { name: 'Publish…' }).isEnabled()).toBe(true);
    await countIs(h.page.getByText('Publishing needs the publisher or admin role.'), 0);
    await shot('roles-2-publisher-toolbar');
  });

  it('asks before setting a version live, saying which version new patients move from', async () => {
    await api('admin', 'POST', '/pathways/roles-e2e/versions', { note: 'v1' });
    await api('designer', 'PUT', '/pathways/roles-e2e/draft', {
      definition: skeleton('roles-e2e', 'Roles (e2e), second version'),
    });
    await api('admin', 'POST', '/pathways/roles-e2e/versions', { note: 'v2' });
    await api('admin', 'POST', '/pathways/roles-e2e/live', { version: 1 });
    const liveNow = async () =>
      (
        (await api('admin', 'GET', '/pathways')) as { id: string; liveVersion: number | null }[]
      ).find((p) => p.id === 'roles-e2e')?.liveVersion;
    expect(await liveNow()).toBe(1);

    await signIn('publisher', '#/pathways/roles-e2e');
    await h.page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(h.page.getByRole('tabpanel', { name: 'Versions' }));
    await versions.getByRole('button', { name: 'Set version 2 live' }).click();
    const question = () => h.page.getByRole('dialog', { name: 'Set version 2 live?' });
    await seen(
      question().getByText(
        'New patients will start on version 2 (now: version 1). Patients already enrolled stay on their version.',
      ),
    );
    await shot('roles-3-set-live-question');

    // Cancel changes nothing.
    await question().getByRole('button', { name: 'Cancel' }).click();
    await countIs(question(), 0);
    expect(await liveNow()).toBe(1);

    await versions.getByRole('button', { name: 'Set version 2 live' }).click();
    await question().getByRole('button', { name: 'Set live' }).click();
    await countIs(versions.getByRole('button', { name: 'Set version 2 live' }), 0);
    expect(await liveNow()).toBe(2);
  });
});
