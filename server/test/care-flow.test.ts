import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayInstance } from '../src/domain/instances.js';
import { KINDS, PHQ9_16, enrolledPatient, startServer, type TestServer } from './harness.js';

describe.each(KINDS)('care flow on %s', (kind) => {
  let s: TestServer;
  let keys: Awaited<ReturnType<TestServer['practice']>>['keys'];
  beforeAll(async () => {
    s = await startServer(kind);
    keys = (await s.practice()).keys;
  });
  afterAll(() => s.close());

  it('publishes an adopted library pathway as immutable, numbered, hashed versions and sets one live', async () => {
    const adopt = await s.call('POST', '/api/pathways', {
      key: keys.designer,
      body: { fromLibrary: 'depression-mini', parameters: { followUpDays: 28 } },
    });
    expect(adopt.status).toBe(201);
    expect(adopt.body).toMatchObject({
      id: 'depression-mini',
      fromLibrary: 'depression-mini',
      validation: { valid: true },
    });
    const draft = await s.call('GET', '/api/pathways/depression-mini/draft', { key: keys.viewer });
    expect(draft.body.definition.parameters.followUpDays.default).toBe(28);

    const v1 = await s.call('POST', '/api/pathways/depression-mini/versions', {
      key: keys.publisher,
      body: { note: 'Adopted with 4-weekly follow-up' },
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      version: 1,
      hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      note: 'Adopted with 4-weekly follow-up',
    });
    const again = await s.call('POST', '/api/pathways/depression-mini/versions', {
      key: keys.publisher,
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'pathway.unchanged' } } });

    const def = draft.body.definition;
    def.parameters.followUpDays.default = 21;
    expect(
      (
        await s.call('PUT', '/api/pathways/depression-mini/draft', {
          key: keys.designer,
          body: { definition: def },
        })
      ).body.validation.valid,
    ).toBe(true);
    const v2 = await s.call('POST', '/api/pathways/depression-mini/versions', {
      key: keys.publisher,
      body: {},
    });
    expect(v2.body.version).toBe(2);
    expect(v2.body.hash).not.toBe(v1.body.hash);

    expect(
      (
        await s.call('POST', '/api/pathways/depression-mini/live', {
          key: keys.publisher,
          body: { version: 1 },
        })
      ).body,
    ).toEqual({ pathwayId: 'depression-mini', liveVersion: 1 });
    const versions = await s.call('GET', '/api/pathways/depression-mini/versions', {
      key: keys.viewer,
    });
    expect(versions.body.map((v: any) => [v.version, v.live])).toEqual([
      [1, true],
      [2, false],
    ]);
    const stored = await s.call('GET', '/api/pathways/depression-mini/versions/1', {
      key: keys.viewer,
    });
    expect(stored.body.definition.parameters.followUpDays.default).toBe(28);

    const d = await s.call('GET', '/api/pathways/depression-mini/diff?from=1&to=2', {
      key: keys.viewer,
    });
    expect(d.body.changes).toEqual([
      expect.objectContaining({
        op: 'changed',
        kind: 'parameter',
        id: 'followUpDays',
        fields: ['default'],
      }),
    ]);
    const exported = await s.call('GET', '/api/pathways/depression-mini/export?version=2', {
      key: keys.viewer,
    });
    expect(exported.headers.get('content-disposition')).toContain('depression-mini-v2.json');
    expect(exported.body.parameters.followUpDays.default).toBe(21);
  });

  it('saves an invalid draft as work in progress but refuses to publish it, naming each problem', async () => {
    const draft = (
      await s.call('GET', '/api/pathways/depression-mini/draft', { key: keys.designer })
    ).body.definition;
    draft.transitions = draft.transitions.filter(
      (t: any) => !(t.from === 'severity' && t.otherwise),
    );
    const saved = await s.call('PUT', '/api/pathways/depression-mini/draft', {
      key: keys.designer,
      body: { definition: draft },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.validation.errors).toEqual([
      expect.objectContaining({ code: 'decision.no-otherwise', path: '$.nodes[2]' }),
    ]);
    const pub = await s.call('POST', '/api/pathways/depression-mini/versions', {
      key: keys.publisher,
    });
    expect(pub).toMatchObject({
      status: 422,
      body: { error: { code: 'pathway.decision.no-otherwise', path: '$.definition.nodes[2]' } },
    });
    expect(
      (await s.call('GET', '/api/pathways/depression-mini/versions', { key: keys.viewer })).body,
    ).toHaveLength(2);
  });

  it('enrols a patient on the live version and shows the task in the worklist', async () => {
    const { instance } = await enrolledPatient(s, keys);
    expect(instance).toMatchObject({
      pathwayId: 'depression-mini',
      version: 1,
      status: 'active',
      active: ['phq2-screen'],
      revision: 0,
    });
    const work = await s.call('GET', '/api/tasks?role=medical-assistant', { key: keys.clinician });
    expect(
      work.body.some(
        (t: any) =>
          t.instanceId === instance.id && t.node === 'phq2-screen' && t.instrument === 'phq2',
      ),
    ).toBe(true);
  });

  it('runs a patient through screening to an item-9 safety alert: urgent task first in the PCP worklist', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    const phq2 = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2] },
    });
    expect(phq2.body).toMatchObject({ active: ['phq9-assess'], revision: 1 });
    const phq9 = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: {
        type: 'instrument.completed',
        instrument: 'phq9',
        answers: [1, 1, 0, 0, 0, 0, 0, 0, 1],
      },
    });
    expect(phq9.status).toBe(200);
    expect(phq9.body).toMatchObject({
      active: ['safety-assessment'],
      flags: ['safety-risk'],
      revision: 2,
    });
    expect(phq9.body.effects).toContainEqual(
      expect.objectContaining({ kind: 'alert', priority: 'urgent', items: [9] }),
    );
    const work = await s.call('GET', '/api/tasks?role=pcp', { key: keys.viewer });
    expect(work.body[0]).toMatchObject({
      instanceId,
      node: 'safety-assessment',
      priority: 'urgent',
      overdue: false,
    });

    const done = await s.call('POST', `/api/tasks/${work.body[0].id}/complete`, {
      key: keys.clinician,
      body: { note: 'No plan or intent; safety plan made' },
    });
    expect(done.body).toMatchObject({
      active: ['negative'],
      status: 'completed',
      outcome: 'screen-negative',
      flags: [],
    });
    const tl = await s.call('GET', `/api/instances/${instanceId}/timeline`, { key: keys.viewer });
    expect(tl.body.map((e: any) => e.event.type)).toEqual([
      'instance.started',
      'instrument.completed',
      'instrument.completed',
      'task.completed',
    ]);
    expect(tl.body[2].trace.at(-1)).toMatchObject({
      to: 'safety-assessment',
      why: expect.stringContaining('safety-risk'),
    });
    expect(tl.body.every((e: any) => typeof e.actor === 'string' && e.at && e.recordedAt)).toBe(
      true,
    );
  });

  it('completes an instrument task by its answers, and refuses to complete it without them', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    const task = (
      await s.call('GET', `/api/tasks?instanceId=${instanceId}`, { key: keys.clinician })
    ).body[0];
    const bare = await s.call('POST', `/api/tasks/${task.id}/complete`, { key: keys.clinician });
    expect(bare).toMatchObject({
      status: 422,
      body: { error: { code: 'task.answers-required', path: '$.answers' } },
    });
    const ok = await s.call('POST', `/api/tasks/${task.id}/complete`, {
      key: keys.clinician,
      body: { answers: [0, 1] },
    });
    expect(ok.body).toMatchObject({ status: 'completed', outcome: 'screen-negative' });
    expect(
      (
        await s.call('POST', `/api/tasks/${task.id}/complete`, {
          key: keys.clinician,
          body: { answers: [0, 1] },
        })
      ).body.error.code,
    ).toBe('task.closed');
  });

  it('writes event, snapshot, tasks, timers and audit together, and replay reproduces the snapshot', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq2', answers: [2, 2] },
    });
    await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq9', answers: PHQ9_16 },
    });
    const enrolTask = (
      await s.call('GET', `/api/tasks?instanceId=${instanceId}`, { key: keys.clinician })
    ).body[0];
    const r = await s.call('POST', `/api/tasks/${enrolTask.id}/complete`, { key: keys.clinician });
    expect(r.body.active).toEqual(['follow-up']);
    const db = s.handle.db;
    const timers = await db
      .selectFrom('timers')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .execute();
    expect(timers).toEqual([
      expect.objectContaining({ status: 'scheduled', due_at: r.body.open.timers[0].dueAt }),
    ]);
    const audit = await db
      .selectFrom('audit')
      .select(['action', 'target'])
      .where('target', '=', `instance:${instanceId}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'instance.create',
      'instance.event.instrument.completed',
      'instance.event.instrument.completed',
      'instance.event.task.completed',
    ]);
    const replayed = await replayInstance(
      db,
      {
        practiceId: (
          await db
            .selectFrom('instances')
            .select('practice_id')
            .where('id', '=', instanceId)
            .executeTakeFirstOrThrow()
        ).practice_id,
        role: 'viewer',
        keyId: 'test',
      },
      instanceId,
    );
    expect(replayed.problems).toEqual([]);
    expect(replayed.replayed).toEqual(replayed.stored);
  });

  it('refuses an event the state cannot take with a reason and writes nothing', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    const count = async () => {
      const db = s.handle.db;
      const n = async (t: 'instance_events' | 'tasks' | 'timers' | 'audit' | 'outbox') =>
        Number(
          (
            await db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return [
        await n('instance_events'),
        await n('tasks'),
        await n('timers'),
        await n('audit'),
        await n('outbox'),
      ];
    };
    const before = await count();
    const r = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'task.completed', task: 'enrol' },
    });
    expect(r).toMatchObject({
      status: 422,
      body: { error: { code: 'event.task-not-open', path: '$.task' } },
    });
    const bad = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq2', answers: [9, 0] },
    });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: { code: 'answers.out-of-range', path: '$.answers[0]' } },
    });
    const timer = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'timer.fired', timer: 'x#1' },
    });
    expect(timer.body.error.code).toBe('event.scheduler-only');
    expect(await count()).toEqual(before);
    expect(
      (await s.call('GET', `/api/instances/${instanceId}`, { key: keys.viewer })).body.revision,
    ).toBe(0);
  });

  it('never loses an update when events race: every accepted event is in the log, losers get 409', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: { type: 'contact.logged', role: 'care-manager', minutes: 5 },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((st) => st === 200 || st === 409)).toBe(true);
    const accepted = statuses.filter((st) => st === 200).length;
    expect(accepted).toBeGreaterThan(0);
    const after = await s.call('GET', `/api/instances/${instanceId}`, { key: keys.viewer });
    expect(after.body.revision).toBe(accepted);
    expect(after.body.facts.contacts).toMatchObject({ count: accepted, minutes: accepted * 5 });
    const tl = await s.call('GET', `/api/instances/${instanceId}/timeline`, { key: keys.viewer });
    expect(tl.body.filter((e: any) => e.event.type === 'contact.logged')).toHaveLength(accepted);
  });

  it('refuses a stale write with 409 when the client says which revision it saw', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    const ev = { type: 'contact.logged', role: 'care-manager', minutes: 10 };
    expect(
      (
        await s.call('POST', `/api/instances/${instanceId}/events`, {
          key: keys.clinician,
          body: ev,
          headers: { 'if-match': '"0"' },
        })
      ).status,
    ).toBe(200);
    const stale = await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: ev,
      headers: { 'if-match': '"0"' },
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'instance.conflict' } } });
  });

  it('fires a due follow-up timer as timer.fired, marking the patient overdue', async () => {
    const { instanceId } = await enrolledPatient(s, keys);
    await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq2', answers: [3, 3] },
    });
    await s.call('POST', `/api/instances/${instanceId}/events`, {
      key: keys.clinician,
      body: { type: 'instrument.completed', instrument: 'phq9', answers: PHQ9_16 },
    });
    const t = (await s.call('GET', `/api/tasks?instanceId=${instanceId}`, { key: keys.clinician }))
      .body[0];
    await s.call('POST', `/api/tasks/${t.id}/complete`, { key: keys.clinician });
    const { fireDueTimers } = await import('../src/domain/instances.js');
    expect(await fireDueTimers(s.deps)).toBe(0);
    s.clock.advanceDays(30);
    expect(await fireDueTimers(s.deps)).toBeGreaterThanOrEqual(1);
    const after = await s.call('GET', `/api/instances/${instanceId}`, { key: keys.viewer });
    expect(after.body.flags).toContain('overdue');
    const tl = await s.call('GET', `/api/instances/${instanceId}/timeline`, { key: keys.viewer });
    expect(
      tl.body.some((e: any) => e.event.type === 'timer.fired' && e.actor === 'system:scheduler'),
    ).toBe(true);
    const work = await s.call('GET', `/api/tasks?instanceId=${instanceId}`, {
      key: keys.clinician,
    });
    expect(work.body[0]).toMatchObject({ node: 'follow-up', overdue: true });
  });
});
