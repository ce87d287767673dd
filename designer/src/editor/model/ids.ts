/** Node ids are slugs: lower-case words joined by hyphens (the schema's rule). */
export const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** "PHQ-9 review (week 10)" → "phq-9-review-week-10"; never empty. */
export function slugify(text: string, fallback = 'node'): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[0-9-]+/, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is free. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
