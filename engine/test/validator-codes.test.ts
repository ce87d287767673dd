import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = (dir: string) => fileURLToPath(new URL(`../src/${dir}/`, import.meta.url));
const authoring = readFileSync(
  fileURLToPath(new URL('../../docs/authoring.md', import.meta.url)),
  'utf8',
);

/** Every code the validator can report, read from its source: `error('code', …)`, `warning(…)`. */
function validatorCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of ['validate', 'definition'])
    for (const f of readdirSync(src(dir)).filter((n) => n.endsWith('.ts') && !n.includes('.test.')))
      for (const m of readFileSync(`${src(dir)}${f}`, 'utf8').matchAll(
        /\b(?:error|warning)\(\s*'([a-z0-9.-]+)'/g,
      ))
        codes.add(m[1]!);
  return [...codes].sort();
}

describe('validator codes', () => {
  it('documents every code the validator reports in docs/authoring.md', () => {
    const codes = validatorCodes();
    expect(codes).toContain('monitor.otherwise-ends');
    const documented = (c: string) =>
      authoring.includes(`\`${c}\``) ||
      (c.startsWith('schema.') && authoring.includes('`schema.*`'));
    expect(codes.filter((c) => !documented(c))).toEqual([]);
  });
});
