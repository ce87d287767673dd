/**
 * Errors as data. Every problem the engine reports (validation, bad answers, rejected events)
 * has a stable `code`, a JSON path to the field at fault (`$` is the document root, e.g.
 * `$.nodes[3].instrument`), and a message a clinical lead can act on.
 */
export interface Problem {
  code: string;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems });

export function error(code: string, path: string, message: string): Problem {
  return { code, path, message, severity: 'error' };
}

export function warning(code: string, path: string, message: string): Problem {
  return { code, path, message, severity: 'warning' };
}

/** Appends a property or index to a JSON path: `at('$.nodes', 3)` → `$.nodes[3]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
