import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePathway } from '@care-pathways/engine';
import type { LibraryEntry } from './domain/deps.js';
import type { Logger } from './log.js';

/** The repository's pathways/ folder (or PATHWAYS_LIBRARY). */
export const defaultLibraryDir = () =>
  process.env.PATHWAYS_LIBRARY ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../pathways');

/** Loads every valid library pathway; an invalid one is logged and skipped, never served. */
export function loadLibrary(dir: string, log: Logger): LibraryEntry[] {
  if (!existsSync(dir)) return [];
  const out: LibraryEntry[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, d.name, 'pathway.json');
    if (!d.isDirectory() || !existsSync(file)) continue;
    const v = validatePathway(JSON.parse(readFileSync(file, 'utf8')));
    if (!v.definition) {
      log.warn('library pathway skipped: invalid', { pathway: d.name, errors: v.errors.length });
      continue;
    }
    out.push({ id: v.definition.id, title: v.definition.title, definition: v.definition });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
