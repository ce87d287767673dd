import type { Deps } from './domain/deps.js';
import { fireDueTimers } from './domain/instances.js';

/**
 * Fires due timers every `intervalMs`. Timers overdue at start-up fire first, in due order. Errors
 * are logged and retried on the next tick (a conflicting instance update just means "later").
 */
export function startScheduler(deps: Deps, intervalMs = 1000) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const fired = await fireDueTimers(deps);
      if (fired) deps.log.info('timers fired', { count: fired });
    } catch (e) {
      deps.log.warn('timer tick failed; will retry', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();
  return {
    /** Stops after the tick in progress has finished. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    tick,
  };
}
