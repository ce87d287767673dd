import { useEffect, useState } from 'react';
import { holdLeaving } from '../shell/route.js';

/**
 * While there is unsaved work: the browser asks before a reload or closing the tab
 * (beforeunload), and leaving within the app (links, back, sign out) is held for the page to ask
 * Save / Discard / Stay. Returns the held way on, or null when nothing is waiting.
 */
export function useLeaveGuard(unsaved: boolean): {
  proceed: (() => void) | null;
  stay(): void;
} {
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (!unsaved) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    const release = holdLeaving((go) => setProceed(() => go));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      release();
    };
  }, [unsaved]);
  return { proceed, stay: () => setProceed(null) };
}
