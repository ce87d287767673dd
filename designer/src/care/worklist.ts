/** Worklist order and the remembered role filter. */
import type { WorkTask } from './api.js';

const RANK: Record<string, number> = { emergent: 0, urgent: 1, routine: 2 };

/** Emergent, then urgent, then routine; within each, the earliest due first (no due date last). */
export function sortWorklist<T extends Pick<WorkTask, 'priority' | 'due' | 'createdAt'>>(
  tasks: readonly T[],
): T[] {
  return [...tasks].sort(
    (a, b) =>
      (RANK[a.priority] ?? 9) - (RANK[b.priority] ?? 9) ||
      (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
      (a.due !== null && b.due !== null ? Date.parse(a.due) - Date.parse(b.due) : 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** Roles to filter by: the built-in ones, then any other role found on a task. */
export function roleChoices(
  builtIn: readonly string[],
  tasks: readonly { role: string }[],
): string[] {
  const extra = [...new Set(tasks.map((t) => t.role))].filter((r) => !builtIn.includes(r)).sort();
  return [...builtIn, ...extra];
}

export const ROLE_KEY = 'care-pathways.worklist.role';

/** The remembered role ('' = all roles); storage may be unavailable (private mode). */
export function rememberedRole(storage: Pick<Storage, 'getItem'> | undefined): string {
  try {
    return storage?.getItem(ROLE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberRole(storage: Pick<Storage, 'setItem'> | undefined, role: string): void {
  try {
    storage?.setItem(ROLE_KEY, role);
  } catch {
    // Not remembering is harmless.
  }
}

/** "3 open tasks for care managers, 1 overdue." */
export function worklistSummary(tasks: readonly { overdue: boolean }[], who: string): string {
  const overdue = tasks.filter((t) => t.overdue).length;
  const n = tasks.length;
  return `${n} open task${n === 1 ? '' : 's'} for ${who}${overdue ? `, ${overdue} overdue` : ''}.`;
}
