import { Hono } from 'hono';
import { validatePathway } from '@care-pathways/engine';
import { requirePermission } from '../http/auth.js';
import { readBody } from '../http/body.js';
import type { Deps } from '../domain/deps.js';
import * as pathways from '../domain/pathways.js';
import { putDraftBody } from '../domain/pathways.js';
import { inTx, intParam, type Env } from './context.js';
import { z } from 'zod';

const validateBody = z
  .object({ definition: z.record(z.string(), z.unknown()).optional() })
  .strict();

export function pathwayRoutes(deps: Deps) {
  const r = new Hono<Env>();
  const db = () => deps.handle.db;

  r.get('/library', (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(
      deps.library.map((l) => ({
        id: l.id,
        title: l.title,
        description: l.definition.description ?? null,
        parameters: l.definition.parameters,
      })),
    );
  });
  r.get('/pathways', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await pathways.listPathways(db(), c.var.principal));
  });
  r.post('/pathways', async (c) => {
    requirePermission(c.var.principal, 'design');
    const body = await readBody(c, pathways.createPathwayBody);
    return c.json(
      await inTx(deps, (tx) => pathways.createPathway(tx, deps, c.var.principal, body)),
      201,
    );
  });
  r.get('/pathways/:id/draft', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await pathways.getDraft(db(), c.var.principal, c.req.param('id')));
  });
  r.put('/pathways/:id/draft', async (c) => {
    requirePermission(c.var.principal, 'design');
    const body = await readBody(c, putDraftBody);
    return c.json(
      await inTx(deps, (tx) =>
        pathways.putDraft(tx, deps, c.var.principal, c.req.param('id'), body),
      ),
    );
  });
  r.post('/pathways/:id/validate', async (c) => {
    requirePermission(c.var.principal, 'read');
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const body = hasBody ? await readBody(c, validateBody) : {};
    const definition =
      body.definition ??
      (await pathways.getDraft(db(), c.var.principal, c.req.param('id'))).definition;
    const v = validatePathway(definition);
    return c.json({ valid: v.valid, errors: v.errors, warnings: v.warnings });
  });
  r.post('/pathways/:id/versions', async (c) => {
    requirePermission(c.var.principal, 'publish');
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const body = hasBody ? await readBody(c, pathways.publishBody) : {};
    return c.json(
      await inTx(deps, (tx) =>
        pathways.publish(tx, deps, c.var.principal, c.req.param('id'), body.note),
      ),
      201,
    );
  });
  r.get('/pathways/:id/versions', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(await pathways.listVersions(db(), c.var.principal, c.req.param('id')));
  });
  r.get('/pathways/:id/versions/:version', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(
      await pathways.getVersion(db(), c.var.principal, c.req.param('id'), intParam(c, 'version')),
    );
  });
  r.post('/pathways/:id/live', async (c) => {
    requirePermission(c.var.principal, 'publish');
    const body = await readBody(c, pathways.liveBody);
    return c.json(
      await inTx(deps, (tx) =>
        pathways.setLive(tx, deps, c.var.principal, c.req.param('id'), body.version),
      ),
    );
  });
  r.get('/pathways/:id/diff', async (c) => {
    requirePermission(c.var.principal, 'read');
    return c.json(
      await pathways.diff(
        db(),
        c.var.principal,
        c.req.param('id'),
        c.req.query('from'),
        c.req.query('to'),
      ),
    );
  });
  r.get('/pathways/:id/export', async (c) => {
    requirePermission(c.var.principal, 'read');
    const id = c.req.param('id');
    const version = c.req.query('version');
    const def = await pathways.exportDefinition(db(), c.var.principal, id, version);
    c.header(
      'content-disposition',
      `attachment; filename="${id}${version && version !== 'draft' ? `-v${version}` : ''}.json"`,
    );
    return c.json(def);
  });
  return r;
}
