/**
 * Structured logs: one JSON object per line. Never pass patient data (names, external references,
 * answers, free text) to the logger: log ids, codes, counts and timings.
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(l),
  level: 'info' | 'warn' | 'error' | 'silent' = 'info',
): Logger {
  const rank = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const emit =
    (lvl: 'info' | 'warn' | 'error') =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (rank[lvl] < rank[level]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
