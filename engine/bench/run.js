/**
 * Engine vs raw XState: the same patient journey (journeys.js) through
 *   A. the engine: start() then step() per event, on the depression fixture;
 *   B. a hand-written XState v5 machine of the same shape (baseline-machine.js), driven with
 *      XState's pure initialTransition() / transition(), as the engine drives its own machine;
 *   C. for reference, B again calling machine.transition() with one reused actor scope: XState's
 *      own floor, without the throwaway actor that transition() builds on every call.
 * Rounds interleave A, B, C, A, B, C, … after a warm-up, so drift (CPU contention, GC, JIT) hits
 * all alike. The slowdown is engine time / baseline time per journey, paired round by round; the
 * median is the figure, min–max its spread. Compiling (validatePathway, compile) is timed apart.
 *
 *   node bench/run.js            full run (~35 s on 2 cores)
 *   node bench/run.js --quick    short run (~4 s): a smoke test, or to profile with --cpu-prof
 *
 * Imports the built engine (../dist): build first (`npm run bench` through turbo does).
 * Exits 1 if the variants do not walk the same path to the same end node.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { initialTransition, transition } from 'xstate';
import { compile, start, step, validatePathway } from '../dist/index.js';
import { buildBaselineMachine, reusedScope } from './baseline-machine.js';
import { EVENTS, FINAL_NODE, PATH, START } from './journeys.js';

const TARGET = 1.5;
const quick = process.argv.includes('--quick');
const cfg = quick
  ? { warmupMs: 500, rounds: 8, roundMs: 120, compileReps: 20 }
  : { warmupMs: 2000, rounds: 30, roundMs: 300, compileReps: 200 };

const json = JSON.parse(
  readFileSync(new URL('../test/fixtures/depression.json', import.meta.url), 'utf8'),
);

// ---- compiling, timed apart from the journeys ---------------------------------------------------

/** The first call (cold) and the median of `reps` further calls, in ms. */
function timeCalls(fn, reps) {
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

const validateTime = timeCalls(() => validatePathway(json), cfg.compileReps);
const validated = validatePathway(json);
if (!validated.definition) {
  console.error('The fixture does not validate:', validated.errors);
  process.exit(1);
}
// One definition object for every journey: step() compiles its machine once per definition
// (cached), during the sanity run below, before anything is timed.
const def = validated.definition;
const compileTimes = [
  ['validatePathway(json)', validateTime],
  ['compile(def): engine machine', timeCalls(() => compile(def), cfg.compileReps)],
  ['baseline createMachine', timeCalls(buildBaselineMachine, cfg.compileReps)],
];

// ---- the variants: each runs one journey and returns the nodes it went through ------------------

function engineJourney() {
  let r = start(def, START);
  if (!r.ok) throw new Error(`start refused: ${JSON.stringify(r.problems)}`);
  const path = [r.snapshot.node];
  for (const event of EVENTS) {
    r = step(def, r.snapshot, event, event.at);
    if (!r.ok) throw new Error(`step refused ${event.type}: ${JSON.stringify(r.problems)}`);
    path.push(r.snapshot.node);
  }
  const s = r.snapshot;
  return { path, end: s.node, done: s.status === 'completed', outcome: s.outcome };
}

const machine = buildBaselineMachine();
function baselineJourney() {
  let [s] = initialTransition(machine, { at: START.at });
  const path = [s.value];
  for (const event of EVENTS) {
    [s] = transition(machine, s, event);
    path.push(s.value);
  }
  return { path, end: s.value, done: s.status === 'done', outcome: s.context.outcome };
}

const scope = reusedScope(machine);
function floorJourney() {
  let s = machine.getInitialSnapshot(scope, { at: START.at });
  const path = [s.value];
  for (const event of EVENTS) {
    s = machine.transition(s, event, scope);
    path.push(s.value);
  }
  return { path, end: s.value, done: s.status === 'done', outcome: s.context.outcome };
}

const variants = [
  { name: 'A engine start() + step()', run: engineJourney },
  { name: 'B raw XState transition()', run: baselineJourney },
  { name: 'C raw XState, reused scope', run: floorJourney },
].map((v) => ({ ...v, n: 1, rate: 0, rates: [] }));

// ---- sanity: every variant walks the same path to the same end node ------------------------------

const arrived = (j) =>
  j.path.join() === PATH.join() && j.end === FINAL_NODE && j.done && j.outcome === 'remission';
const wrong = variants
  .map((v) => ({ name: v.name, j: v.run() }))
  .filter(({ j }) => !arrived(j))
  .map(({ name, j }) => `${name}: ${j.path.join(' → ')} (done: ${j.done}, outcome: ${j.outcome})`);
if (wrong.length) {
  console.error(
    `Sanity check failed; expected ${PATH.join(' → ')}, remission:\n  ${wrong.join('\n  ')}`,
  );
  process.exit(1);
}

// ---- timing ------------------------------------------------------------------------------------

let sink = 0; // uses every result, so no call can be optimised away
/** Runs `n` journeys; returns journeys per second. */
function round(v, n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) sink += v.run().path.length;
  return (n * 1000) / (performance.now() - t);
}

