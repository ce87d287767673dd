import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { PERMISSIONS, ROLES } from '../src/http/auth.js';
import { KINDS, enrolledPatient, startServer, type TestServer } from './harness.js';
import { ROUTES, type Ids } from './routes.js';

const PUBLIC = new Set([
  '/healthz',
  '/readyz',
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/*',
  '/api/docs/assets/*',
  '/api/admin/practices',
  '/api/admin/practices/:practiceId/keys',
]);

describe('the route table', () => {
  it('covers every route the app registers', () => {
    const app = createApp({} as never);
    const registered = app.routes
      .filter((r) => r.method !== 'ALL' && !PUBLIC.has(r.path) && !r.path.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.path}`);
    const table = ROUTES.map((r) => `${r.method} ${r.pattern}`);
    expect([...new Set(registered)].sort()).toEqual([...table].sort());
  });
});

describe.each(KINDS)('tenancy and roles on %s', (kind) => {
  let s: TestServer;
  let a: Awaited<ReturnType<TestServer['practice']>>;
  let b: Awaited<ReturnType<TestServer['practice']>>;
  let ids: Ids;
  beforeAll(async () => {
    s = await startServer(kind);
    a = await s.practice('Practice A');
    b = await s.practice('Practice B');
    const { patientId, instanceId } = await enrolledPatient(s, a.keys, 'A-SECRET-REF');
    const task = (
      await s.call('GET', `/api/tasks?instanceId=${instanceId}`, { key: a.keys.clinician })
    ).body[0];
    await s.call('POST', '/api/pathways', {
      key: a.keys.designer,
      body: { fromLibrary: 'depression-mini', id: 'a-only' },
    });
    await s.call('POST', '/api/pathways/a-only/versions', { key: a.keys.publisher });
    await s.call('POST', '/api/pathways/a-only/live', {
      key: a.keys.publisher,
      body: { version: 1 },
    });
    ids = { pathway: 'a-only', patient: patientId, instance: instanceId, task: task.id };
    // Practice B has its own pathway of the same id: ids alone must never reach across practices.
    await enrolledPatient(s, b.keys, 'B-REF');
  });
  afterAll(() => s.close());

  it("answers 404 to every route with another practice's ids, and changes nothing", async () => {
    const snapshot = async () => [
      (await s.call('GET', `/api/instances/${ids.instance}/timeline`, { key: a.keys.viewer })).body,
      (await s.call('GET', '/api/pathways/a-only/draft', { key: a.keys.viewer })).body,
      (await s.call('GET', '/api/pathways/a-only/versions', { key: a.keys.viewer })).body,
    ];
    const before = await snapshot();
    for (const r of ROUTES.filter((x) => x.scoped)) {
      const res = await s.call(r.method, r.path(ids), {
        key: b.keys.admin,
        ...(r.body ? { body: r.body(ids) } : {}),
      });
      expect([r.pattern, res.status]).toEqual([r.pattern, 404]);
      expect(res.body.error.code).toMatch(/not-found$/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("never shows another practice's rows in lists", async () => {
    const patients = await s.call('GET', '/api/patients', { key: b.keys.viewer });
    expect(patients.body.map((p: any) => p.externalRef)).toEqual(['B-REF']);
    const tasks = await s.call('GET', '/api/tasks', { key: b.keys.viewer });
    expect(tasks.body.every((t: any) => t.patientRef === 'B-REF')).toBe(true);
    expect(JSON.stringify(tasks.body)).not.toContain(ids.instance);
    const registry = await s.call('GET', '/api/registry', { key: b.keys.viewer });
    expect(registry.body.map((r: any) => r.patientRef)).toEqual(['B-REF']);
  });

  it("keeps same-named pathways apart: B's pathway edits and versions do not touch A's", async () => {
    const draftB = (
      await s.call('GET', '/api/pathways/depression-mini/draft', { key: b.keys.designer })
    ).body.definition;
    draftB.title = 'B edited this';
    await s.call('PUT', '/api/pathways/depression-mini/draft', {
      key: b.keys.designer,
      body: { definition: draftB },
    });
    await s.call('POST', '/api/pathways/depression-mini/versions', { key: b.keys.publisher });
    const aVersions = await s.call('GET', '/api/pathways/depression-mini/versions', {
      key: a.keys.viewer,
    });
    expect(aVersions.body.map((v: any) => v.version)).toEqual([1]);
    expect(
      (await s.call('GET', '/api/pathways/depression-mini/draft', { key: a.keys.viewer })).body
        .definition.title,
    ).not.toBe('B edited this');
    // B cannot enrol A's patient on its own pathway either.
    const cross = await s.call('POST', '/api/instances', {
      key: b.keys.clinician,
      body: { patientId: ids.patient, pathwayId: 'depression-mini' },
    });
    expect(cross).toMatchObject({
      status: 404,
      body: { error: { code: 'patient.not-found', path: '$.patientId' } },
    });
  });

  it('checks the role on every route: 403 exactly when the role lacks the permission', async () => {
    for (const r of ROUTES) {
      for (const role of ROLES) {
        const res = await s.call(r.method, r.path(ids), {
          key: a.keys[role],
          ...(r.body ? { body: r.body(ids) } : {}),
        });
        const allowed = (PERMISSIONS[r.permission] as readonly string[]).includes(role);
        expect([r.method, r.pattern, role, res.status === 403]).toEqual([
          r.method,
          r.pattern,
          role,
          !allowed,
        ]);
        expect(res.status).toBeLessThan(500);
      }
    }
  });

  it('refuses a missing, malformed or unknown key with 401', async () => {
    for (const r of ROUTES) {
      const none = await s.call(r.method, r.path(ids));
      expect([r.pattern, none.status, none.body.error.code]).toEqual([
        r.pattern,
        401,
        'auth.missing',
      ]);
    }
    expect(
      (await s.call('GET', '/api/me', { headers: { authorization: 'Basic abc' } })).body.error.code,
    ).toBe('auth.missing');
    expect((await s.call('GET', '/api/me', { key: 'cpk_not-a-real-key' })).body.error.code).toBe(
      'auth.invalid',
    );
  });

  it('guards the admin bootstrap with ADMIN_TOKEN', async () => {
    expect((await s.call('POST', '/api/admin/practices', { body: { name: 'x' } })).status).toBe(
      401,
    );
    expect(
      (await s.call('POST', '/api/admin/practices', { key: a.keys.admin, body: { name: 'x' } }))
        .status,
    ).toBe(401);
    const r = await s.call('POST', `/api/admin/practices/${b.id}/keys`, {
      headers: { authorization: 'Bearer test-admin-token-0123456789' },
      body: { role: 'superuser' },
    });
    expect(r).toMatchObject({ status: 400, body: { error: { path: '$.role' } } });
  });

  it('stores keys hashed, never in clear', async () => {
    const rows = await s.handle.db.selectFrom('api_keys').select('hash').execute();
    for (const key of Object.values(a.keys))
      expect(rows.some((r) => r.hash.includes(key))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });
});
