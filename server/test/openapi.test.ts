import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_TYPES, pathwayJsonSchema, validatePathway } from '@care-pathways/engine';
import { createApp } from '../src/app.js';
import { PERMISSIONS, ROLES, type Permission } from '../src/http/auth.js';
import { ROUTES } from '../src/openapi-routes.js';
import { COMPONENTS } from '../src/openapi-schemas.js';
import { ADMIN_TOKEN, PHQ9_16, startServer, type TestServer } from './harness.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Served by the docs routes themselves (not API operations), and the designer's static files. */
const NOT_OPERATIONS = new Set(['/api/docs/assets/:file', '/*']);

type Operation = Record<string, any>;
const operations = (doc: any): [method: string, path: string, op: Operation][] =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => [m, path, item[m]!] as [string, string, Operation]),
  );

/** Every `$ref` anywhere in `value`. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  return out;
}

/** A value for a JSON Schema with only the required fields filled in (as a client would). */
function sample(doc: any, schema: any, n = 0): unknown {
  if (schema.$ref) return sample(doc, doc.components.schemas[schema.$ref.split('/').pop()], n);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf ?? schema.oneOf) return sample(doc, (schema.anyOf ?? schema.oneOf)[0], n);
  switch (schema.type) {
    case 'string':
      return `s${n}`.padEnd(schema.minLength ?? 1, '0');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(doc, schema.items, n));
    case 'object':
      return Object.fromEntries(
        ((schema.required as string[]) ?? []).map((k) => [k, sample(doc, schema.properties[k], n)]),
      );
  }
  throw new Error(`no sample for ${JSON.stringify(schema)}`);
}

