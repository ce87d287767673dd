import { Hono } from 'hono';
import { requirePermission } from '../http/auth.js';
import { readBody } from '../http/body.js';
import type { Deps } from '../domain/deps.js';
import * as care from '../domain/instances.js';
import * as tasks from '../domain/tasks.js';
import { expectedRevision, inTx, query, type Env } from './context.js';

export function careRoutes(deps: Deps) {
  const r = new Hono<Env>();
  const db = () => deps.handle.db;

  r.post('/patients', async (c) => {
    requirePermission(c.var.principal, 'care');
    const body = await readBody(c, care.createPatientBody);
    return c.json(
      await inTx(deps, (tx) => care.createPatient(tx, deps, c.var.principal, body)),
      201,
    );
  });
  r.get('/patients', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await care.listPatients(db(), deps, c.var.principal));
  });
  r.get('/patients/:id', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await care.getPatient(db(), deps, c.var.principal, c.req.param('id')));
  });
  r.post('/instances', async (c) => {
    requirePermission(c.var.principal, 'care');
    const body = await readBody(c, care.createInstanceBody);
    return c.json(await inTx(deps, (tx) => care.enrol(tx, deps, c.var.principal, body)), 201);
  });
  r.get('/instances/:id', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await care.getInstance(db(), c.var.principal, c.req.param('id')));
  });
  r.post('/instances/:id/events', async (c) => {
    requirePermission(c.var.principal, 'care');
    const revision = expectedRevision(c);
    const body = await readBody(c, care.apiEventBody);
    const result = await inTx(deps, (tx) =>
      care.applyEvent(
        tx,
        deps,
        c.var.principal,
        c.req.param('id'),
        body,
        revision === undefined ? {} : { expectedRevision: revision },
      ),
    );
    return c.json(result);
  });
  r.get('/instances/:id/timeline', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await care.timeline(db(), c.var.principal, c.req.param('id')));
  });
  r.get('/tasks', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await tasks.worklist(db(), deps, c.var.principal, query(c, tasks.worklistQuery)));
  });
  r.post('/tasks/:id/complete', async (c) => {
    requirePermission(c.var.principal, 'care');
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const body = hasBody ? await readBody(c, tasks.completeTaskBody) : {};
    return c.json(
      await inTx(deps, (tx) =>
        tasks.completeTask(tx, deps, c.var.principal, c.req.param('id'), body),
      ),
    );
  });
  return r;
}
