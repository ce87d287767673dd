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

/** The id a new node of `kind` starts with before it has a title: `new-task`, `end`. */
export const placeholderBase = (kind: string): string => (kind === 'end' ? 'end' : `new-${kind}`);

/** Whether `id` is still the placeholder a palette node was given (`new-task`, `new-task-2`, `end-3`). */
export function isPlaceholderId(id: string, kind: string): boolean {
  const base = placeholderBase(kind);
  return id === base || new RegExp(`^${base}-\\d+$`).test(id);
}

/**
 * The id a node should take from its newly set title, or null to keep its id: only a node whose
 * id is still the placeholder is renamed (an id someone chose stays), and never to an id that
 * another node has. The rename rewrites every reference (see `node.update` in edits.ts).
 */
export function idFromTitle(
  node: { id: string; kind: string },
  title: string,
  taken: ReadonlySet<string>,
): string | null {
  if (!isPlaceholderId(node.id, node.kind) || !title.trim()) return null;
  const base = slugify(title, '');
  if (!base) return null;
  const others = new Set([...taken].filter((x) => x !== node.id));
  const next = uniqueId(base, others);
  return next === node.id ? null : next;
}
