/**
 * Engine vs raw XState: the same patient journey (journeys.js) through
 *   A. the engine: start() then step() per event, on the depression fixture;
 *   B. a hand-written XState v5 machine of the same shape (baseline-machine.js) driven with
 *      XState's convenience initialTransition() / transition(), which build a throwaway actor
 *      per call. Reference only: the engine no longer pays that set-up, so A/B is not
 *      like-for-like;
 *   C. the same hand-written machine driven exactly as the engine drives its own: one reused
 *      inert actor scope, machine.getInitialSnapshot(scope, input) and
 *      machine.transition(snapshot, event, scope). The headline baseline: A/C is the engine's own
 *      overhead over raw XState of the same shape on the same execution path;
 *   D. a hand-written XState machine doing the same clinical work as the engine on this journey
 *      (clinical-machine.js): event checks, scoring with the engine's scorers, the facts the rules
 *      need, open tasks and timers, the same effects. Driven like C. A/D is what the engine's
 *      generality costs over writing this one pathway by hand.
 * Rounds interleave A, B, C, D, A, B, … after a warm-up, so drift (CPU contention, GC, JIT) hits
 * all alike. Each ratio is time / time per journey, paired round by round; the median is the
 * figure, min–max its spread. Compiling (validatePathway, compile) is timed apart.
 *
 *   node bench/run.js            full run (~45 s on 2 cores)
 *   node bench/run.js --quick    short run (~8 s): a smoke test, or to profile with --cpu-prof
 *   node bench/run.js --only=A   time only the listed variants (e.g. A,C), to profile one
 *
 * Imports the built engine (../dist): build first (`npm run bench` through turbo does).
 * Exits 1 if the variants do not walk the same path to the same end node, or if D's effects
 * differ from the engine's.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { initialTransition, transition } from 'xstate';
import { compile, scoreInstrument, start, step, validatePathway } from '../dist/index.js';
import { buildBaselineMachine, reusedScope } from './baseline-machine.js';
import { buildClinicalMachine, clinicalStep } from './clinical-machine.js';
import { EVENTS, FINAL_NODE, PATH, START } from './journeys.js';

const TARGET = 1.5;
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const cfg = quick
  ? { warmupMs: 500, rounds: 8, roundMs: 200, compileReps: 20 }
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
  ['C createMachine (raw, same shape)', timeCalls(buildBaselineMachine, cfg.compileReps)],
  ['D createMachine (clinical)', timeCalls(buildClinicalMachine, cfg.compileReps)],
];

// ---- the variants: each runs one journey and returns the nodes it went through ------------------

function engineJourney() {
  let r = start(def, START);
  if (!r.ok) throw new Error(`start refused: ${JSON.stringify(r.problems)}`);
  const path = [r.snapshot.node];
  const effects = [r.effects];
  for (const event of EVENTS) {
    r = step(def, r.snapshot, event, event.at);
    if (!r.ok) throw new Error(`step refused ${event.type}: ${JSON.stringify(r.problems)}`);
    path.push(r.snapshot.node);
    effects.push(r.effects);
  }
  const s = r.snapshot;
  return { path, end: s.node, done: s.status === 'completed', outcome: s.outcome, effects };
}

const machine = buildBaselineMachine();
function convenienceJourney() {
  let [s] = initialTransition(machine, { at: START.at });
  const path = [s.value];
  for (const event of EVENTS) {
    [s] = transition(machine, s, event);
    path.push(s.value);
  }
  return { path, end: s.value, done: s.status === 'done', outcome: s.context.outcome };
}

const scope = reusedScope(machine);
function rawJourney() {
  let s = machine.getInitialSnapshot(scope, { at: START.at });
  const path = [s.value];
  for (const event of EVENTS) {
    s = machine.transition(s, event, scope);
    path.push(s.value);
  }
  return { path, end: s.value, done: s.status === 'done', outcome: s.context.outcome };
}

const clinical = buildClinicalMachine();
const clinicalScope = reusedScope(clinical);
function clinicalJourney() {
  let s = clinical.getInitialSnapshot(clinicalScope, START);
  const path = [s.value];
  const effects = [s.context.effects];
  for (const event of EVENTS) {
    const r = clinicalStep(clinical, clinicalScope, s, event, scoreInstrument);
    if (!r.ok) throw new Error(`D refused ${event.type}: ${r.code}`);
    s = r.snapshot;
    path.push(s.value);
    effects.push(s.context.effects);
  }
  const c = s.context.state;
  return { path, end: s.value, done: s.status === 'done', outcome: c.outcome, effects };
}

const variants = [
  { key: 'A', name: 'A engine start() + step()', run: engineJourney },
  { key: 'B', name: 'B raw XState, convenience transition()', run: convenienceJourney },
  { key: 'C', name: "C raw XState, engine's path (baseline)", run: rawJourney },
  { key: 'D', name: 'D hand-written clinical XState', run: clinicalJourney },
].map((v) => ({ ...v, n: 1, rate: 0, rates: [], wallRates: [] }));

// ---- sanity: every variant walks the same path to the same end node ------------------------------

const arrived = (j) =>
  j.path.join() === PATH.join() && j.end === FINAL_NODE && j.done && j.outcome === 'remission';
const journeys = Object.fromEntries(variants.map((v) => [v.key, v.run()]));
const wrong = variants
  .filter((v) => !arrived(journeys[v.key]))
  .map(({ name, key }) => {
    const j = journeys[key];
    return `${name}: ${j.path.join(' → ')} (done: ${j.done}, outcome: ${j.outcome})`;
  });
if (wrong.length) {
  console.error(
    `Sanity check failed; expected ${PATH.join(' → ')}, remission:\n  ${wrong.join('\n  ')}`,
  );
  process.exit(1);
}
// D must do the engine's clinical work: the same effects (ids, titles, roles, due times), step by
// step.
const differs = journeys.A.effects.findIndex(
  (fx, i) => JSON.stringify(fx) !== JSON.stringify(journeys.D.effects[i]),
);
if (differs >= 0) {
  console.error(
    `Sanity check failed: D's effects differ from the engine's at step ${differs}:\n` +
      `  engine: ${JSON.stringify(journeys.A.effects[differs])}\n` +
      `  D:      ${JSON.stringify(journeys.D.effects[differs])}`,
  );
  process.exit(1);
}

// ---- timing ------------------------------------------------------------------------------------

// Each round is timed twice: by the CPU time of the main thread, which is what the journeys
// themselves use (on Linux, from /proc/self/task/<pid>/schedstat, in nanoseconds; elsewhere the
// process's CPU time, all threads), and by the wall clock. On a shared machine the wall clock also
// counts the time other jobs held the CPU, so the CPU-time figures are the main ones and the
// wall-clock ratio is shown beside them.
let sink = 0; // uses every result, so no call can be optimised away
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const threadCpu = existsSync(SCHEDSTAT);
const cpuMs = threadCpu
  ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
/** Runs `n` journeys; records journeys per CPU second and per wall-clock second. */
function round(v, n) {
  const c = cpuMs();
  const t = performance.now();
  for (let i = 0; i < n; i++) sink += v.run().path.length;
  const wall = performance.now() - t;
  const cpu = Math.max(cpuMs() - c, 0.001);
  return { rate: (n * 1000) / cpu, wallRate: (n * 1000) / wall };
}

