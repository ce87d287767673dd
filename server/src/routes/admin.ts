import { Hono } from 'hono';
import { checkAdminToken } from '../http/auth.js';
import { readBody } from '../http/body.js';
import * as admin from '../domain/admin.js';
import type { Deps } from '../domain/deps.js';
import { inTx } from './context.js';

/** Bootstrap: with ADMIN_TOKEN set, create practices and their first keys. */
export function adminRoutes(deps: Deps, adminToken: string | undefined) {
  const r = new Hono();
  r.use('*', async (c, next) => {
    checkAdminToken(adminToken, c.req.header('authorization'));
    await next();
  });
  r.post('/practices', async (c) => {
    const body = await readBody(c, admin.createPracticeBody);
    return c.json(await inTx(deps, (tx) => admin.createPractice(tx, deps, body)), 201);
  });
  r.post('/practices/:practiceId/keys', async (c) => {
    const body = await readBody(c, admin.createKeyBody);
    return c.json(
      await inTx(deps, (tx) => admin.createKey(tx, deps, c.req.param('practiceId'), body)),
      201,
    );
  });
  return r;
}
