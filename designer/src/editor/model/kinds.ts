import { instruments, nodeSchema, type InstrumentId } from '@care-pathways/engine';
import type { Def, NodeKind, PathwayNode } from './doc.js';
import { placeholderBase, uniqueId } from './ids.js';

/** Plain words for the palette and the inspector. */
export const KIND_INFO: Record<NodeKind, { label: string; blurb: string; glyph: string }> = {
  screen: {
    label: 'Screen',
    blurb: 'Administer a screening questionnaire (e.g. PHQ-2)',
    glyph: '◎',
  },
  assess: {
    label: 'Assess',
    blurb: 'Administer a full measure (e.g. PHQ-9) and score it',
    glyph: '✎',
  },
  decision: {
    label: 'Decision',
    blurb: 'Branch at once on conditions, in order, with an otherwise',
    glyph: '◇',
  },
  task: { label: 'Task', blurb: 'Work for a care-team role, with outcomes', glyph: '☐' },
  refer: {
    label: 'Refer',
    blurb: 'Refer to a service with an urgency; wait for its status',
    glyph: '➚',
  },
  wait: { label: 'Wait', blurb: 'Pause for a length of time (a durable timer)', glyph: '◷' },
  monitor: {
    label: 'Monitor',
    blurb: 'Repeat a measure on a cadence until a condition holds',
    glyph: '↻',
  },
  step: { label: 'Step', blurb: 'Move the patient up or down a stepped-care level', glyph: '⇅' },
  end: { label: 'End', blurb: 'Finish the episode with an outcome', glyph: '■' },
};

/**
 * The fields each kind accepts and those it requires, read from the engine's node schema so the
 * designer never drifts from what the validator takes (used when a node changes kind in place).
 */
const byKind = (
  fields: (shape: Record<string, { safeParse(v: unknown): { success: boolean } }>) => string[],
) =>
  Object.fromEntries(
    nodeSchema.options.map((o) => [o.shape.kind.value, fields(o.shape)]),
  ) as Partial<Record<NodeKind, readonly string[]>> as Record<NodeKind, readonly string[]>;
export const KIND_FIELDS = byKind((shape) => Object.keys(shape));
export const KIND_REQUIRED = byKind((shape) =>
  Object.entries(shape)
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([k]) => k),
);

export const instrumentTitle = (id: string): string =>
  (instruments as Record<string, { shortTitle: string } | undefined>)[id]?.shortTitle ?? id;

const SCREENERS: InstrumentId[] = ['phq2', 'gad2', 'auditc', 'pcptsd5', 'asq'];

function pickInstrument(def: Def, prefer: 'screen' | 'measure'): InstrumentId {
  const listed = def.instruments.filter((i) => i in instruments);
  const screeners = listed.filter((i) => SCREENERS.includes(i));
  const measures = listed.filter((i) => !SCREENERS.includes(i));
  const pick = prefer === 'screen' ? (screeners[0] ?? listed[0]) : (measures[0] ?? listed[0]);
  return pick ?? (prefer === 'screen' ? 'phq2' : 'phq9');
}

/** A new node of a kind with an id not yet used and defaults that already validate. */
export function newNode(kind: NodeKind, def: Def): PathwayNode {
  const id = uniqueId(placeholderBase(kind), new Set(def.nodes.map((n) => n.id)));
  switch (kind) {
    case 'screen':
      return { id, kind, instrument: pickInstrument(def, 'screen') };
    case 'assess':
      return { id, kind, instrument: pickInstrument(def, 'measure') };
    case 'decision':
      return { id, kind, title: 'Decision' };
    case 'task':
      return { id, kind, title: 'New task', role: 'care-manager', priority: 'routine' };
    case 'refer':
      return { id, kind, title: 'Referral', service: 'Behavioral health', urgency: 'routine' };
    case 'wait':
      return { id, kind, title: 'Wait', duration: { days: 7 } };
    case 'monitor':
      return { id, kind, instrument: pickInstrument(def, 'measure'), every: { weeks: 2 } };
    case 'step':
      return { id, kind, direction: 'up' };
    case 'end':
      return { id, kind, outcome: 'completed' };
  }
}

/** What a node shows as its title: its own, else words from its kind and fields. */
export function nodeTitle(n: PathwayNode): string {
  if (n.title) return n.title;
  const r = n as Partial<Record<string, unknown>>;
  switch (n.kind) {
    case 'screen':
    case 'assess':
      return `Administer ${instrumentTitle(String(r.instrument ?? '?'))}`;
    case 'monitor':
      return `Monitor ${instrumentTitle(String(r.instrument ?? '?'))}`;
    case 'refer':
      return `Refer to ${String(r.service ?? '?')}`;
    case 'step':
      return r.direction === 'set'
        ? `Set step ${String(r.level ?? '?')}`
        : `Step ${String(r.direction ?? '?')}`;
    case 'end':
      return `End: ${String(r.outcome ?? '?')}`;
    default:
      return n.id;
  }
}

/** A one-line summary under the title: role, cadence, urgency, outcome. */
export function nodeSummary(n: PathwayNode): string {
  const r = n as Partial<Record<string, unknown>>;
  const dur = (d: unknown) => formatDuration(d);
  const parts: string[] = [];
  switch (n.kind) {
    case 'screen':
    case 'assess':
      if (n.title) parts.push(instrumentTitle(String(r.instrument ?? '?')));
      if (r.role) parts.push(String(r.role));
      if (r.due) parts.push(`due ${dur(r.due)}`);
      break;
    case 'task':
      parts.push(String(r.role ?? 'no role'));
      if (r.priority && r.priority !== 'routine') parts.push(String(r.priority));
      if (r.due) parts.push(`due ${dur(r.due)}`);
      break;
    case 'refer':
      parts.push(String(r.urgency ?? ''));
      if (n.title) parts.push(String(r.service ?? ''));
      break;
    case 'wait':
      parts.push(dur(r.duration));
      break;
    case 'monitor':
      parts.push(`every ${dur(r.every)}`);
      break;
    case 'step':
      if (r.level !== undefined && r.direction !== 'set') parts.push(`to ${String(r.level)}`);
      break;
    case 'end':
      if (n.title) parts.push(String(r.outcome ?? ''));
      break;
  }
  return parts.filter(Boolean).join(' · ');
}

export function formatDuration(d: unknown): string {
  if (!d || typeof d !== 'object') return '—';
  const r = d as Record<string, unknown>;
  if (typeof r.param === 'string') return r.param;
  for (const unit of ['hours', 'days', 'weeks'] as const) {
    const v = r[unit];
    if (typeof v === 'number') return `${v} ${v === 1 ? unit.slice(0, -1) : unit}`;
  }
  return '—';
}
