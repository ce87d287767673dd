/**
 * Engine vs raw XState: the same patient journey through
 *   A. the engine: start() then step() per event, on the depression fixture;
 *   B. a hand-written XState v5 machine of the same shape (baseline-machine.js), driven with
 *      XState's pure initialTransition()/transition().
 * Rounds interleave A, B, A, B, … after a warm-up, so drift (thermal, GC, JIT) hits both alike.
 * The slowdown is engine time / baseline time per journey, paired round by round; the median is
 * the figure, min–max its spread. Compiling (validatePathway, compile) is timed apart.
 *
 *   node bench/run.js            full run (~25 s)
 *   node bench/run.js --quick    a short run (~3 s), for a smoke test or a profile
 *
 * Imports the built engine (../dist): run `npm run build` first (turbo does, for `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { initialTransition, transition } from 'xstate';
import { compile, start, step, validatePathway } from '../dist/index.js';
import { buildBaselineMachine } from './baseline-machine.js';
import { EVENTS, FINAL_NODE, PATH, START } from './journeys.js';

const TARGET = 1.5;
const quick = process.argv.includes('--quick');
const cfg = quick
  ? { warmupMs: 300, rounds: 6, roundMs: 100, compileReps: 20 }
  : { warmupMs: 2000, rounds: 30, roundMs: 350, compileReps: 200 };

const json = JSON.parse(
  readFileSync(new URL('../test/fixtures/depression.json', import.meta.url), 'utf8'),
);

// ---- compile time, apart from the journeys ---------------------------------------------------

/** Time of the first call, and the median of `reps` further calls, in ms. */
function timeOnce(fn, reps) {
  let t = performance.now();
  fn();
  const first = performance.now() - t;
  const times = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { first, median: median(times) };
}

function definition() {
  const v = validatePathway(json);
  if (!v.definition) throw new Error(`fixture invalid: ${JSON.stringify(v.errors)}`);
  return v.definition;
}

const validateTime = timeOnce(() => validatePathway(json), cfg.compileReps);
// The per-journey figures use this one validated definition; step() compiles its machine once
// (cached per definition object) during the sanity run below, before anything is timed.
const def = definition();
const compileTimes = [
  ['validatePathway(json)', validateTime],
  ['compile(def): engine machine', timeOnce(() => compile(def), cfg.compileReps)],
  ['baseline createMachine', timeOnce(buildBaselineMachine, cfg.compileReps)],
];
const baseline = buildBaselineMachine();

// ---- the two variants --------------------------------------------------------------------------

/** @returns {string[]} the node after start and after each event (and checks each step). */
function engineJourney() {
  let r = start(def, START);
  if (!r.ok) throw new Error(`start refused: ${JSON.stringify(r.problems)}`);
  const path = [r.snapshot.node];
  for (const event of EVENTS) {
    const s = r.snapshot;
    r = step(def, s, event, event.at);
    if (!r.ok) throw new Error(`step refused ${event.type}: ${JSON.stringify(r.problems)}`);
    path.push(r.snapshot.node);
  }
  return [path, r.snapshot];
}

function baselineJourney() {
  let [s] = initialTransition(baseline, { at: START.at });
  const path = [s.value];
  for (const event of EVENTS) {
    [s] = transition(baseline, s, event);
    path.push(s.value);
  }
  return [path, s];
}

// ---- sanity: both variants walk the same path and end at the same end node ------------------------

{
  const [enginePath, e] = engineJourney();
  const [basePath, b] = baselineJourney();
  const problems = [];
  if (enginePath.join() !== PATH.join()) problems.push(`engine path ${enginePath.join(' → ')}`);
  if (basePath.join() !== PATH.join()) problems.push(`baseline path ${basePath.join(' → ')}`);
  if (e.node !== FINAL_NODE || e.status !== 'completed' || e.outcome !== 'remission')
    problems.push(`engine ended at ${e.node} (${e.status}, ${e.outcome})`);
  if (b.value !== FINAL_NODE || b.status !== 'done' || b.context.outcome !== 'remission')
    problems.push(`baseline ended at ${b.value} (${b.status}, ${b.context.outcome})`);
  if (problems.length) {
    console.error(
      `Sanity check failed (expected ${PATH.join(' → ')}):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
}

// ---- timing --------------------------------------------------------------------------------------

const variants = [
  { name: 'engine start() + step()', run: engineJourney, n: 1, rates: [] },
  { name: 'raw XState transition()', run: baselineJourney, n: 1, rates: [] },
];

let sink = 0; // uses every result, so no call can be optimised away
/** Runs `n` journeys; returns journeys per second. */
function round(v, n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) sink += v.run()[0].length;
  return (n * 1000) / (performance.now() - t);
}

// Warm-up (interleaved too), then size each variant's rounds to about cfg.roundMs.
for (const end = performance.now() + cfg.warmupMs; performance.now() < end;)
  for (const v of variants) v.rate = round(v, 50);
for (const v of variants) v.n = Math.max(1, Math.round((v.rate * cfg.roundMs) / 1000));

for (let i = 0; i < cfg.rounds; i++) for (const v of variants) v.rates.push(round(v, v.n));

// ---- report --------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const int = (x) => Math.round(x).toLocaleString('en-US');
const fix = (x, d = 2) => x.toFixed(d);
const table = (head, rows) => {
  const all = [head, ...rows];
  const w = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((x, c) => (c ? String(x).padStart(w[c]) : String(x).padEnd(w[c])));
  console.log(line(head).join('  '));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r).join('  '));
};

const [engine, raw] = variants;
const ratios = engine.rates.map((r, i) => raw.rates[i] / r);
const slowdown = median(ratios);
const perJourney = EVENTS.length;

console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), ` +
    `${quick ? 'quick run' : 'full run'}`,
);
console.log(
  `Journey: depression fixture, start + ${perJourney} events, ${PATH.join(' → ')}\n` +
    `${cfg.rounds} interleaved rounds per variant after ${cfg.warmupMs} ms warm-up ` +
    `(${engine.n} engine / ${raw.n} baseline journeys per round)\n`,
);
table(
  ['variant', 'journeys/s', 'min', 'max', 'events/s', 'µs/journey', 'µs/event'],
  variants.map((v) => {
    const m = median(v.rates);
    return [
      v.name,
      int(m),
      int(Math.min(...v.rates)),
      int(Math.max(...v.rates)),
      int(m * perJourney),
      fix(1e6 / m, 1),
      fix(1e6 / m / perJourney, 1),
    ];
  }),
);
console.log(
  `\nEngine is ${fix(slowdown)}× slower than raw XState ` +
    `(median of ${ratios.length} paired rounds; min ${fix(Math.min(...ratios))}×, ` +
    `max ${fix(Math.max(...ratios))}×). Target ≤ ${TARGET}×: ${slowdown <= TARGET ? 'met' : 'NOT met'}.\n`,
);
table(
  ['compile (once per definition)', 'first ms', 'median ms'],
  compileTimes.map(([name, t]) => [name, fix(t.first), fix(t.median, 3)]),
);
console.log(
  `\nevents/s counts step() calls (${perJourney} a journey); the journey time includes start().`,
);
