import { readFileSync } from 'node:fs';
import { initialTransition, transition } from 'xstate';
import { start, step, validatePathway } from '../dist/index.js';
import { buildBaselineMachine } from './baseline-machine.js';
import { EVENTS, START } from './journeys.js';
const def = validatePathway(
  JSON.parse(readFileSync(new URL('../test/fixtures/depression.json', import.meta.url), 'utf8')),
).definition;
const m = buildBaselineMachine();
const which = process.argv[2];
function eng() {
  let r = start(def, START);
  for (const e of EVENTS) {
    r = step(def, r.snapshot, e, e.at);
    if (!r.ok) throw 1;
  }
  return r;
}
function base() {
  let [s] = initialTransition(m, { at: START.at });
  for (const e of EVENTS) [s] = transition(m, s, e);
  return s;
}
const f = which === 'engine' ? eng : base;
const end = performance.now() + 8000;
let n = 0;
while (performance.now() < end) {
  f();
  n++;
}
console.log(which, n, 'journeys', ((8000 / n) * 1000).toFixed(0), 'µs/journey');
