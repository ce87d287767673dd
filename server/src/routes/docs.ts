import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { ApiError } from '../http/errors.js';
import { openApiJson } from '../openapi.js';

/**
 * Public documentation: the OpenAPI document and an interactive reference (Swagger UI). The UI's
 * files come from the swagger-ui-dist package on this machine, never from a CDN: the reference
 * works offline, and its Content-Security-Policy forbids loading anything from elsewhere.
 */

const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-bundle.js.map': 'application/json',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui.css.map': 'application/json',
  'favicon-16x16.png': 'image/png',
  'favicon-32x32.png': 'image/png',
};

/** Starts Swagger UI (a file, not an inline script, so the CSP can forbid inline scripts). */
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'BaseLayout',
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Care Pathways API reference</title>
    <link rel="icon" type="image/png" sizes="32x32" href="/api/docs/assets/favicon-32x32.png" />
    <link rel="icon" type="image/png" sizes="16x16" href="/api/docs/assets/favicon-16x16.png" />
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/assets/init.js"></script>
  </body>
</html>
`;

/** Only this server; inline styles and data: images are what Swagger UI itself needs. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let uiDir: string | undefined;
/** The swagger-ui-dist folder (resolved on first use, so building the app touches no files). */
const swaggerUiDir = () =>
  (uiDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')));

const files = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const asset = (name: string) => {
  let file = files.get(name);
  if (!file) {
    file = readFile(join(swaggerUiDir(), name)).then((b) => new Uint8Array(b));
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file;
};

export function docsRoutes() {
  const r = new Hono();
  r.get('/openapi.json', (c) => {
    c.header('content-type', 'application/json; charset=utf-8');
    c.header('cache-control', 'no-cache');
    return c.body(openApiJson());
  });
  r.get('/docs', (c) => {
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    return c.html(PAGE);
  });
  r.get('/docs/assets/:file', async (c) => {
    const name = c.req.param('file');
    const type = name === 'init.js' ? 'text/javascript; charset=utf-8' : ASSETS[name];
    if (!type) throw new ApiError(404, 'route.not-found', `no documentation asset "${name}"`);
    c.header('content-type', type);
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(name === 'init.js' ? INIT : await asset(name));
  });
  return r;
}
