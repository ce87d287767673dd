import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS, PHQ9_16, T0, enrolledPatient, startServer, type TestServer } from './harness.js';

const DAY = 86_400_000;
const dayIso = (d: number) => new Date(Date.parse(T0) + d * DAY).toISOString();

/** PHQ-9 16 with item 9 ("thoughts that you would be better off dead…") answered 1. */
const PHQ9_ITEM9 = [2, 2, 2, 2, 2, 2, 2, 1, 1];
/** PHQ-9 4: a response (≤ 50% of 16) and a remission (< 5) (clinical-reference B2). */
const PHQ9_4 = [1, 1, 1, 1, 0, 0, 0, 0, 0];
/** PHQ-9 14: 12.5% better than 16, no response. */
const PHQ9_14 = [2, 2, 2, 2, 2, 2, 1, 1, 0];

describe.each(KINDS)('registry and patient traffic on %s', (kind) => {
  let s: TestServer;
  let keys: Awaited<ReturnType<TestServer['practice']>>['keys'];
  let other: Awaited<ReturnType<TestServer['practice']>>['keys'];
  const ids: Record<'responding' | 'stuck' | 'waiting' | 'safety' | 'negative', string> = {
    responding: '',
    stuck: '',
    waiting: '',
    safety: '',
    negative: '',
  };

  const event = async (instance: string, body: Record<string, unknown>) => {
    const r = await s.call('POST', `/api/instances/${instance}/events`, {
      key: keys.clinician,
      body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const phq9 = (instance: string, answers: number[]) =>
    event(instance, { type: 'instrument.completed', instrument: 'phq9', answers });
  const completeEngagement = async (instance: string) => {
    const tasks = await s.call('GET', `/api/tasks?instanceId=${instance}&role=care-manager`, {
      key: keys.clinician,
    });
    const r = await s.call('POST', `/api/tasks/${tasks.body[0].id}/complete`, {
      key: keys.clinician,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const registry = async (query = '') => {
    const r = await s.call('GET', `/api/registry${query}`, { key: keys.viewer });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as any[];
  };
  const row = (rows: any[], which: keyof typeof ids) =>
    rows.find((r) => r.instanceId === ids[which]);

  beforeAll(async () => {
    s = await startServer(kind);
    keys = (await s.practice('Registry practice')).keys;
    other = (await s.practice('Other practice')).keys;
    // Day 0: four patients screened; three positive PHQ-2s go on to the PHQ-9.
    for (const which of ['responding', 'stuck', 'waiting', 'safety', 'negative'] as const) {
      const { instanceId } = await enrolledPatient(s, keys, `REG-${which}`);
      ids[which] = instanceId;
      await event(instanceId, {
        type: 'instrument.completed',
        instrument: 'phq2',
        answers: which === 'negative' ? [0, 0] : [2, 2],
      });
    }
    await phq9(ids.responding, PHQ9_16);
    await completeEngagement(ids.responding);
    await phq9(ids.stuck, PHQ9_16);
    await completeEngagement(ids.stuck);
    // The waiting patient is enrolled and then heard from no more.
    await phq9(ids.waiting, PHQ9_16);
    await completeEngagement(ids.waiting);
    await phq9(ids.safety, PHQ9_ITEM9);
    // Week 4: the responding patient scores 4.
    s.clock.set(dayIso(28));
    await phq9(ids.responding, PHQ9_4);
    // 24 February, 2 March and 23 March: the care manager calls the stuck patient.
    s.clock.set(dayIso(50));
    await event(ids.stuck, { type: 'contact.logged', role: 'care-manager', minutes: 10 });
    s.clock.set(dayIso(56));
    await event(ids.stuck, { type: 'contact.logged', role: 'care-manager', minutes: 20 });
    s.clock.set(dayIso(77));
    await event(ids.stuck, { type: 'contact.logged', role: 'care-manager', minutes: 25 });
    // Week 11, past the review week (10): the stuck patient still scores 14.
    await phq9(ids.stuck, PHQ9_14);
    // The other practice has a patient of its own, who must never show here.
    await enrolledPatient(s, other, 'OTHER-1');
  });
  afterAll(() => s.close());

  it('lists the active caseload risk first: safety-risk, then not-improving, then the rest', async () => {
    const rows = await registry();
    // The screen-negative patient completed the pathway: not in the active caseload.
    // Among the not-improving, the longest without contact first (waiting: 77 days, stuck: 0).
    expect(rows.map((r) => r.patientRef)).toEqual([
      'REG-safety',
      'REG-waiting',
      'REG-stuck',
      'REG-responding',
    ]);
    expect(row(rows, 'safety').flags).toContain('safety-risk');
    expect(row(rows, 'stuck').flags).toContain('not-improving');
    expect(row(rows, 'stuck').flags).not.toContain('safety-risk');
  });

  it('gives baseline, latest, change, weeks in care, last contact and flags from the engine', async () => {
    const rows = await registry();
    expect(row(rows, 'responding')).toMatchObject({
      pathwayId: 'depression-mini',
      pathwayTitle: 'Depression screening and collaborative care (test fixture)',
      version: 1,
      nodeId: 'follow-up',
      enrolledAt: T0,
      weeksInCare: 11,
      measure: 'phq9',
      baseline: 16,
      latest: 4,
      changePercent: -75,
      lastScoreAt: dayIso(28),
      lastContactAt: dayIso(28),
      daysSinceContact: 49,
      minutesThisMonth: 0,
    });
    expect(row(rows, 'responding').flags).toEqual(
      expect.arrayContaining(['response', 'remission', 'no-contact']),
    );
    expect(row(rows, 'responding').flags).not.toContain('not-improving');

    expect(row(rows, 'stuck')).toMatchObject({
      nodeId: 'caseload-review',
      nodeTitle: 'Psychiatric caseload review',
      baseline: 16,
      latest: 14,
      changePercent: -13,
      lastContactAt: dayIso(77),
      daysSinceContact: 0,
      // 20 + 25 minutes logged in March (February's 10 do not count; a PHQ-9 is no logged time).
      minutesThisMonth: 45,
      openTasks: 1,
      taskRoles: ['psychiatric-consultant'],
    });
    expect(row(rows, 'stuck').flags).not.toContain('no-contact');

    expect(row(rows, 'safety')).toMatchObject({
      nodeId: 'safety-assessment',
      latest: 16,
      lastContactAt: T0,
      daysSinceContact: 77,
      openTasks: 1,
      taskRoles: ['pcp'],
    });
    expect(row(rows, 'safety').flags).toEqual(
      expect.arrayContaining(['safety-risk', 'no-contact']),
    );
  });

  it('evaluates the flags as of now: past the review week with no new score is not-improving today', async () => {
    const stored = await s.call('GET', `/api/instances/${ids.waiting}`, { key: keys.viewer });
    // The stored snapshot dates from week 0, when nothing was wrong yet.
    expect(stored.body.flags).not.toContain('not-improving');
    const waiting = row(await registry(), 'waiting');
    expect(waiting).toMatchObject({ weeksInCare: 11, baseline: 16, latest: 16, changePercent: 0 });
    expect(waiting.flags).toEqual(expect.arrayContaining(['not-improving', 'no-contact']));
    // Before the review week (10), the same patient is not flagged.
    s.clock.set(dayIso(69));
    const week9 = row(await registry(), 'waiting');
    s.clock.set(dayIso(77));
    expect([week9.weeksInCare, week9.flags.includes('not-improving')]).toEqual([9, false]);
  });

  it('flags no contact only after more than 28 days (clinical-reference D3)', async () => {
    // The responding patient was last seen on day 28.
    s.clock.set(dayIso(56));
    const at28 = row(await registry(), 'responding');
    s.clock.set(dayIso(57));
    const at29 = row(await registry(), 'responding');
    s.clock.set(dayIso(77));
    expect([at28.daysSinceContact, at28.flags.includes('no-contact')]).toEqual([28, false]);
    expect([at29.daysSinceContact, at29.flags.includes('no-contact')]).toEqual([29, true]);
  });

  it('counts overdue open tasks', async () => {
    // The PCP's safety assessment was due 4 hours after day 0.
    expect(row(await registry(), 'safety').overdueTasks).toBe(1);
    expect(row(await registry(), 'stuck').overdueTasks).toBe(0);
  });

  it('filters by flag, pathway and the role of open tasks', async () => {
    expect((await registry('?flag=remission')).map((r) => r.instanceId)).toEqual([ids.responding]);
    expect((await registry('?flag=no-contact')).map((r) => r.instanceId)).toEqual([
      ids.safety,
      ids.waiting,
      ids.responding,
    ]);
    expect((await registry('?role=psychiatric-consultant')).map((r) => r.instanceId)).toEqual([
      ids.stuck,
    ]);
    expect(
      (await registry('?pathway=depression-mini&flag=not-improving')).map((r) => r.instanceId),
    ).toEqual([ids.waiting, ids.stuck]);
    expect(await registry('?pathway=some-other-pathway')).toEqual([]);
  });

  it('refuses a bad query with 400 naming the parameter, and an unknown one', async () => {
    const bad = await s.call('GET', '/api/registry?flag=sad', { key: keys.viewer });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'request.invalid-value', path: '$.flag' } },
    });
    const unknown = await s.call('GET', '/api/registry?sort=name', { key: keys.viewer });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"sort"');
  });

  it('shows each practice only its own caseload and traffic', async () => {
    const theirs = await s.call('GET', '/api/registry', { key: other.viewer });
    expect(theirs.body.map((r: any) => r.patientRef)).toEqual(['OTHER-1']);
    const traffic = await s.call('GET', '/api/pathways/depression-mini/traffic?version=1', {
      key: other.viewer,
    });
    expect(traffic.body.instances).toBe(1);
  });

  it('counts how many patients took each transition and where they are now', async () => {
    const r = await s.call('GET', '/api/pathways/depression-mini/traffic?version=1', {
      key: keys.viewer,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ pathwayId: 'depression-mini', version: 1, instances: 5 });
    const took = Object.fromEntries(
      r.body.transitions.map((t: any) => [`${t.from}>${t.to}`, t.instances]),
    );
    expect(took).toMatchObject({
      'phq2-screen>phq9-assess': 4,
      'phq2-screen>negative': 1,
      'severity>enrol': 3,
      'enrol>follow-up': 3,
      'follow-up>caseload-review': 1,
      'follow-up>remitted': 0,
      'caseload-review>step-up': 0,
    });
    // The transitions come in the definition's order, with their index.
    expect(r.body.transitions.map((t: any) => t.index)).toEqual(
      r.body.transitions.map((_: unknown, i: number) => i),
    );
    // Item 9 took the safety route, which is no drawn transition.
    expect(r.body.offPath).toEqual({ override: 0, safety: 1, discharge: 0 });
    const at = Object.fromEntries(r.body.nodes.map((n: any) => [n.id, [n.active, n.completed]]));
    expect(at).toMatchObject({
      'safety-assessment': [1, 0],
      'caseload-review': [1, 0],
      'follow-up': [2, 0],
      negative: [0, 1],
      'phq2-screen': [0, 0],
    });
  });

  it('refuses traffic without a version, or of a version that does not exist', async () => {
    const none = await s.call('GET', '/api/pathways/depression-mini/traffic', {
      key: keys.viewer,
    });
    expect(none).toMatchObject({ status: 400, body: { error: { path: '$.version' } } });
    const text = await s.call('GET', '/api/pathways/depression-mini/traffic?version=latest', {
      key: keys.viewer,
    });
    expect(text).toMatchObject({ status: 400, body: { error: { path: '$.version' } } });
    const missing = await s.call('GET', '/api/pathways/depression-mini/traffic?version=9', {
      key: keys.viewer,
    });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'version.not-found' } } });
    const nowhere = await s.call('GET', '/api/pathways/nope/traffic?version=1', {
      key: keys.viewer,
    });
    expect(nowhere).toMatchObject({ status: 404, body: { error: { code: 'pathway.not-found' } } });
  });
});