// Warm-up (interleaved too), then size each variant's rounds to about cfg.roundMs.
for (const end = performance.now() + cfg.warmupMs; performance.now() < end;)
  for (const v of variants) v.rate = round(v, 20);
for (const v of variants) v.n = Math.max(1, Math.round((v.rate * cfg.roundMs) / 1000));

for (let i = 0; i < cfg.rounds; i++) for (const v of variants) v.rates.push(round(v, v.n));
if (sink === 0) throw new Error('no journeys ran');

// ---- report ------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const int = (x) => Math.round(x).toLocaleString('en-US');
const fix = (x, d = 2) => x.toFixed(d);
function table(head, rows) {
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) =>
    r.map((x, c) => (c ? String(x).padStart(width[c]) : String(x).padEnd(width[c]))).join('  ');
  console.log(
    [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'),
  );
}
/** Per-round time ratios a/b (rates are per second, so b's rate over a's). */
const slowdown = (a, b) => {
  const rs = a.rates.map((r, i) => b.rates[i] / r);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
};

const [engine, baseline, floor] = variants;
const events = EVENTS.length;
const cpus = os.cpus();
console.log(
  `Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), ` +
    `${quick ? 'quick' : 'full'} run: ${cfg.rounds} interleaved rounds of ~${cfg.roundMs} ms ` +
    `per variant after ${cfg.warmupMs} ms warm-up`,
);
console.log(`Journey: depression fixture, start + ${events} events: ${PATH.join(' → ')}\n`);
table(
  ['variant', 'journeys/s', 'min', 'max', 'events/s', 'µs/journey', 'µs/event'],
  variants.map((v) => {
    const m = median(v.rates);
    return [
      v.name,
      int(m),
      int(Math.min(...v.rates)),
      int(Math.max(...v.rates)),
      int(m * events),
      fix(1e6 / m, 1),
      fix(1e6 / m / events, 1),
    ];
  }),
);
const ab = slowdown(engine, baseline);
const ac = slowdown(engine, floor);
console.log(
  `\nEngine is ${fix(ab.median)}× slower than raw XState transition() ` +
    `(median of ${cfg.rounds} paired rounds; min ${fix(ab.min)}×, max ${fix(ab.max)}×). ` +
    `Target ≤ ${TARGET}×: ${ab.median <= TARGET ? 'met' : 'NOT met'}.`,
);
console.log(
  `Reference: engine / raw XState with a reused scope (C) = ${fix(ac.median)}× ` +
    `(min ${fix(ac.min)}×, max ${fix(ac.max)}×).\n`,
);
table(
  ['compiling (once per definition)', 'first ms', 'median ms'],
  compileTimes.map(([name, t]) => [name, fix(t.first), fix(t.median, 3)]),
);
console.log(
  `\nevents/s = journeys/s × ${events} (step() calls); a journey's time includes its start().`,
);
