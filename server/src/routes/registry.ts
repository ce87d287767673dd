import { Hono } from 'hono';
import { requirePermission } from '../http/auth.js';
import type { Deps } from '../domain/deps.js';
import * as registry from '../domain/registry.js';
import { query, type Env } from './context.js';

/** The caseload registry and the patient traffic of a pathway version (read-only). */
export function registryRoutes(deps: Deps) {
  const r = new Hono<Env>();
  const db = () => deps.handle.db;

  r.get('/registry', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(
      await registry.registry(db(), deps, c.var.principal, query(c, registry.registryQuery)),
    );
  });
  r.get('/pathways/:id/traffic', async (c) => {
    requirePermission(c.var.principal, 'read');
    const q = query(c, registry.trafficQuery);
    return c.json(
      await registry.traffic(db(), c.var.principal, c.req.param('id'), Number(q.version)),
    );
  });
  return r;
}
