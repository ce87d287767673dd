// Designer load-to-interactive benchmark: a 30-node baseline against a 300-node pathway, opened
// in Debian's Chromium against the real server, interleaved 30, 300, 30, 300, … so drift on a
// shared machine hits both alike. Needs server/dist and designer/dist (see BENCHMARKS.md).
//   node bench/load.js                    full run (~1–2 min)
//   node bench/load.js --quick            smoke run
//   node bench/load.js --baseline <dir>   also open another build of the designer (e.g. one made
//                                         before a change with `vite build --outDir <dir>`), in
//                                         the same rounds, and report after/before ratios
// DESIGNER_DIST=<dir> benchmarks that build instead of designer/dist.
/* global window, document, getComputedStyle, requestAnimationFrame -- functions passed to the page run in the browser */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePathway } from '@care-pathways/engine';
import { runnerImport } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const quick = process.argv.includes('--quick');
const baselineAt = process.argv.indexOf('--baseline');
const BASELINE = baselineAt > 0 ? resolve(process.argv[baselineAt + 1] ?? '') : null;
const CURRENT = resolve(process.env.DESIGNER_DIST ?? join(root, 'designer/dist'));
const SIZES = [30, 300];
const WARMUP = 1;
const ROUNDS = quick ? 2 : 6;
const EDITS = quick ? 3 : 8;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TIMEOUT = 60_000;

/** playwright-core from the designer, else from the test workspace that owns it. */
async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch {
    const req = createRequire(join(root, 'test/package.json'));
    return await import(req.resolve('playwright-core'));
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The editor's own generator (TypeScript), loaded through Vite's module runner: one source. */
async function loadSynthetic() {
  const file = join(root, 'designer/src/editor/model/synthetic.ts');
  const { module } = await runnerImport(file, { configFile: false, logLevel: 'error' });
  return module.syntheticPathway;
}

async function startServer(dist) {
  for (const f of [join(root, 'server/dist/main.js'), join(dist, 'index.html')])
    if (!existsSync(f)) throw new Error(`${f} missing: build the server and designer`);
  const dataDir = mkdtempSync(join(tmpdir(), 'designer-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'server/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DESIGNER_DIST: dist,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  const keysFile = join(dataDir, 'demo-keys.json');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    if (existsSync(keysFile)) {
      try {
        const res = await fetch(`${base}/api/library`);
        if (res.status < 500) break;
      } catch {
        // not listening yet
      }
    }
    await sleep(100);
  }
  const keys = JSON.parse(readFileSync(keysFile, 'utf8')).keys;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(3000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base, keys, stop };
}

async function createPathway(base, key, definition) {
  const res = await fetch(`${base}/api/pathways`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ definition }),
  });
  if (res.status !== 201)
    throw new Error(`create ${definition.id}: ${res.status} ${await res.text()}`);
}

// Runs in the page before the app: signs in, and records long tasks from the start.
function initScript(key) {
  sessionStorage.setItem('care-pathways.key', key);
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support: reported as 0
  }
}

/**
 * Rendered = the nodes React Flow draws for the opening view, all in the DOM and measured (React
 * Flow hides nodes until it has sized them), after the viewport has moved from its initial
 * (0, 0, 1) and the count held for STABLE_FRAMES frames. Not "all N nodes": a large pathway opens
 * at a readable zoom with viewport culling (above 150 nodes), so only the visible ones are drawn.
 * The time is when the count first reached its final value.
 */
function renderedCount() {
  let n = 0;
  for (const el of document.querySelectorAll('.react-flow__node'))
    if (getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0) n++;
  return n;
}
const STABLE_FRAMES = 5;

