/**
 * Events built from what the user entered, shared by the patient page and the simulator. Only what
 * a form can get wrong is checked here (a blank reason, minutes that are not a whole number);
 * everything else is the engine's to refuse, with its own reason.
 */
import type { InstrumentId } from '@care-pathways/engine';
import { answersFrom, missingItems, type FormValues } from './instrumentForm.js';

export type Built = { ok: true; event: Record<string, unknown> } | { ok: false; message: string };

const fail = (message: string): Built => ({ ok: false, message });

export function instrumentEvent(id: InstrumentId, values: FormValues): Built {
  const missing = missingItems(id, values);
  if (missing.length)
    return fail(`Answer every required item first (${missing.length} still unanswered).`);
  return {
    ok: true,
    event: { type: 'instrument.completed', instrument: id, answers: answersFrom(id, values) },
  };
}

/** Lower-case words joined by hyphens: the engine's format for an outcome. */
const OUTCOME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * What completing a task adds: its outcome and note. `outcomes` are those the task's node lists;
 * `null` when the pathway could not be loaded, so any well-formed outcome (or none) is allowed.
 */
export function taskCompletion(
  outcomes: readonly string[] | null,
  outcome: string,
  note = '',
): Built {
  const o = outcome.trim();
  if (outcomes?.length && !o) return fail('Choose an outcome.');
  if (o && !OUTCOME.test(o))
    return fail('The outcome must be lower-case words joined by hyphens, e.g. "done".');
  return {
    ok: true,
    event: { ...(o ? { outcome: o } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
  };
}

export function taskEvent(task: string, outcome: string, note = ''): Built {
  return {
    ok: true,
    event: {
      type: 'task.completed',
      task,
      ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    },
  };
}

export function referralEvent(referral: string, status: string): Built {
  return { ok: true, event: { type: 'referral.updated', referral, status } };
}

export function contactEvent(role: string, minutes: string, note = ''): Built {
  if (!role) return fail('Choose who made the contact.');
  const n = Number(minutes);
  if (!minutes.trim() || !Number.isInteger(n) || n < 1 || n > 600)
    return fail('Minutes must be a whole number from 1 to 600.');
  return {
    ok: true,
    event: {
      type: 'contact.logged',
      role,
      minutes: n,
      ...(note.trim() ? { note: note.trim() } : {}),
    },
  };
}

export function overrideEvent(to: string, reason: string): Built {
  if (!to) return fail('Choose the node to move the patient to.');
  if (!reason.trim()) return fail('Give the clinical reason for the override (it is audited).');
  return { ok: true, event: { type: 'override', to, reason: reason.trim() } };
}

export function dischargeEvent(reason: string): Built {
  if (!reason.trim()) return fail('Give the reason for discharge.');
  return { ok: true, event: { type: 'discharge', reason: reason.trim() } };
}
