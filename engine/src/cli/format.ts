import type { Problem } from '../problem.js';

export const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function problemLines(problems: Problem[], indent = '  '): string {
  return problems
    .map((p) => `${indent}${p.severity} ${p.code} at ${p.path}\n${indent}  ${p.message}\n`)
    .join('');
}
