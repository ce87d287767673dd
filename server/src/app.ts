import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import { authenticate, type AuthEnv } from './http/auth.js';
import { ApiError, toResponse } from './http/errors.js';
import type { Deps } from './domain/deps.js';
import { adminRoutes } from './routes/admin.js';
import { careRoutes } from './routes/care.js';
import { docsRoutes } from './routes/docs.js';
import { pathwayRoutes } from './routes/pathways.js';
import { registryRoutes } from './routes/registry.js';
import { serveDesigner } from './static.js';

export interface AppOptions {
  adminToken?: string;
  /** The built designer to serve at `/` (same origin as the API). */
  designerDir?: string;
  /** Largest accepted body (default 1 MiB). */
  maxBodyBytes?: number;
}

/** The HTTP API. Built fresh per test: no globals, everything through `deps`. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono<AuthEnv>();
  app.onError((err, c) =>
    toResponse(c, err, (e) =>
      deps.log.error('unhandled error', {
        path: c.req.routePath,
        error: e instanceof Error ? e.stack : String(e),
      }),
    ),
  );
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'route.not-found',
          message: `no route ${c.req.method} ${new URL(c.req.url).pathname}`,
        },
      },
      404,
    ),
  );

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Route pattern, not the URL: no ids or references of patients in the logs.
    deps.log.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: () => {
        throw new ApiError(
          413,
          'request.too-large',
          `the body is larger than ${options.maxBodyBytes ?? 1024 * 1024} bytes`,
        );
      },
    }),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(deps.handle.db);
      return c.json({ status: 'ready', database: deps.handle.dialect });
    } catch {
      return c.json({ status: 'unavailable', database: deps.handle.dialect }, 503);
    }
  });

  // Public: the OpenAPI document and the reference page (before the authenticated /api).
  app.route('/api', docsRoutes());
  app.route('/api/admin', adminRoutes(deps, options.adminToken));
  const api = new Hono<AuthEnv>();
  api.use('*', authenticate(deps.handle));
  api.get('/me', (c) => c.json(c.var.principal));
  api.route('/', pathwayRoutes(deps));
  api.route('/', careRoutes(deps));
  api.route('/', registryRoutes(deps));
  app.route('/api', api);
  if (options.designerDir) serveDesigner(app, options.designerDir);
  return app;
}
