import { explore, validatePathway } from '@care-pathways/engine';
import { readFileSync, readdirSync } from 'node:fs';
const id = process.argv[2];
const dir = `/work/main/pathways/${id}`;
const def = validatePathway(JSON.parse(readFileSync(`${dir}/pathway.json`,'utf8'))).definition;
const sets = [['defaults', {}], ...readdirSync(`${dir}/overlays`).map(f => [f, JSON.parse(readFileSync(`${dir}/overlays/${f}`,'utf8')).params])];
for (const [n, params] of sets) {
  const t = Date.now();
  const c = explore(def, { params, maxStates: Number(process.env.MAX ?? 4000) }); if (process.env.ONLY && n !== process.env.ONLY) continue;
  console.log(n, 'states', c.states, 'complete', c.complete, 'ms', Date.now()-t, 'nodes', c.nodes.reached.length+'/'+c.nodes.total, 'unreached', c.nodes.unreached, 'untaken', c.edges.untaken, 'stuck', c.stuck.length, c.stuck.slice(0,2).map(s=>JSON.stringify(s)), 'cannotFinish', c.cannotFinish.length, c.cannotFinish.slice(0,2).map(s=>JSON.stringify(s)), 'outcomes', c.outcomes.join(','));
}
