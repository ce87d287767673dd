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
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

// The browser harness shared by the end-to-end files: the real server (server/dist) on a temporary
// DATA_DIR serving the built designer (designer/dist), driven by Debian's Chromium through
// accessible roles and labels only.

const repo = resolve(import.meta.dirname, '../..');
const artifacts = join(import.meta.dirname, 'artifacts');
export const WAIT = 15_000;

export type Role = 'admin' | 'designer' | 'publisher' | 'clinician' | 'viewer';

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** Waits until the locator is visible and returns it, so each step fails with a clear timeout. */
export async function seen(l: Locator): Promise<Locator> {
  await l.waitFor({ state: 'visible', timeout: WAIT });
  return l;
}

/** Polls until the locator matches `n` elements (playwright-core has no expect()). */
export async function countIs(l: Locator, n: number): Promise<void> {
  const until = Date.now() + WAIT;
  let last = -1;
  while (Date.now() < until) {
    last = await l.count();
    if (last === n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last, `expected ${n} of ${l.toString()}`).toBe(n);
}

/**
 * Registers the hooks of one browser suite (call it inside a `describe`): a server on a fresh
 * data directory and one browser for the suite, a fresh context and page per test, and a failure
 * for any uncaught exception in the app. Returns the page of the running test and helpers.
 */
export function designerHarness() {
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

  return {
    /** The page of the running test. */
    get page() {
      return page;
    },
    get base() {
      return base;
    },
    get keys() {
      return keys;
    },
    shot,
    signIn,
    api,
    skeleton,
    canvas,
    node,
    sidePanel,
    choose,
  };
}
