import { instruments } from '@care-pathways/engine';
import type { Def } from './doc.js';
import type { Change } from './edits.js';

/**
 * Changing a node's instrument: the new one joins the pathway's `instruments`; the old one
 * leaves when nothing else uses it (no other node, not the outcome measure, no tailored
 * threshold), so no "instrument.unused" warning is left behind, and no threshold is left
 * pointing at an instrument the pathway no longer lists.
 */
export function switchInstrument(def: Def, nodeId: string, from: string, to: string): Change {
  const title =
    (instruments as Record<string, { shortTitle: string } | undefined>)[to]?.shortTitle ?? to;
  const stillUsed =
    def.measure?.instrument === from ||
    (def.scoring as Record<string, unknown> | undefined)?.[from] !== undefined ||
    def.nodes.some((n) => n.id !== nodeId && (n as { instrument?: string }).instrument === from);
  let list: string[] = [...def.instruments];
  if (from && !stillUsed) list = list.filter((i) => i !== from);
  if (!list.includes(to)) list.push(to);
  const changes: Change[] = [{ type: 'node.update', id: nodeId, patch: { instrument: to } }];
  if (list.join() !== def.instruments.join())
    changes.unshift({ type: 'pathway.update', patch: { instruments: list } });
  return changes.length === 1 ? changes[0]! : { type: 'batch', label: `use ${title}`, changes };
}
