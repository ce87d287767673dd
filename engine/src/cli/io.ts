import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, type Problem } from '../problem.js';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export type Loaded =
  { ok: true; value: unknown; file: string } | { ok: false; file: string; problems: Problem[] };

/** Reads and parses a JSON file; a missing file or bad JSON is a problem, not a crash. */
export function readJson(file: string, cwd: string): Loaded {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      file,
      problems: [
        error(
          'file.unreadable',
          '$',
          code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code})`,
        ),
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text), file };
  } catch (e) {
    return {
      ok: false,
      file,
      problems: [
        error('file.invalid-json', '$', `${file} is not valid JSON: ${(e as Error).message}`),
      ],
    };
  }
}

/** Library folders to search for `<id>/pathway.json`: $PATHWAYS_LIBRARY, ./pathways up the tree, then the repo's. */
function libraryDirs(cwd: string): string[] {
  const dirs: string[] = [];
  if (process.env.PATHWAYS_LIBRARY) dirs.push(resolve(cwd, process.env.PATHWAYS_LIBRARY));
  for (let d = resolve(cwd); ; d = dirname(d)) {
    dirs.push(join(d, 'pathways'));
    if (dirname(d) === d) break;
  }
  dirs.push(resolve(dirname(fileURLToPath(import.meta.url)), '../../../pathways'));
  return dirs;
}

/** A pathway argument is a file path, or the id of a library pathway (`cocm-depression`). */
export function resolvePathway(arg: string, cwd: string): string {
  if (existsSync(resolve(cwd, arg)) || arg.endsWith('.json') || arg.includes('/')) return arg;
  for (const dir of libraryDirs(cwd)) {
    const file = join(dir, arg, 'pathway.json');
    if (existsSync(file)) return file;
  }
  return arg;
}
