import { readFileSync } from 'node:fs';
import { createActor, initialTransition, transition } from 'xstate';
import { start, step, validatePathway } from '../dist/index.js';
import { pathwayEventSchema } from '../dist/runtime/events.js';
import { accept } from '../dist/runtime/accept.js';
import { machineOf, EXITED } from '../dist/runtime/machine.js';
import { buildBaselineMachine } from './baseline-machine.js';
import { EVENTS, START } from './journeys.js';
const def = validatePathway(JSON.parse(readFileSync(new URL('../test/fixtures/depression.json', import.meta.url), 'utf8'))).definition;

function scopeOf(machine) {
  const self = createActor(machine);
  return { self, defer() {}, id: '', logger() {}, sessionId: '', stopChild() {}, system: self.system, emit() {}, actionExecutor() {} };
}
const m = buildBaselineMachine();
import { buildBaselineMachine as tol } from './_baseline-tolerant.tmp.mjs';
const mTol = tol();

const mScope = scopeOf(m);
const em = machineOf(def);
const eScope = scopeOf(em);

const isoOk = (s) => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && /\d{4}-\d{2}-\d{2}T/.test(s);
function stepProto(def, snapshot, event, now, { scope, parse = true }) {
  let data = event;
  if (parse) { const parsed = pathwayEventSchema.safeParse(event); if (!parsed.success) return { ok: false }; data = parsed.data; }
  const at = data.at ?? now;
  if (!isoOk(at)) return { ok: false };
  const timed = { ...data, at: new Date(at).toISOString() };
  const verdict = accept(def, snapshot, timed);
  if (!verdict.ok) return verdict;
  const current = em.resolveState({ value: snapshot.status === 'exited' ? EXITED : snapshot.node, context: { state: snapshot, effects: [], trace: [], cause: timed.type } });
  const ev = verdict.score ? { ...timed, score: verdict.score } : timed;
  const next = scope ? em.transition(current, ev, scope) : transition(em, current, ev)[0];
  return { ok: true, snapshot: next.context.state, effects: next.context.effects };
}

const variants = {
  baseline: () => { let [s] = initialTransition(m, { at: START.at }); for (const e of EVENTS) [s] = transition(m, s, e); return s.value; },
  'baseline, no-throw context': () => { let [s] = initialTransition(mTol, { at: START.at }); for (const e of EVENTS) [s] = transition(mTol, s, e); return s.value; },
  'baseline, reused scope': () => { let s = m.getInitialSnapshot(mScope, { at: START.at }); for (const e of EVENTS) s = m.transition(s, e, mScope); return s.value; },
  engine: () => { let r = start(def, START); for (const e of EVENTS) r = step(def, r.snapshot, e, e.at); return r.snapshot.node; },
  'engine proto (same as step)': () => { let r = start(def, START); for (const e of EVENTS) r = stepProto(def, r.snapshot, e, e.at, {}); return r.snapshot.node; },
  'engine proto, reused scope': () => { let r = start(def, START); for (const e of EVENTS) r = stepProto(def, r.snapshot, e, e.at, { scope: eScope }); return r.snapshot.node; },
  'engine proto, reused scope, no zod': () => { let r = start(def, START); for (const e of EVENTS) r = stepProto(def, r.snapshot, e, e.at, { scope: eScope, parse: false }); return r.snapshot.node; },
};
for (const [k, f] of Object.entries(variants)) if (f() !== 'remitted') throw new Error(k + ' ' + f());
const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < 12; r++) for (const [k, f] of Object.entries(variants)) {
  const n = 100; const t = performance.now(); for (let i = 0; i < n; i++) f(); res[k].push((performance.now() - t) / n * 1000);
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
for (const [k, xs] of Object.entries(res)) console.log(k.padEnd(40), med(xs.slice(2)).toFixed(0).padStart(6), 'µs/journey');
