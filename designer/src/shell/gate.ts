/**
 * Asked before the app leaves a page that holds unsaved work: it shows its question and calls
 * `proceed` if the user chooses to go on (after saving or discarding), or nothing to stay.
 */
export type LeaveGuard = (proceed: () => void) => void;

/** What the gate does to the browser (the real ones are in route.ts; tests pass fakes). */
export interface GateIO {
  /** Puts the address bar back to `hash` without a navigation (history.replaceState). */
  restore(hash: string): void;
  /** Moves the address bar to `hash` (location.hash). */
  go(hash: string): void;
  /** The shown route changed: re-render. */
  changed(): void;
}

/**
 * Hash routing with a hold: while a page has a guard, a new address (a link, the back button,
 * code) is not shown until the guard lets it through. Framework-free so it is unit-tested.
 */
export interface NavigationGate {
  /** The address the app shows; it stays put while a guard decides. */
  readonly shown: string;
  /** The browser's address changed to `hash`. */
  arrive(hash: string): void;
  /** Runs `action` (e.g. sign out) now, or after the guard lets it through. */
  leave(action: () => void): void;
  /** Installs a guard until the returned function is called. */
  hold(guard: LeaveGuard): () => void;
}

export function createGate(initial: string, io: GateIO): NavigationGate {
  let shown = initial;
  let guard: LeaveGuard | null = null;
  const accept = (hash: string) => {
    shown = hash;
    io.changed();
  };
  return {
    get shown() {
      return shown;
    },
    arrive(hash) {
      if (hash === shown) return;
      if (!guard) return accept(hash);
      io.restore(shown);
      guard(() => {
        // Shown first, so the hashchange that io.go causes finds nothing new to hold.
        accept(hash);
        io.go(hash);
      });
    },
    leave(action) {
      if (guard) guard(action);
      else action();
    },
    hold(g) {
      guard = g;
      return () => {
        if (guard === g) guard = null;
      };
    },
  };
}
