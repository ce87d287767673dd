import { useSyncExternalStore } from 'react';

/** Hash routes (#/pathways/cocm-depression): bookmarkable, no server routing needed. */
export type Route =
  | { page: 'pathways' }
  | { page: 'editor'; id: string }
  | { page: 'worklist' }
  | { page: 'patients' }
  | { page: 'patient'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'pathways' && parts[1]) return { page: 'editor', id: parts[1] };
  if (parts[0] === 'worklist') return { page: 'worklist' };
  if (parts[0] === 'patients' && parts[1]) return { page: 'patient', id: parts[1] };
  if (parts[0] === 'patients') return { page: 'patients' };
  return { page: 'pathways' };
}

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

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}
