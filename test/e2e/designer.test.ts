import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// End-to-end: the real server (server/dist) serving the built designer (designer/dist), driven
// by Debian's Chromium through accessible roles and labels only.

const repo = resolve(import.meta.dirname, '../..');
const artifacts = join(import.meta.dirname, 'artifacts');
const WAIT = 15_000;

type Role = 'admin' | 'designer' | 'publisher' | 'clinician' | 'viewer';

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** Waits until the locator is visible and returns it, so each step fails with a clear timeout. */
async function seen(l: Locator): Promise<Locator> {
  await l.waitFor({ state: 'visible', timeout: WAIT });
  return l;
}

/** Polls until the locator matches `n` elements (playwright-core has no expect()). */
async function countIs(l: Locator, n: number): Promise<void> {
  const until = Date.now() + WAIT;
  let last = -1;
  while (Date.now() < until) {
    last = await l.count();
    if (last === n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last, `expected ${n} of ${l.toString()}`).toBe(n);
}

describe('the designer in Chromium against the real server', () => {
  const data = mkdtempSync(join(tmpdir(), 'cp-e2e-'));
  let server: ChildProcess | undefined;
  let browser: Browser;
  let base = '';
  let keys: Record<Role, string>;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    for (const built of ['designer/dist/index.html', 'server/dist/main.js'])
      if (!existsSync(join(repo, built)))
        throw new Error(
          `${built} is missing: build first (cd /work/main && npx tsc -p server/tsconfig.build.json && (cd designer && npx vite build))`,
        );
    mkdirSync(artifacts, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const proc = spawn(process.execPath, [join(repo, 'server/dist/main.js')], {
      cwd: repo,
      env: { ...process.env, DATA_DIR: data, PORT: String(port), LOG_LEVEL: 'warn' },
    });
    server = proc;
    let banner = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start:\n${banner}`)), 30_000);
      proc.stdout!.on('data', (d) => {
        banner += d;
        if (banner.includes('is running on')) {
          clearTimeout(timer);
          ready();
        }
      });
      proc.stderr!.on('data', (d) => (banner += d));
      proc.on('exit', (code) => fail(new Error(`server exited ${code}:\n${banner}`)));
    });
    keys = (
      JSON.parse(readFileSync(join(data, 'demo-keys.json'), 'utf8')) as {
        keys: Record<Role, string>;
      }
    ).keys;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(WAIT);
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterEach(async () => {
    await context?.close();
    // An uncaught exception in the app is a failure even when the flow happened to pass.
    expect(pageErrors).toEqual([]);
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });

  async function signIn(role: Role, hash = '') {
    await page.goto(`${base}/${hash}`);
    // The first load fetches and parses the whole bundle: allow for a busy machine.
    const field = page.getByLabel('API key');
    await field.waitFor({ state: 'visible', timeout: 2 * WAIT });
    await field.fill(keys[role]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByText(`Signed in as ${role}`));
  }

  /** The server API as the given role, for setting up a flow's starting point quickly. */
  async function api(role: Role, method: string, path: string, body?: unknown) {
    const r = await fetch(`${base}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(r.ok, `${method} ${path}: ${r.status} ${await r.clone().text()}`).toBe(true);
    return (await r.json()) as unknown;
  }

  /** A small valid pathway: a first-contact task, then an end. */
  const skeleton = (id: string, title: string) => ({
    schemaVersion: 1,
    id,
    title,
    instruments: [],
    parameters: {},
    start: 'first-contact',
    nodes: [
      { id: 'first-contact', kind: 'task', title: 'First contact', role: 'care-manager' },
      { id: 'completed', kind: 'end', title: 'Completed', outcome: 'completed' },
    ],
    transitions: [{ from: 'first-contact', to: 'completed' }],
  });

  const canvas = () => page.getByRole('application', { name: 'Pathway canvas' });
  const node = (name: string | RegExp) => canvas().getByRole('group', { name });
  const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });

  async function choose(select: Locator, optionText: string) {
    const option = select.locator('option', { hasText: optionText }).first();
    const value = await option.getAttribute('value');
    expect(value, `option "${optionText}"`).not.toBeNull();
    await select.selectOption(value!);
  }

  it('signs in with the designer key and lists the practice pathways with versions and live', async () => {
    await signIn('designer');
    const table = await seen(page.getByRole('table', { name: 'Pathways of this practice' }));
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
    await page.getByRole('button', { name: 'New pathway' }).click();
    const dialog = await seen(page.getByRole('dialog', { name: 'New pathway' }));
    await dialog.getByLabel('Title').fill('Anxiety screen (e2e)');
    await dialog.getByLabel('Id').fill('anxiety-screen-e2e');
    await dialog.getByRole('button', { name: 'Create pathway' }).click();
    await seen(page.getByRole('heading', { level: 1, name: 'Anxiety screen (e2e)' }));
    await seen(page.getByRole('button', { name: 'The pathway is valid' }));

    // A screen node from the palette, set to GAD-7 in the inspector.
    await page.getByRole('button', { name: /^Screen / }).click();
    await seen(node(/^Screen node: /));
    await choose(sidePanel().getByLabel('Instrument'), 'GAD-7 —');
    await seen(node('Screen node: Administer GAD-7 (error)'));
    // An end node from the palette.
    await page.getByRole('button', { name: /^End / }).click();
    const end = await seen(node(/^End node: (?!Completed)/));

    // Connect screen → end by dragging between the handles.
    const from = node(/^Screen node: /).locator('[data-handlepos="bottom"]');
    const to = end.locator('[data-handlepos="top"]');
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
    await seen(canvas().getByRole('group', { name: /^Transition new-screen to end/ }));

    // Still incomplete: nothing leads to the screen. The validator says so, on the node too.
    const errorButton = await seen(
      page.getByRole('button', { name: /^\d+ errors? and .*show problems$/ }),
    );
    await seen(node('Screen node: Administer GAD-7 (error)'));
    await seen(
      node('Screen node: Administer GAD-7 (error)').getByText(/no patient can reach "new-screen"/),
    );
    await errorButton.click();
    const problems = await seen(page.getByRole('tabpanel', { name: /Problems/ }));
    await seen(problems.getByText(/no patient can reach "new-screen"/));
    await shot('2a-from-scratch-invalid');

    // Fix it in the inspector: first contact now leads to the screen; drop the old end.
    await node('Task node: First contact').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await sidePanel()
      .getByRole('button', { name: /otherwise → completed/ })
      .click();
    await choose(sidePanel().getByLabel('Goes to'), '(new-screen)');
    await seen(canvas().getByRole('group', { name: /^Transition first-contact to new-screen/ }));
    await node(/^End node: Completed/).click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await sidePanel().getByRole('button', { name: 'Delete node' }).click();
    await countIs(node(/^End node: Completed/), 0);

    await seen(page.getByRole('button', { name: 'The pathway is valid' }));
    await countIs(canvas().getByRole('group', { name: /\((error|warning)/ }), 0);
    await seen(node('Screen node: Administer GAD-7'));

    await page.getByRole('button', { name: 'Save draft' }).click();
    await seen(page.getByText('All changes saved'));
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
    await page.getByRole('button', { name: /^Wait / }).click();
    await countIs(waits, 1);
    await seen(page.getByText('Unsaved changes'));

    // Keyboard shortcuts act on the canvas, not inside a text field.
    await canvas().click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+z');
    await countIs(waits, 0);
    await page.keyboard.press('Control+Shift+z');
    await countIs(waits, 1);
    await shot('3-undo-redo');

    const tools = page.getByRole('toolbar', { name: 'Editing tools' });
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
    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(page.getByRole('tabpanel', { name: 'Versions' }));
    await seen(versions.getByText('Not published yet.'));
    await versions.getByRole('button', { name: 'Publish a new version…' }).click();
    const dialog = await seen(page.getByRole('dialog', { name: 'Publish version 1' }));
    await dialog.getByLabel('Note').fill('First version for the e2e practice');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await countIs(page.getByRole('dialog'), 0);
    const v1 = await seen(
      versions.getByRole('listitem').filter({ has: page.getByText('Version 1', { exact: true }) }),
    );
    await seen(v1.getByText('First version for the e2e practice'));
    await countIs(v1.getByText('Live', { exact: true }), 0);

    await v1.getByRole('button', { name: 'Set version 1 live' }).click();
    await seen(v1.getByText('Live', { exact: true }));
    await countIs(versions.getByRole('button', { name: 'Set version 1 live' }), 0);
    await seen(page.getByRole('heading', { level: 1 }).locator('..').getByText('v1 live'));
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
    await page.getByRole('button', { name: /^End / }).click();
    await seen(node(/^End node: /));
    await node(/^Task node: First phone call/).click();
    await choose(sidePanel().getByLabel('Add a transition to'), '(end)');
    await sidePanel().getByRole('button', { name: 'Add', exact: true }).click();
    await seen(page.getByRole('button', { name: 'The pathway is valid' }));

    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = await seen(page.getByRole('tabpanel', { name: 'Versions' }));
    await versions.getByRole('button', { name: 'Publish a new version…' }).click();
    const dialog = await seen(page.getByRole('dialog', { name: 'Publish version 2' }));
    await dialog.getByLabel('Note').fill('Renamed the first task; new end');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await seen(
      versions.getByRole('listitem').filter({ has: page.getByText('Version 2', { exact: true }) }),
    );

    await choose(versions.getByLabel('From'), 'Version 1');
    await choose(versions.getByLabel('to', { exact: true }), 'Version 2');
    await versions.getByRole('button', { name: 'Compare', exact: true }).click();

    const panel = await seen(page.getByRole('region', { name: /Version 1 → Version 2|v1 → v2/ }));
    await seen(panel.getByRole('status').getByText(/\d+ added, \d+ removed, \d+ changed\./));
    const changes = panel.getByRole('list', { name: 'Changes' });
    await seen(changes.getByText('added node'));
    await seen(changes.getByText('removed node'));
    await seen(changes.getByText('changed node'));
    await seen(changes.getByText(/title: First contact → First phone call/));
    // The markers on the canvas: the ghost of the removed end, the new end, the renamed task.
    // (Nodes in the comparison have no accessible name of their own yet: find them by text.)
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
    await seen(canvas().getByRole('group', { name: 'Edge from first-contact to completed' }));
    await seen(canvas().getByRole('group', { name: 'Edge from first-contact to end' }));
    await shot('5-diff-v1-v2');
  });

  it('simulates a patient on cocm-depression through a PHQ-9 to a safety alert', async () => {
    await signIn('designer', '#/pathways/cocm-depression');
    await seen(canvas());
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Start simulation' }).click();
    const sim = await seen(page.getByRole('region', { name: 'Simulation' }));
    await sim.getByRole('button', { name: 'New patient…' }).click();
    const setup = await seen(page.getByRole('form', { name: 'Synthetic patient' }));
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
    await signIn('clinician', '#/worklist');
    await seen(page.getByRole('heading', { level: 1, name: 'Worklist' }));
    const table = await seen(page.getByRole('table', { name: 'Open tasks, most urgent first' }));
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
    await choose(page.getByLabel('Role'), 'Primary care provider');
    await countIs(table.getByRole('columnheader', { name: 'Role' }), 0);
    await seen(page.getByRole('status').getByText(/open tasks? for primary care providers/));
    // The medical assistant's screening tasks leave the list; the urgent assessment stays.
    await countIs(rows.filter({ hasText: /Universal PHQ-2 screen|Administer PHQ-9/ }), 0);
    await seen(rows.nth(1).getByText('Same-day suicide risk assessment'));

    await rows.nth(1).getByRole('link').click();
    await seen(page.getByRole('heading', { level: 1, name: /^Patient / }));
    await seen(page.getByRole('list', { name: /^Timeline, (newest|oldest) first$/ }));
    const chart = await seen(page.getByRole('img', { name: /^Scores over time for patient / }));
    expect(await chart.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
    await chart.scrollIntoViewIfNeeded();
    await shot('7b-patient-page');
  });
});
