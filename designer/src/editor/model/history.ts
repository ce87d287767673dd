import type { EditorDoc } from './doc.js';
import { applyChange, coalesceKey, describeChange, type Change } from './edits.js';

/**
 * Undo/redo over whole documents (structure is shared, so a step costs only what changed).
 * Pure: the caller passes the time so that typing in one field within a second is one step.
 */
export interface Step {
  doc: EditorDoc;
  label: string;
  key: string | null;
  at: number;
}
export interface History {
  past: readonly Step[];
  present: EditorDoc;
  future: readonly Step[];
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export const initHistory = (doc: EditorDoc): History => ({ past: [], present: doc, future: [] });

export function commit(h: History, change: Change, at = 0): History {
  const next = applyChange(h.present, change);
  if (next === h.present) return h;
  const key = coalesceKey(change);
  const last = h.past[h.past.length - 1];
  if (key && last && last.key === key && at - last.at < COALESCE_MS && !h.future.length) {
    return { past: [...h.past.slice(0, -1), { ...last, at }], present: next, future: [] };
  }
  const step: Step = { doc: h.present, label: describeChange(change), key, at };
  return { past: [...h.past, step].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo(h: History): History {
  const last = h.past[h.past.length - 1];
  if (!last) return h;
  return {
    past: h.past.slice(0, -1),
    present: last.doc,
    future: [{ ...last, doc: h.present, key: null }, ...h.future],
  };
}

export function redo(h: History): History {
  const [next, ...future] = h.future;
  if (!next) return h;
  return { past: [...h.past, { ...next, doc: h.present }], present: next.doc, future };
}

export const undoLabel = (h: History) => h.past[h.past.length - 1]?.label ?? null;
export const redoLabel = (h: History) => h.future[0]?.label ?? null;

export type HistoryAction =
  | { type: 'commit'; change: Change; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; doc: EditorDoc };

/** The reducer every edit goes through. */
export function historyReducer(h: History, a: HistoryAction): History {
  switch (a.type) {
    case 'commit':
      return commit(h, a.change, a.at);
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
    case 'reset':
      return initHistory(a.doc);
  }
}