const timed = only ? variants.filter((v) => only.split(',').includes(v.key)) : variants;
// Warm-up (interleaved too), then size each variant's rounds to about cfg.roundMs.
for (const end = performance.now() + cfg.warmupMs; performance.now() < end;)
  for (const v of timed) v.rate = round(v, 20).wallRate;
// Sized by the wall clock: the main thread's CPU time is only read to a scheduler tick (a few ms),
// too coarse for the short warm-up rounds, fine for rounds of a few hundred ms.
for (const v of timed) v.n = Math.max(1, Math.round((v.rate * cfg.roundMs) / 1000));

for (let i = 0; i < cfg.rounds; i++)
  for (const v of timed) {
    const r = round(v, v.n);
    v.rates.push(r.rate);
    v.wallRates.push(r.wallRate);
  }
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
const slowdown = (a, b, key = 'rates') => {
  const rs = a[key].map((r, i) => b[key][i] / r);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
};

const by = Object.fromEntries(variants.map((v) => [v.key, v]));
const events = EVENTS.length;
const cpus = os.cpus();
console.log(
  `Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), ` +
    `${quick ? 'quick' : 'full'} run: ${cfg.rounds} interleaved rounds of ~${cfg.roundMs} ms ` +
    `per variant after ${cfg.warmupMs} ms warm-up`,
);
console.log(`Journey: depression fixture, start + ${events} events: ${PATH.join(' → ')}\n`);
table(
  ['variant', 'journeys/s', 'min', 'max', 'events/s', 'µs/journey', 'µs/event', 'wall j/s'],
  timed.map((v) => {
    const m = median(v.rates);
    return [
      v.name,
      int(m),
      int(Math.min(...v.rates)),
      int(Math.max(...v.rates)),
      int(m * events),
      fix(1e6 / m, 1),
      fix(1e6 / m / events, 1),
      int(median(v.wallRates)),
    ];
  }),
);
const RATIOS = [
  ['A/C', 'engine / raw XState, same shape and path (headline)'],
  ['A/D', 'engine / hand-written clinical equivalent'],
  ['D/C', 'the clinical work itself: hand-written clinical / raw XState'],
  ['A/B', 'engine / raw XState via convenience transition() (not like-for-like)'],
  ['B/C', "transition()'s per-call actor set-up: B / C"],
].filter(([r]) => [...r.replace('/', '')].every((k) => by[k].rates.length));
console.log('');
table(
  ['ratio (CPU time per journey, paired rounds)', 'median', 'min', 'max', 'wall median'],
  RATIOS.map(([r, label]) => {
    const [a, b] = r.split('/');
    const x = slowdown(by[a], by[b]);
    const w = slowdown(by[a], by[b], 'wallRates');
    return [
      `${r}  ${label}`,
      `${fix(x.median)}×`,
      `${fix(x.min)}×`,
      `${fix(x.max)}×`,
      `${fix(w.median)}×`,
    ];
  }),
);
if (by.A.rates.length && by.C.rates.length) {
  const h = slowdown(by.A, by.C);
  console.log(
    `\nHeadline: the engine is ${fix(h.median)}× raw XState of the same shape on the same ` +
      `execution path (A/C, median of ${cfg.rounds} paired rounds; min ${fix(h.min)}×, max ` +
      `${fix(h.max)}×). Target ≤ ${TARGET}×: ${h.median <= TARGET ? 'met' : 'NOT met'}.\n`,
  );
}
table(
  ['compiling (once per definition)', 'first ms', 'median ms'],
  compileTimes.map(([name, t]) => [name, fix(t.first), fix(t.median, 3)]),
);
console.log(
  `\njourneys/s per CPU second of the ${threadCpu ? 'main thread' : 'process'} (min/max over ` +
    `rounds); wall j/s per wall-clock second.\nevents/s = journeys/s × ${events} (step() calls); ` +
    `a journey's time includes its start().`,
);
