/**
 * Events, effects and trace lines in words, for the simulation log and the patient timeline.
 * Pure: node titles come from the pathway definition when there is one.
 */
import {
  instruments,
  isInstrumentId,
  scoreInstrument,
  type Effect,
  type PathwayDefinition,
  type TraceEntry,
} from '@care-pathways/engine';
import { bandLabel, scoreOptionsFor } from './instrumentForm.js';
import { formatDateTime, humanize, instrumentName, roleTitle, type DateOptions } from './format.js';
import { nodeTitle } from '../editor/model/kinds.js';

export interface DescribeContext {
  def?: Pick<PathwayDefinition, 'nodes' | 'roles'> | null;
  dates?: DateOptions;
  /** The patient's sex, for sex-specific scoring (AUDIT-C). */
  sex?: string | null;
}

/** The engine's state for a discharged instance. */
export const EXITED_NODE = '_exited';

/** A node's title, or its id in words. */
export function nodeLabel(id: string, ctx: DescribeContext = {}): string {
  if (id === EXITED_NODE) return 'Discharged';
  const node = ctx.def?.nodes.find((n) => n.id === id);
  // An untitled node is named as the canvas names it ("Administer PHQ-9"), not by its id.
  return node ? nodeTitle(node) : humanize(id);
}

export type Tone = 'emergent' | 'urgent' | 'info' | 'muted';
export interface Described {
  title: string;
  detail?: string;
  tone: Tone;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A score in words: "14 — Moderate", or the risk level for C-SSRS and ASQ. */
export function scoreWords(
  instrument: string,
  answers: unknown,
  sex?: string | null,
): string | null {
  if (!isInstrumentId(instrument) || !Array.isArray(answers)) return null;
  const r = scoreInstrument(
    instrument,
    answers as (number | null)[],
    scoreOptionsFor(null, {}, sex, instrument),
  );
  if (!r.ok) return null;
  const s = r.value;
  if (s.total === null) return `risk ${s.risk ?? s.band}`;
  return `${s.total} — ${bandLabel(instrument, s.band)}`;
}

/** One event as a heading and a detail line. */
export function describeEvent(e: Record<string, unknown>, ctx: DescribeContext = {}): Described {
  switch (e.type) {
    case 'start':
    case 'instance.started': {
      const p = (e.patient ?? {}) as { age?: number; sex?: string };
      const who = [p.age !== undefined ? `age ${p.age}` : null, p.sex ?? null]
        .filter(Boolean)
        .join(', ');
      return {
        title: 'Pathway started',
        ...(who ? { detail: `Patient ${who}` } : {}),
        tone: 'info',
      };
    }
    case 'instrument.completed': {
      const name = instrumentName(str(e.instrument));
      const score = scoreWords(str(e.instrument), e.answers, ctx.sex);
      return {
        title: `${name} recorded${score ? `: ${score}` : ''}`,
        detail: `Answers ${Array.isArray(e.answers) ? e.answers.map((a) => (a === null ? '–' : String(a))).join(' ') : ''}`,
        tone: 'info',
      };
    }
    case 'task.completed':
      return {
        title: `Task completed: ${nodeLabel(str(e.task), ctx)}`,
        ...(e.outcome || e.note
          ? {
              detail: [e.outcome ? `Outcome: ${humanize(str(e.outcome))}` : '', str(e.note)]
                .filter(Boolean)
                .join(' · '),
            }
          : {}),
        tone: 'info',
      };
    case 'referral.updated':
      return {
        title: `Referral ${humanize(str(e.status)).toLowerCase()}: ${nodeLabel(str(e.referral), ctx)}`,
        tone: 'info',
      };
    case 'timer.fired':
      return {
        title: `Timer came due: ${nodeLabel(str(e.timer).split(/[.#]/)[0] ?? '', ctx)}`,
        tone: 'muted',
      };
    case 'contact.logged':
      return {
        title: `Contact logged: ${roleTitle(str(e.role), ctx.def?.roles ?? [])}, ${String(e.minutes)} min`,
        ...(e.note ? { detail: str(e.note) } : {}),
        tone: 'info',
      };
    case 'override':
      return {
        title: `Override to ${nodeLabel(str(e.to), ctx)}`,
        detail: `Reason: ${str(e.reason)}`,
        tone: 'urgent',
      };
    case 'discharge':
      return { title: 'Discharged', detail: `Reason: ${str(e.reason)}`, tone: 'urgent' };
    default:
      return { title: humanize(str(e.type) || 'event'), tone: 'info' };
  }
}

/** One effect in words; alerts carry their urgency so they can be highlighted. */
export function describeEffect(e: Effect, ctx: DescribeContext = {}): Described {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, ctx.dates) : null);
  switch (e.kind) {
    case 'task':
      if (e.action === 'create') {
        const due = when(e.due);
        return {
          title: `Task opened: ${e.title}`,
          detail: [
            roleTitle(e.role, ctx.def?.roles ?? []),
            `${e.priority}`,
            due ? `due ${due}` : 'no due date',
          ].join(' · '),
          tone: e.priority === 'routine' ? 'info' : e.priority,
        };
      }
      return {
        title: `Task ${e.action === 'complete' ? 'completed' : 'cancelled'}: ${nodeLabel(e.node, ctx)}`,
        tone: 'muted',
      };
    case 'referral':
      if (e.action === 'create') {
        const due = when(e.due);
        return {
          title: `Referral to ${e.service}`,
          detail: [
            `${e.urgency}`,
            roleTitle(e.role, ctx.def?.roles ?? []),
            due ? `due ${due}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
          tone: e.urgency === 'routine' ? 'info' : e.urgency,
        };
      }
      return {
        title: `Referral ${e.action === 'cancel' ? 'cancelled' : (e.status ?? 'updated')}: ${nodeLabel(e.node, ctx)}`,
        tone: 'muted',
      };
    case 'timer':
      return e.action === 'schedule'
        ? {
            title: `Timer set: ${nodeLabel(e.node, ctx)}`,
            detail: `due ${when(e.dueAt)}`,
            tone: 'muted',
          }
        : { title: `Timer cancelled: ${nodeLabel(e.node, ctx)}`, tone: 'muted' };
    case 'alert': {
      const inst = isInstrumentId(e.instrument)
        ? instruments[e.instrument].shortTitle
        : e.instrument;
      return {
        title: `${e.priority === 'emergent' ? 'EMERGENT' : 'URGENT'} alert for ${roleTitle(e.role, ctx.def?.roles ?? [])}: ${e.message}`,
        detail: `${inst} critical item${e.items.length === 1 ? '' : 's'} ${e.items.join(', ')}${e.risk ? ` · risk ${e.risk}` : ''}`,
        tone: e.priority,
      };
    }
    case 'outcome':
      return {
        title: `Outcome: ${humanize(e.outcome)}`,
        detail: `${e.status === 'completed' ? 'Completed' : 'Exited'}${e.node ? ` at ${nodeLabel(e.node, ctx)}` : ''}${e.reason ? ` · ${e.reason}` : ''}`,
        tone: 'info',
      };
  }
}

/**
 * A trace line: "Screen → Assess, because PHQ-2 ≥ threshold", or a recorded stay. The engine's
 * bare "next" (an unconditional way out) and "otherwise" become what happened.
 */
export function describeTrace(t: TraceEntry, ctx: DescribeContext = {}): string {
  if (t.why === 'recorded') return `Stayed at ${nodeLabel(t.to, ctx)} (recorded)`;
  const move = `${nodeLabel(t.from, ctx)} → ${nodeLabel(t.to, ctx)}`;
  if (t.why === 'otherwise') return `${move}: otherwise branch, no other condition held`;
  if (t.why === 'next') return `${move}: ${movedOn(t.from, ctx)}`;
  return `${move}, because ${t.why}`;
}

/** Why an unconditional transition was taken, from the kind of node it leaves. */
function movedOn(id: string, ctx: DescribeContext): string {
  const name = nodeLabel(id, ctx);
  switch (ctx.def?.nodes.find((n) => n.id === id)?.kind) {
    case 'task':
      return `moved on after ${name} was completed`;
    case 'screen':
    case 'assess':
      return `moved on after ${name} was recorded`;
    case 'wait':
      return `moved on when ${name} ended`;
    case 'refer':
      return `moved on when the referral (${name}) closed`;
    case 'monitor':
      return `moved on at the follow-up of ${name}`;
    default:
      return `moved on from ${name}, its only way out`;
  }
}

/** "The patient is now at Acute follow-up." after an action, or how the pathway ended. */
export function whereNow(
  r: { status: string; active: readonly string[]; outcome: string | null },
  def: DescribeContext['def'],
): string {
  if (r.status === 'completed')
    return `The pathway has completed${r.outcome ? ` (${humanize(r.outcome)})` : ''}.`;
  if (r.status === 'exited') return 'The patient has been discharged from the pathway.';
  return `The patient is now at ${r.active.map((n) => nodeLabel(n, { def })).join(', ')}.`;
}
