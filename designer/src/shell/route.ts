import { useSyncExternalStore } from 'react';
import { createGate, type LeaveGuard, type NavigationGate } from './gate.js';

/** Hash routes (#/pathways/cocm-depression): bookmarkable, no server routing needed. */
export type Route =
  | { page: 'pathways' }
  | { page: 'editor'; id: string }
  | { page: 'worklist' }
  | { page: 'registry' }
  | { page: 'patients' }
  | { page: 'patient'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'pathways' && parts[1]) return { page: 'editor', id: parts[1] };
  if (parts[0] === 'worklist') return { page: 'worklist' };
  if (parts[0] === 'registry') return { page: 'registry' };
  if (parts[0] === 'patients' && parts[1]) return { page: 'patient', id: parts[1] };
  if (parts[0] === 'patients') return { page: 'patients' };
  return { page: 'pathways' };
}

/**
 * Where a role lands when the address names no page: clinicians work from the worklist; everyone
 * else (designing, publishing, administering, viewing) from the pathways.
 */
export const homeFor = (role: string): Route =>
  role === 'clinician' ? { page: 'worklist' } : { page: 'pathways' };

/** The address names no page (the app was opened at its root). */
export const isRootHash = (hash: string): boolean => hash.replace(/^#\/?/, '') === '';

export const href = (r: Route): string => {
  switch (r.page) {
    case 'editor':
      return `#/pathways/${encodeURIComponent(r.id)}`;
    case 'patient':
      return `#/patients/${encodeURIComponent(r.id)}`;
    default:
      return `#/${r.page}`;
  }
};

// One gate for the tab, made on first use (the module is also imported where there is no window).
let gate: NavigationGate | null = null;
const listeners = new Set<() => void>();
function theGate(): NavigationGate {
  if (gate) return gate;
  const g = createGate(window.location.hash, {
    restore: (h) =>
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${window.location.search}${h}`,
      ),
    go: (h) => {
      window.location.hash = h;
    },
    changed: () => listeners.forEach((l) => l()),
  });
  window.addEventListener('hashchange', () => g.arrive(window.location.hash));
  return (gate = g);
}

const subscribe = (cb: () => void) => {
  theGate();
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
};

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => theGate().shown));
}

/** While installed, leaving the page (a link, back, sign out) asks `guard` first. */
export const holdLeaving = (guard: LeaveGuard): (() => void) => theGate().hold(guard);

/** Runs `action` (e.g. signing out), asking the page's guard first if there is one. */
export const leaveThen = (action: () => void): void => theGate().leave(action);
