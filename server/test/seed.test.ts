import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '../src/db/connect.js';
import { DEMO_JOURNEYS } from '../src/demo-journeys.js';
import type { Deps } from '../src/domain/deps.js';
import { fireDueTimers, replayInstance } from '../src/domain/instances.js';
import { defaultLibraryDir, loadLibrary } from '../src/library.js';
import { silentLogger } from '../src/log.js';
import { DEMO_PRACTICE_ID, seedDemo } from '../src/seed.js';
import { Clock, freshDatabase, KINDS, T0 } from './harness.js';

// The demo practice that `npm start` creates on a fresh database: its sample patients must land
// where their journeys say, on the real library, with a history that replays to the same state.

describe.each(KINDS)('the demo seed (%s)', (kind) => {
  let handle: Db | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await handle?.close();
    await drop?.();
  });

  async function seeded() {
    const fresh = await freshDatabase(kind);
    drop = fresh.drop;
    handle = openDb(fresh.config);
    await migrate(handle);
    const clock = new Clock();
    const deps: Deps = {
      handle,
      now: clock.now,
      newId: randomUUID,
      library: loadLibrary(defaultLibraryDir(), silentLogger),
      log: silentLogger,
    };
    const demo = await seedDemo(deps);
    return { deps, demo, clock };
  }

  it('creates every sample patient at the node, status and flags its journey describes', async () => {
    const { deps, demo } = await seeded();
    expect(demo?.practiceId).toBe(DEMO_PRACTICE_ID);
    const rows = await deps.handle.db
      .selectFrom('instances')
      .innerJoin('patients', 'patients.id', 'instances.patient_id')
      .select(['patients.external_ref as ref', 'instances.state', 'instances.id'])
      .where('instances.practice_id', '=', DEMO_PRACTICE_ID)
      .execute();
    const byRef = new Map(rows.map((r) => [r.ref, JSON.parse(r.state)]));
    expect([...byRef.keys()].sort()).toEqual(DEMO_JOURNEYS.map((j) => j.ref).sort());
    for (const j of DEMO_JOURNEYS) {
      const s = byRef.get(j.ref);
      expect({ ref: j.ref, node: s.node, status: s.status, flags: [...s.flags].sort() }).toEqual({
        ref: j.ref,
        ...j.expect,
        flags: [...j.expect.flags].sort(),
      });
    }
  });

  it('dates each history in the past, ending when the journey says, and replays it exactly', async () => {
    const { deps } = await seeded();
    const p = { practiceId: DEMO_PRACTICE_ID, role: 'admin' as const, keyId: 'test' };
    const rows = await deps.handle.db
      .selectFrom('instances')
      .innerJoin('patients', 'patients.id', 'instances.patient_id')
      .select(['patients.external_ref as ref', 'instances.id', 'instances.state'])
      .execute();
    for (const r of rows) {
      const j = DEMO_JOURNEYS.find((x) => x.ref === r.ref)!;
      const state = JSON.parse(r.state) as { clock: string; startedAt: string };
      expect(Date.parse(T0) - Date.parse(state.clock), r.ref).toBe(j.endsHoursAgo * 3_600_000);
      const replay = await replayInstance(deps.handle.db, p, r.id);
      expect(replay.problems, r.ref).toEqual([]);
      expect(replay.replayed, r.ref).toEqual(replay.stored);
    }
  });

  it('leaves no timer overdue at the first start, so the scheduler does not move anyone on', async () => {
    const { deps } = await seeded();
    expect(await fireDueTimers(deps)).toBe(0);
  });

  it('puts the item-9 patient’s same-day assessment first among the open tasks, as urgent', async () => {
    const { deps } = await seeded();
    const tasks = await deps.handle.db
      .selectFrom('tasks')
      .selectAll()
      .where('practice_id', '=', DEMO_PRACTICE_ID)
      .where('status', '=', 'open')
      .execute();
    const urgent = tasks.filter((t) => t.priority !== 'routine');
    expect(urgent.map((t) => t.node)).toEqual(['safety-assessment']);
  });

  it('has one overdue task to show on the worklist: the late first contact', async () => {
    const { deps } = await seeded();
    const overdue = await deps.handle.db
      .selectFrom('tasks')
      .select(['node', 'due'])
      .where('practice_id', '=', DEMO_PRACTICE_ID)
      .where('status', '=', 'open')
      .where('due', '<', T0)
      .execute();
    expect(overdue.map((t) => t.node)).toEqual(['engage']);
  });
});