/** One cold open of the editor: times are ms since navigation start (performance.now()). */
async function measureLoad(context, base, id) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/#/pathways/${id}`, { waitUntil: 'commit', timeout: TIMEOUT });
    const rendered = await page.waitForFunction(
      ([frames, count]) => {
        const got = new Function(`return (${count})()`)();
        const moved =
          document.querySelector('.react-flow__viewport')?.style.transform !==
          'translate(0px, 0px) scale(1)';
        const s = (window.__stable ??= { count: -1, since: 0, frames: 0 });
        if (!got || !moved) s.count = -1;
        else if (got === s.count) s.frames++;
        else Object.assign(s, { count: got, since: performance.now(), frames: 0 });
        return s.frames >= frames ? { at: s.since, count: s.count } : false;
      },
      [STABLE_FRAMES, renderedCount.toString()],
      { polling: 'raf', timeout: TIMEOUT },
    );
    const { at: renderedAt, count: renderedNodes } = await rendered.jsonValue();
    // Interaction: click the triage node (just below the start node, so on screen both fitted
    // and at the readable opening zoom), wait until the inspector shows it (and a frame painted).
    const node = page.locator('.react-flow__node[data-id="triage"]');
    await page.evaluate(() => {
      window.__clickAt = null;
      document.addEventListener('pointerdown', (e) => (window.__clickAt ??= e.timeStamp), {
        capture: true,
        once: true,
      });
    });
    await node.click({ timeout: TIMEOUT });
    const shown = await page.waitForFunction(
      () =>
        document.querySelector('#ed-inspector-title')?.textContent?.includes('Triage') &&
        new Promise((r) =>
          requestAnimationFrame(() => setTimeout(() => r(performance.now()))),
        ).then((t) => t),
      undefined,
      { polling: 'raf', timeout: TIMEOUT },
    );
    const interactiveAt = await shown.jsonValue();
    const { clickAt, longtasks, domNodes } = await page.evaluate(() => ({
      clickAt: window.__clickAt,
      longtasks: window.__longtasks,
      domNodes: document.querySelectorAll('.react-flow__node').length,
    }));
    const during = longtasks.filter((t) => t.start < interactiveAt);
    return {
      page,
      renderedAt,
      renderedNodes,
      interactiveAt,
      clickMs: interactiveAt - clickAt,
      domNodes,
      longCount: during.length,
      longTotal: during.reduce((s, t) => s + t.duration, 0),
      longMax: during.reduce((m, t) => Math.max(m, t.duration), 0),
    };
  } catch (e) {
    await page.close();
    throw e;
  }
}

/** Field edits: one key typed into the Title field until the canvas node shows it (next frame). */
async function measureEdits(page, edits) {
  const title = page.getByLabel('Title', { exact: true });
  await title.click();
  await title.press('End');
  const times = [];
  for (let i = 0; i < edits; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    await page.evaluate(() => {
      window.__keyAt = null;
      document.addEventListener('keydown', (e) => (window.__keyAt = e.timeStamp), {
        capture: true,
        once: true,
      });
    });
    const expected = `Triage by PHQ-2 total ${'abcdefghijklmnopqrstuvwxyz'.slice(0, i + 1)}`;
    if (i === 0) await page.keyboard.press('Space');
    await page.keyboard.press(ch);
    const done = await page.waitForFunction(
      (text) =>
        document.querySelector('.react-flow__node[data-id="triage"] .ed-node-title')
          ?.textContent === text &&
        new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))),
      expected,
      { polling: 'raf', timeout: TIMEOUT },
    );
    const at = await done.jsonValue();
    times.push(at - (await page.evaluate(() => window.__keyAt)));
  }
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) =>
  x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main() {
  const started = Date.now();
  const syntheticPathway = await loadSynthetic();
  const defs = SIZES.map((n) => {
    const def = syntheticPathway(n);
    const r = validatePathway(def);
    if (!r.valid)
      throw new Error(`synthetic-${n} invalid: ${JSON.stringify(r.errors).slice(0, 500)}`);
    if (def.nodes.length !== n) throw new Error(`synthetic-${n} has ${def.nodes.length} nodes`);
    return def;
  });
  // One server per build (each serves its own designer/dist), both with the same pathways.
  const builds = [{ label: 'current', dist: CURRENT }];
  if (BASELINE) builds.unshift({ label: 'baseline', dist: BASELINE });
  const { chromium } = await loadPlaywright();
  const servers = [];
  let browser;
  try {
    for (const b of builds) servers.push(await startServer(b.dist));
    const contexts = [];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    for (const server of servers) {
      const key = server.keys.designer;
      if (!key) throw new Error('no designer demo key');
      for (const def of defs) await createPathway(server.base, key, def);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(initScript, key);
      contexts.push(context);
    }
    const results = builds.map(() => Object.fromEntries(SIZES.map((n) => [n, []])));
    const total = WARMUP + ROUNDS;
    for (let round = 0; round < total; round++) {
      for (const [i, n] of SIZES.entries()) {
        // With a baseline, alternate which build goes first so neither always runs second.
        const order = builds.map((_, k) => k);
        if (round % 2) order.reverse();
        for (const k of order) {
          const r = await measureLoad(contexts[k], servers[k].base, defs[i].id);
          r.edits = await measureEdits(r.page, EDITS);
          await r.page.close();
          const tag = round < WARMUP ? 'warm-up' : `round ${round - WARMUP + 1}/${ROUNDS}`;
          console.error(
            `${tag}${builds.length > 1 ? ` ${builds[k].label}` : ''} n=${n}: ` +
              `rendered ${fmt(r.renderedAt)} ms, interactive ${fmt(r.interactiveAt)} ms, ` +
              `click ${fmt(r.clickMs)} ms, edit median ${fmt(median(r.edits), 1)} ms, ` +
              `${r.longCount} long tasks (${fmt(r.longTotal)} ms), ${r.renderedNodes} nodes drawn at open, ` +
              `${r.domNodes} node elements`,
          );
          if (round >= WARMUP) results[k][n].push(r);
        }
      }
    }
    report(builds, results, browser.version(), Date.now() - started);
  } finally {
    await browser?.close();
    for (const server of servers) await server.stop();
  }
}

