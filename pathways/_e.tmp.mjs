import { readFileSync } from 'node:fs';
import { explore, validatePathway } from '@care-pathways/engine';
const [file, paramsJson, max] = process.argv.slice(2);
const v = validatePathway(JSON.parse(readFileSync(file, 'utf8')));
if (!v.valid) { console.log(JSON.stringify(v.errors, null, 1)); process.exit(1); }
const params = paramsJson ? JSON.parse(paramsJson) : {};
const t = Date.now();
const c = explore(v.definition, { params, maxStates: max ? Number(max) : 4000 });
console.log(JSON.stringify({ ms: Date.now() - t, states: c.states, transitions: c.transitions, complete: c.complete, unreached: c.nodes.unreached, untaken: c.edges.untaken, outcomes: c.outcomes, nstuck: c.stuck.length, stuck: c.stuck.slice(0,2), ncf: c.cannotFinish.length, cf: c.cannotFinish.slice(0,2) }));
