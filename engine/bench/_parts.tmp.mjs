import { readFileSync } from 'node:fs';
import { createActor, transition } from 'xstate';
import { start, step, validatePathway, factsOf, holds, deriveFlags } from '../dist/index.js';
import { pathwayEventSchema } from '../dist/runtime/events.js';
import { accept } from '../dist/runtime/accept.js';
import { machineOf, EXITED } from '../dist/runtime/machine.js';
import { EVENTS, START } from './journeys.js';
const def = validatePathway(JSON.parse(readFileSync(new URL('../test/fixtures/depression.json', import.meta.url), 'utf8'))).definition;
const em = machineOf(def);
const self = createActor(em);
const scope = { self, defer() {}, id: '', logger() {}, sessionId: '', stopChild() {}, system: self.system, emit() {}, actionExecutor() {} };
// record the journey's inputs
const pairs = [];
let r = start(def, START);
for (const e of EVENTS) { pairs.push([r.snapshot, e]); r = step(def, r.snapshot, e, e.at); }
const prepared = pairs.map(([s, e]) => {
  const timed = { ...pathwayEventSchema.parse(e), at: new Date(e.at).toISOString() };
  const v = accept(def, s, timed);
  const current = em.resolveState({ value: s.node, context: { state: s, effects: [], trace: [], cause: timed.type } });
  return { s, e, timed, ev: v.score ? { ...timed, score: v.score } : timed, current };
});
const rules = def.transitions.filter((t) => t.when).map((t) => t.when);
const parts = {
  'step() x9 (whole)': () => { for (const p of prepared) step(def, p.s, p.e, p.e.at); },
  'start()': () => start(def, START),
  'zod pathwayEventSchema.safeParse x9': () => { for (const p of prepared) pathwayEventSchema.safeParse(p.e); },
  'isoOk + toISOString x9': () => { for (const p of prepared) { const a = p.e.at; !Number.isNaN(Date.parse(a)) && /\d{4}-\d{2}-\d{2}T/.test(a); new Date(a).toISOString(); } },
  'accept() x9 (incl. scoring)': () => { for (const p of prepared) accept(def, p.s, p.timed); },
  'machine.resolveState x9': () => { for (const p of prepared) em.resolveState({ value: p.s.node, context: { state: p.s, effects: [], trace: [], cause: p.timed.type } }); },
  'xstate transition() x9': () => { for (const p of prepared) transition(em, p.current, p.ev); },
  'machine.transition(reused scope) x9': () => { for (const p of prepared) em.transition(p.current, p.ev, scope); },
  'createActor(engine machine) x9': () => { for (let i = 0; i < 9; i++) createActor(em); },
  'factsOf uncached x9': () => { for (const p of prepared) factsOf(def, { ...p.s }); },
  'deriveFlags x9': () => { for (const p of prepared) deriveFlags(def, p.s); },
  'holds(each rule) on facts x9': () => { for (const p of prepared) { const f = factsOf(def, p.s); for (const l of rules) holds(l, f); } },
};
const res = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
for (let round = 0; round < 15; round++) for (const [k, f] of Object.entries(parts)) { const n = 200; const t = performance.now(); for (let i = 0; i < n; i++) f(); res[k].push((performance.now() - t) / n * 1000); }
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
for (const [k, xs] of Object.entries(res)) console.log(k.padEnd(40), med(xs.slice(3)).toFixed(1).padStart(8), 'µs per journey');
