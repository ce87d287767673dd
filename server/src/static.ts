import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AuthEnv } from './http/auth.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const defaultDesignerDir = () =>
  process.env.DESIGNER_DIST ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../designer/dist');

/** Serves the built designer from the same origin as the API (no CORS, one URL to open). */
export function serveDesigner(app: Hono<AuthEnv>, dir: string): boolean {
  if (!existsSync(join(dir, 'index.html'))) return false;
  const root = resolve(dir);
  app.get('/*', (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return c.notFound();
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    return c.body(readFileSync(file), 200, { 'content-type': type, 'cache-control': cache });
  });
  return true;
}