describe('the OpenAPI document and the API reference', () => {
  let s: TestServer;
  let doc: any;
  let keys: Awaited<ReturnType<TestServer['practice']>>['keys'];
  beforeAll(async () => {
    s = await startServer('sqlite');
    keys = (await s.practice()).keys;
    doc = (await s.call('GET', '/api/openapi.json')).body;
  });
  afterAll(() => s.close());

  /** Checks a real response against the success schema the document gives for the operation. */
  function conforms(method: string, path: string, res: { status: number; body: unknown }) {
    const op = doc.paths[path]?.[method];
    expect(op, `${method} ${path} is documented`).toBeDefined();
    const [status, ok] = Object.entries(op.responses as Record<string, any>)[0]!;
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(Number(status));
    const schema = ok.content['application/json'].schema;
    const many = schema.type === 'array';
    const name = (many ? schema.items.$ref : schema.$ref).split('/').pop();
    const zod = COMPONENTS[name]!;
    const items = many ? (res.body as unknown[]) : [res.body];
    if (many) expect(items.length, `${method} ${path} returned items`).toBeGreaterThan(0);
    for (const item of items) {
      const parsed = zod.safeParse(item);
      expect(parsed.success, `${method} ${path} as ${name}: ${parsed.error?.message}`).toBe(true);
      // Every field the API returns is documented, and every documented field is returned.
      if (zod instanceof z.ZodObject && name !== 'PathwayDefinition')
        expect(Object.keys(item as object).sort(), `${method} ${path} fields`).toEqual(
          Object.keys(zod.shape).sort(),
        );
    }
  }

  it('is served without a key as an OpenAPI 3.1 document', async () => {
    const res = await s.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.info.description).toContain('Authorization: Bearer');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(doc.components.securitySchemes).toMatchObject({
      apiKey: { type: 'http', scheme: 'bearer' },
      adminToken: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    // Every reference resolves inside the document.
    for (const r of refs(doc)) {
      expect(r).toMatch(/^#\/components\/schemas\/[\w.-]+$/);
      expect(doc.components.schemas[r.split('/').pop()!], r).toBeDefined();
    }
    // No component carries a `$schema` or `$id` of its own.
    for (const schema of Object.values<any>(doc.components.schemas))
      expect(schema.$schema ?? schema.$id).toBeUndefined();
  });

  it('documents every route the app registers, and nothing else', () => {
    const app = createApp({} as never);
    const registered = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !NOT_OPERATIONS.has(r.path))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = operations(doc).map(([m, p]) => `${m.toUpperCase()} ${p}`);
    expect(documented.sort()).toEqual([...registered].sort());
    expect(registered.has('GET /api/openapi.json')).toBe(true);
  });

  it('gives every operation a summary, a description, its roles, parameters and error responses', () => {
    const ids = new Set<string>();
    for (const [method, path, op] of operations(doc)) {
      const at = `${method} ${path}`;
      expect(op.operationId, at).toMatch(/^\w+$/);
      expect(ids.has(op.operationId), `${at}: unique operationId`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary, at).toMatch(/\S/);
      expect(op.description.length, at).toBeGreaterThan(40);
      expect(op.tags, at).toHaveLength(1);

      // Path parameters.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = (op.parameters ?? []).filter((p: any) => p.in === 'path');
      expect(
        params.map((p: any) => p.name),
        at,
      ).toEqual(inPath);
      for (const p of params) expect(p.description, at).toMatch(/\S/);

      // Responses: one success, then the errors with the shared shape.
      const statuses = Object.keys(op.responses).map(Number);
      expect(
        statuses.filter((st) => st < 300),
        at,
      ).toHaveLength(1);
      const errors = statuses.filter((st) => st >= 400 && st !== 503);
      expect(errors.length, `${at} lists its errors`).toBeGreaterThan(0);
      for (const st of errors) {
        const r = op.responses[st];
        expect(r.content['application/json'].schema, `${at} ${st}`).toEqual({
          $ref: '#/components/schemas/Error',
        });
        expect(r.description, `${at} ${st}`).toMatch(/^- `[a-z*][\w.*-]*`: /);
        expect(r.content['application/json'].example.error.code, `${at} ${st}`).toMatch(/\S/);
      }
      expect(statuses, at).toContain(500);

      // Who may call, and what that means for the errors.
      const isAdmin = path.startsWith('/api/admin/');
      const isPublic =
        !path.startsWith('/api/') || path === '/api/openapi.json' || path === '/api/docs';
      if (isPublic) {
        expect(op.security, at).toEqual([]);
        expect(op.description, at).toContain('**Authentication:** none');
      } else if (isAdmin) {
        expect(op.security, at).toEqual([{ adminToken: [] }]);
        expect(statuses, at).toEqual(expect.arrayContaining([401, 404]));
      } else {
        expect(op.security, `${at} uses the default API key`).toBeUndefined();
        const permission = op['x-permission'] as Permission;
        expect(Object.keys(PERMISSIONS), at).toContain(permission);
        expect(op['x-roles'], at).toEqual(PERMISSIONS[permission]);
        expect(op.description, at).toContain(`permission \`${permission}\``);
        expect(statuses, at).toContain(401);
        if (PERMISSIONS[permission].length < ROLES.length) expect(statuses, at).toContain(403);
        if (inPath.length) expect(statuses, `${at} can be not-found`).toContain(404);
      }
      if (op.requestBody) {
        expect(statuses, at).toEqual(expect.arrayContaining([400, 413, 415]));
        const content = op.requestBody.content['application/json'];
        expect(content.schema.$ref, at).toMatch(/^#\/components\/schemas\/\w+Request$|Event$/);
        expect(Object.keys(content.examples).length, `${at} has examples`).toBeGreaterThan(0);
      }
    }
    // If-Match on events.
    const events = doc.paths['/api/instances/{id}/events'].post;
    expect(events.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
    );
    expect(events.responses[409].description).toContain('instance.conflict');
    expect(events.responses[422].description).toContain('event.');
    // Query parameters come from the route's own schema.
    expect(doc.paths['/api/tasks'].get.parameters.map((p: any) => p.name)).toEqual([
      'role',
      'status',
      'patientId',
      'instanceId',
    ]);
    expect(doc.paths['/api/registry'].get.parameters.map((p: any) => p.name)).toEqual([
      'pathway',
      'flag',
      'role',
    ]);
  });

  it('includes the pathway definition, the event union and the instance view as components', () => {
    const c = doc.components.schemas;
    const { $schema: _s, $id: _i, ...definition } = pathwayJsonSchema();
    expect(c.PathwayDefinition).toEqual(definition);
    expect(Object.keys(c.Event.discriminator.mapping).sort()).toEqual([...EVENT_TYPES].sort());
    expect(c.Event.oneOf).toHaveLength(EVENT_TYPES.length);
    expect(c.InstanceView.required).toEqual(
      expect.arrayContaining(['id', 'revision', 'status', 'flags', 'open', 'facts']),
    );
    expect(c.InstanceView.properties.open).toEqual({ $ref: '#/components/schemas/OpenWork' });
    expect(c.CreatePatientRequest).toMatchObject({
      required: ['externalRef'],
      additionalProperties: false,
    });
    expect(c.CreatePatientRequest.properties.externalRef.description).toContain('reference');
  });

  it('has request examples the routes accept, and example definitions that validate', () => {
    for (const spec of ROUTES) {
      if (!spec.body) continue;
      const documented = doc.paths[spec.path][spec.method].requestBody.content['application/json'];
      expect(documented.examples).toEqual(spec.body.examples);
      // The documented request schema is generated from the very zod schema the route parses with.
      expect(COMPONENTS[spec.body.component], spec.operationId).toBe(spec.body.zod);
      for (const [name, { value }] of Object.entries(spec.body.examples)) {
        const r = spec.body.zod.safeParse(value);
        expect(r.success, `${spec.operationId} example ${name}: ${r.error?.message}`).toBe(true);
        const def = (value as { definition?: unknown }).definition;
        if (def) expect(validatePathway(def).errors, `${spec.operationId} ${name}`).toEqual([]);
      }
    }
  });

  it('accepts a body built from a schema’s required fields, and the documented examples', async () => {
    const patientOp = doc.paths['/api/patients'].post;
    const minimal = sample(doc, patientOp.requestBody.content['application/json'].schema);
    expect(minimal).toEqual({ externalRef: expect.any(String) });
    conforms(
      'post',
      '/api/patients',
      await s.call('POST', '/api/patients', { key: keys.clinician, body: minimal }),
    );
    for (const { value } of Object.values<any>(
      patientOp.requestBody.content['application/json'].examples,
    ))
      conforms(
        'post',
        '/api/patients',
        await s.call('POST', '/api/patients', { key: keys.clinician, body: value }),
      );

    // Admin: a practice and a key from their schemas' required fields, with the admin token.
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const practiceBody = sample(doc, doc.components.schemas.CreatePracticeRequest, 1);
    const practice = await s.call('POST', '/api/admin/practices', {
      body: practiceBody,
      headers: admin,
    });
    conforms('post', '/api/admin/practices', practice);
    const keyBody = sample(doc, doc.components.schemas.CreateKeyRequest);
    conforms(
      'post',
      '/api/admin/practices/{practiceId}/keys',
      await s.call('POST', `/api/admin/practices/${practice.body.id}/keys`, {
        body: keyBody,
        headers: admin,
      }),
    );
  });

  it('describes what the API really returns (a walk through every read and write)', async () => {
    conforms('get', '/healthz', await s.call('GET', '/healthz'));
    conforms('get', '/readyz', await s.call('GET', '/readyz'));
    conforms('get', '/api/me', await s.call('GET', '/api/me', { key: keys.viewer }));
    conforms('get', '/api/library', await s.call('GET', '/api/library', { key: keys.viewer }));
    const id = 'depression-mini';
    const call = (method: string, path: string, key: string, body?: unknown) =>
      s.call(method, path, body === undefined ? { key } : { key, body });
    conforms(
      'post',
      '/api/pathways',
      await call('POST', '/api/pathways', keys.designer, { fromLibrary: id }),
    );
    conforms('get', '/api/pathways', await call('GET', '/api/pathways', keys.viewer));
    const draft = await call('GET', `/api/pathways/${id}/draft`, keys.viewer);
    conforms('get', '/api/pathways/{id}/draft', draft);
    conforms(
      'put',
      '/api/pathways/{id}/draft',
      await call('PUT', `/api/pathways/${id}/draft`, keys.designer, {
        definition: draft.body.definition,
      }),
    );
    conforms(
      'post',
      '/api/pathways/{id}/validate',
      await call('POST', `/api/pathways/${id}/validate`, keys.viewer),
    );
    conforms(
      'post',
      '/api/pathways/{id}/versions',
      await call('POST', `/api/pathways/${id}/versions`, keys.publisher, { note: 'first' }),
    );
    conforms(
      'get',
      '/api/pathways/{id}/versions',
      await call('GET', `/api/pathways/${id}/versions`, keys.viewer),
    );
    conforms(
      'get',
      '/api/pathways/{id}/versions/{version}',
      await call('GET', `/api/pathways/${id}/versions/1`, keys.viewer),
    );
    conforms(
      'post',
      '/api/pathways/{id}/live',
      await call('POST', `/api/pathways/${id}/live`, keys.publisher, { version: 1 }),
    );
    conforms(
      'get',
      '/api/pathways/{id}/diff',
      await call('GET', `/api/pathways/${id}/diff?from=1&to=draft`, keys.viewer),
    );
    const exported = await call('GET', `/api/pathways/${id}/export?version=1`, keys.viewer);
    conforms('get', '/api/pathways/{id}/export', exported);
    expect(exported.headers.get('content-disposition')).toContain('attachment');

    const patient = await call('POST', '/api/patients', keys.clinician, {
      externalRef: 'WALK-1',
      birthYear: 1980,
      sex: 'female',
    });
    conforms('get', '/api/patients', await call('GET', '/api/patients', keys.viewer));
    const enrol = await call('POST', '/api/instances', keys.clinician, {
      patientId: patient.body.id,
      pathwayId: id,
    });
    conforms('post', '/api/instances', enrol);
    const instance = enrol.body.id;
    conforms(
      'get',
      '/api/patients/{id}',
      await call('GET', `/api/patients/${patient.body.id}`, keys.viewer),
    );
    const phq2 = await s.call('POST', `/api/instances/${instance}/events`, {
      key: keys.clinician,
      headers: { 'if-match': `"${enrol.body.revision}"` },
      body: { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2] },
    });
    conforms('post', '/api/instances/{id}/events', phq2);
    conforms(
      'post',
      '/api/instances/{id}/events',
      await call('POST', `/api/instances/${instance}/events`, keys.clinician, {
        type: 'instrument.completed',
        instrument: 'phq9',
        answers: PHQ9_16,
      }),
    );
    conforms(
      'get',
      '/api/instances/{id}',
      await call('GET', `/api/instances/${instance}`, keys.viewer),
    );
    conforms(
      'get',
      '/api/instances/{id}/timeline',
      await call('GET', `/api/instances/${instance}/timeline`, keys.viewer),
    );
    const work = await call('GET', `/api/tasks?instanceId=${instance}`, keys.viewer);
    conforms('get', '/api/tasks', work);
    const task = work.body.find((t: any) => !t.instrument) ?? work.body[0];
    conforms(
      'post',
      '/api/tasks/{id}/complete',
      await call(
        'POST',
        `/api/tasks/${task.id}/complete`,
        keys.clinician,
        task.instrument ? { answers: PHQ9_16 } : undefined,
      ),
    );
    conforms('get', '/api/registry', await call('GET', '/api/registry', keys.viewer));
    conforms(
      'get',
      '/api/pathways/{id}/traffic',
      await call('GET', `/api/pathways/${id}/traffic?version=1`, keys.viewer),
    );
    // And the error shape, as documented.
    const missing = await call('GET', '/api/patients/nobody', keys.viewer);
    expect(missing.status).toBe(404);
    expect(COMPONENTS.Error!.safeParse(missing.body).success).toBe(true);
    expect(doc.paths['/api/patients/{id}'].get.responses[404].description).toContain(
      missing.body.error.code,
    );
  });

  it('documents the validate body as the route parses it', async () => {
    const id = 'validate-check';
    await s.call('POST', '/api/pathways', {
      key: keys.designer,
      body: { fromLibrary: 'depression-mini', id },
    });
    const definition = (await s.call('GET', `/api/pathways/${id}/draft`, { key: keys.viewer })).body
      .definition;
    const path = `/api/pathways/${id}/validate`;
    expect((await s.call('POST', path, { key: keys.viewer, body: {} })).status).toBe(200);
    expect(
      (await s.call('POST', path, { key: keys.viewer, body: { definition } })).body.valid,
    ).toBe(true);
    const extra = await s.call('POST', path, { key: keys.viewer, body: { definition, x: 1 } });
    expect(extra).toMatchObject({
      status: 400,
      body: { error: { code: 'request.unrecognized-keys' } },
    });
    expect(doc.components.schemas.ValidateRequest).toMatchObject({ additionalProperties: false });
  });

  it('enforces the roles and authentication it documents', async () => {
    for (const [method, path, op] of operations(doc)) {
      const url = path.replace(/\{(\w+)\}/g, (_, name) => (name === 'version' ? '1' : 'none'));
      if (op['x-permission']) {
        const anonymous = await s.call(method.toUpperCase(), url);
        expect(anonymous.status, `${method} ${path} without a key`).toBe(401);
        const allowed: readonly string[] = op['x-roles'];
        for (const role of ROLES) {
          // Unknown ids and no body: nothing is changed, but the role check comes first.
          const r = await s.call(method.toUpperCase(), url, { key: keys[role] });
          if (allowed.includes(role))
            expect(r.status, `${method} ${path} as ${role}`).not.toBe(403);
          else
            expect(r, `${method} ${path} as ${role}`).toMatchObject({
              status: 403,
              body: { error: { code: 'auth.forbidden' } },
            });
        }
      } else if (op.security?.[0]?.adminToken) {
        const r = await s.call(method.toUpperCase(), url, { key: keys.admin, body: {} });
        expect(r, `${method} ${path} with an API key`).toMatchObject({
          status: 401,
          body: { error: { code: 'auth.invalid' } },
        });
      } else {
        expect((await s.call(method.toUpperCase(), url)).status, `${method} ${path}`).toBe(200);
      }
    }
  });

  it('serves an interactive reference page that loads only local assets', async () => {
    const page = await s.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = page.body as string;
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).not.toMatch(/https?:\/\//);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);

    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/docs/assets/swagger-ui.css',
        '/api/docs/assets/swagger-ui-bundle.js',
        '/api/docs/assets/init.js',
      ]),
    );
    const types: Record<string, string> = {
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.png': 'image/png',
    };
    for (const url of urls) {
      expect(url, 'same origin').toMatch(/^\/api\/docs\/assets\/[\w.-]+$/);
      const res = await fetch(`${s.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toContain(
        types[url.slice(url.lastIndexOf('.'))],
      );
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
    const init = await (await fetch(`${s.url}/api/docs/assets/init.js`)).text();
    expect(init).toContain("url: '/api/openapi.json'");
    expect(init).toContain('persistAuthorization: true');
    expect(init).toContain('validatorUrl: null');
    expect(init).not.toMatch(/https?:\/\//);

    const unknown = await s.call('GET', '/api/docs/assets/package.json');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'route.not-found' } } });
    expect((await s.call('GET', '/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
    // Making the docs public opened nothing else.
    expect((await s.call('GET', '/api/me')).status).toBe(401);
  });
});
