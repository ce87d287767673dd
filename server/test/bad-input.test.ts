import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS, enrolledPatient, startServer, type TestServer } from './harness.js';

describe.each(KINDS)('bad input on %s', (kind) => {
  let s: TestServer;
  let keys: Awaited<ReturnType<TestServer['practice']>>['keys'];
  let instanceId: string;
  beforeAll(async () => {
    s = await startServer(kind, { maxBodyBytes: 64 * 1024 });
    keys = (await s.practice()).keys;
    instanceId = (await enrolledPatient(s, keys)).instanceId;
  });
  afterAll(() => s.close());

  const rowCounts = async () => {
    const db = s.handle.db;
    const out: Record<string, number> = {};
    for (const t of [
      'pathways',
      'pathway_versions',
      'patients',
      'instances',
      'instance_events',
      'tasks',
      'timers',
      'outbox',
      'audit',
    ] as const) {
      out[t] = Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    return out;
  };

  const cases: [string, () => Promise<{ status: number; body: any }>, number, string, string?][] = [
    [
      'malformed JSON',
      () => s.call('POST', '/api/patients', { key: keys.clinician, raw: '{"externalRef": ' }),
      400,
      'request.invalid-json',
      '$',
    ],
    [
      'an empty body',
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          raw: '',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'request.empty',
      '$',
    ],
    [
      'a body that is not JSON',
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          raw: 'externalRef=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
      'request.unsupported-media-type',
    ],
    [
      'a wrong type',
      () => s.call('POST', '/api/patients', { key: keys.clinician, body: { externalRef: 42 } }),
      400,
      'request.invalid-type',
      '$.externalRef',
    ],
    [
      'an unknown field',
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          body: { externalRef: 'X-1', name: 'Jane Doe' },
        }),
      400,
      'request.unrecognized-keys',
      '$',
    ],
    [
      'an out-of-range value',
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          body: { externalRef: 'X-2', birthYear: 1776 },
        }),
      400,
      'request.too-small',
      '$.birthYear',
    ],
    [
      'an array instead of an object',
      () => s.call('POST', '/api/instances', { key: keys.clinician, body: [1, 2] }),
      400,
      'request.invalid-type',
      '$',
    ],
    [
      'an oversized body',
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          body: { externalRef: 'x'.repeat(70_000) },
        }),
      413,
      'request.too-large',
    ],
    [
      'an unknown event type',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'instrument.scored' },
        }),
      400,
      'request.invalid-union',
      '$.type',
    ],
    [
      'an event with a bad field',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'contact.logged', role: 'care-manager', minutes: -5 },
        }),
      400,
      'request.too-small',
      '$.minutes',
    ],
    [
      'an event the state cannot take',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'referral.updated', referral: 'enrol', status: 'accepted' },
        }),
      422,
      'event.referral-not-open',
      '$.referral',
    ],
    [
      'invalid answers',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'instrument.completed', instrument: 'phq2', answers: [1.5, 0] },
        }),
      422,
      'answers.not-integer',
      '$.answers[0]',
    ],
    [
      'an event in the future',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: {
            type: 'contact.logged',
            role: 'care-manager',
            minutes: 5,
            at: '2030-01-01T00:00:00Z',
          },
        }),
      422,
      'event.in-future',
      '$.at',
    ],
    [
      'a bad If-Match',
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'contact.logged', role: 'care-manager', minutes: 5 },
          headers: { 'if-match': 'latest' },
        }),
      400,
      'request.invalid-header',
    ],
    [
      'an invalid pathway definition',
      () =>
        s.call('POST', '/api/pathways', {
          key: keys.designer,
          body: {
            definition: {
              schemaVersion: 1,
              id: 'broken',
              title: 'Broken',
              instruments: ['gad7'],
              start: 'a',
              nodes: [{ id: 'a', kind: 'screen', instrument: 'gad7' }],
              transitions: [],
            },
          },
        }),
      422,
      'pathway.node.dead-end',
      '$.definition.nodes[0]',
    ],
    [
      'parameters outside their bounds',
      () =>
        s.call('POST', '/api/pathways', {
          key: keys.designer,
          body: { fromLibrary: 'depression-mini', id: 'tailored', parameters: { reviewWeek: 30 } },
        }),
      422,
      'param.out-of-bounds',
      '$.parameters.reviewWeek',
    ],
    [
      'an unknown library pathway',
      () => s.call('POST', '/api/pathways', { key: keys.designer, body: { fromLibrary: 'nope' } }),
      404,
      'library.not-found',
      '$.fromLibrary',
    ],
    [
      'a duplicate pathway',
      () =>
        s.call('POST', '/api/pathways', {
          key: keys.designer,
          body: { fromLibrary: 'depression-mini' },
        }),
      409,
      'pathway.exists',
      '$.id',
    ],
    [
      'a draft for another id',
      () =>
        s.call('PUT', '/api/pathways/depression-mini/draft', {
          key: keys.designer,
          body: { definition: { id: 'other' } },
        }),
      422,
      'pathway.id-mismatch',
      '$.definition.id',
    ],
    [
      'a version that is not a number',
      () => s.call('GET', '/api/pathways/depression-mini/versions/one', { key: keys.viewer }),
      400,
      'request.invalid-param',
      '$.version',
    ],
    [
      'setting live a version that does not exist',
      () =>
        s.call('POST', '/api/pathways/depression-mini/live', {
          key: keys.publisher,
          body: { version: 9 },
        }),
      404,
      'version.not-found',
    ],
    [
      'a diff without sides',
      () => s.call('GET', '/api/pathways/depression-mini/diff', { key: keys.viewer }),
      400,
      'request.invalid-query',
      '$.from',
    ],
    [
      'an unknown worklist filter',
      () => s.call('GET', '/api/tasks?status=pending', { key: keys.viewer }),
      400,
      'request.invalid-value',
      '$.status',
    ],
    [
      'an unknown query parameter',
      () => s.call('GET', '/api/tasks?colour=red', { key: keys.viewer }),
      400,
      'request.unrecognized-keys',
      '$',
    ],
    [
      'an unknown route',
      () => s.call('GET', '/api/nothing-here', { key: keys.viewer }),
      404,
      'route.not-found',
    ],
  ];

  for (const [what, send, status, code, path] of cases) {
    it(`answers ${what} with ${status} ${code}${path ? ` at ${path}` : ''}, writing nothing`, async () => {
      const before = await rowCounts();
      const r = await send();
      expect(r.status).toBe(status);
      expect(r.body.error).toMatchObject({
        code,
        message: expect.any(String),
        ...(path ? { path } : {}),
      });
      expect(r.body.error.message.length).toBeGreaterThan(8);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('reports every problem of an invalid definition at once', async () => {
    const r = await s.call('POST', '/api/pathways', {
      key: keys.designer,
      body: {
        definition: {
          schemaVersion: 1,
          id: 'x',
          title: '',
          instruments: ['phq10'],
          start: 'a',
          nodes: [],
          transitions: 'none',
        },
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.problems.map((p: any) => p.path)).toEqual(
      expect.arrayContaining([
        '$.definition.title',
        '$.definition.instruments[0]',
        '$.definition.nodes',
        '$.definition.transitions',
      ]),
    );
  });

  it('leaves an audit row for every state-changing request that succeeds', async () => {
    const audit = async () =>
      Number(
        (
          await s.handle.db
            .selectFrom('audit')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const mutations = [
      () =>
        s.call('POST', '/api/patients', {
          key: keys.clinician,
          body: { externalRef: 'AUDIT-1', age: 30 },
        }),
      () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'contact.logged', role: 'care-manager', minutes: 15 },
        }),
      () =>
        s.call('PUT', '/api/pathways/depression-mini/draft', {
          key: keys.designer,
          body: { definition: { id: 'depression-mini', title: 'wip' } },
        }),
    ];
    for (const m of mutations) {
      const n = await audit();
      expect((await m()).status).toBeLessThan(300);
      expect(await audit()).toBe(n + 1);
    }
    const last = await s.handle.db
      .selectFrom('audit')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'pathway.draft.save',
      target: 'pathway:depression-mini',
      role: 'designer',
    });
    expect(last.actor).not.toBe('');
  });
});