const METRICS = [
  ['nodes drawn at open', (r) => [r.renderedNodes]],
  ['nodes rendered (ms)', (r) => [r.renderedAt]],
  ['interactive (ms)', (r) => [r.interactiveAt]],
  ['click → inspector (ms)', (r) => [r.clickMs]],
  ['title edit → canvas (ms)', (r) => r.edits],
  ['long tasks to interactive', (r) => [r.longCount]],
  ['long-task total (ms)', (r) => [r.longTotal]],
  ['longest task (ms)', (r) => [r.longMax]],
];
const RATIOS = [
  ['nodes rendered', (r) => [r.renderedAt]],
  ['interactive', (r) => [r.interactiveAt]],
  ['click → inspector', (r) => [r.clickMs]],
  ['title edit → canvas', (r) => r.edits],
];

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Median (min, max) of per-round ratios get(xs[k]) / get(ys[k]): paired, so drift cancels. */
function pairedRatio(xs, ys, get) {
  const rs = xs.map((x, k) => median(get(x)) / median(get(ys[k])));
  return `${fmt(median(rs), 2)}× (min ${fmt(Math.min(...rs), 2)}×, max ${fmt(Math.max(...rs), 2)}×)`;
}

function report(builds, results, chromiumVersion, elapsed) {
  const [a, b] = SIZES;
  console.log(
    `\nDesigner load-to-interactive: Node ${process.version}, Chromium ${chromiumVersion}, ` +
      `${quick ? 'quick' : 'full'} run: ${ROUNDS} interleaved rounds after ${WARMUP} warm-up, ` +
      `${EDITS} title edits per open, viewport 1440×900` +
      (builds.length > 1
        ? `; builds: ${builds.map((x) => `${x.label} ${x.dist}`).join(', ')}`
        : '') +
      '\n',
  );
  const head = ['metric', 'n', ...builds.flatMap((x) => [`${x.label} median`, 'min', 'max'])];
  if (builds.length === 1) head.splice(2, 3, 'median', 'min', 'max');
  const rows = [];
  for (const [name, get] of METRICS)
    for (const n of SIZES)
      rows.push([
        name,
        String(n),
        ...results.flatMap((res) => {
          const xs = res[n].flatMap(get);
          return [fmt(median(xs), 1), fmt(Math.min(...xs), 1), fmt(Math.max(...xs), 1)];
        }),
      ]);
  table(head, rows);

  for (const [k, build] of builds.entries()) {
    const res = results[k];
    console.log(
      `\n${b}/${a} ratios${builds.length > 1 ? `, ${build.label}` : ''} (median of ${ROUNDS} paired rounds):`,
    );
    for (const [name, get] of RATIOS)
      console.log(`  ${name.padEnd(22)}${pairedRatio(res[b], res[a], get)}`);
  }
  if (builds.length > 1) {
    const [base, cur] = results;
    console.log(`\ncurrent/baseline ratios (median of ${ROUNDS} paired opens; < 1 is faster):`);
    for (const n of SIZES)
      for (const [name, get] of RATIOS)
        console.log(`  ${`${name}, ${n}`.padEnd(27)}${pairedRatio(cur[n], base[n], get)}`);
  }
  const cur = results[results.length - 1];
  const ti = median(cur[b].map((r) => r.interactiveAt));
  const te = median(cur[b].flatMap((r) => r.edits));
  console.log(
    `\nVerdict (${b} nodes${builds.length > 1 ? ', current build' : ''}): interactive ${fmt(ti)} ms ` +
      `(target ≤ 3000), edit ${fmt(te, 1)} ms (target ≤ 200): ` +
      `${ti <= 3000 && te <= 200 ? 'met' : 'NOT met'}.`,
  );
  console.log(`Whole run ${fmt(elapsed / 1000, 1)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
