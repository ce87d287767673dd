import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '../src/db/connect.js';
import { migrations } from '../src/db/migrations.js';
import * as admin from '../src/domain/admin.js';
import type { Deps } from '../src/domain/deps.js';
import { applyEvent, createPatient, enrol } from '../src/domain/instances.js';
import { createPathway, publish, setLive } from '../src/domain/pathways.js';
import { completeTask } from '../src/domain/tasks.js';
import type { Principal } from '../src/http/auth.js';
import { silentLogger } from '../src/log.js';
import {
  ADMIN_TOKEN,
  Clock,
  KINDS,
  PHQ9_16,
  T0,
  freshDatabase,
  testLibrary,
  type Kind,
} from './harness.js';

/*
 * Guarantees shown with real processes (node on server/dist; build it first): several schedulers on
 * one PostgreSQL fire each timer once; servers starting at once migrate once; a scheduler started
 * after the due times fires overdue timers in due order; SIGTERM stops the server cleanly, and its
 * log is JSON without patient data. Workers take their clock from NOW.
 */

const WORKERS = resolve(import.meta.dirname, 'workers');
const MAIN = resolve(import.meta.dirname, '../dist/main.js');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

// ---- child processes -------------------------------------------------------------------------

interface Proc {
  child: ChildProcess;
  lines: string[];
  stderr(): string;
  /** The first stdout line (already printed or to come) that matches; fails on exit or timeout. */
  line(match: (l: string) => boolean, ms: number): Promise<string>;
  /** Exit code and signal; fails (and kills the process) after `ms`. */
  exited(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  // A failed test leaves nothing behind: only processes this file started, each by its handle.
  for (const c of running) c.kill('SIGKILL');
  running.clear();
});

/** Runs `node script` with only the configuration given (none inherited from this shell). */
function run(script: string, env: Record<string, string>): Proc {
  const base = { ...process.env };
  for (const k of [
    ...['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'ADMIN_TOKEN', 'DEMO', 'LOG_LEVEL'],
    ...['SCHEDULER_INTERVAL_MS', 'PATHWAYS_LIBRARY', 'NOW', 'GO', 'DEADLINE_MS'],
  ])
    delete base[k];
  const child = spawn(process.execPath, [script], {
    env: { ...base, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const listeners = new Set<(l: string) => void>();
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const f of listeners) f(l);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      r({ code, signal });
    }),
  );
  const describeProc = () =>
    `pid ${child.pid}; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`.slice(-4000);
  return {
    child,
    lines,
    stderr: () => stderr,
    line(match, ms) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => done(new Error(`no such line after ${ms} ms`)), ms);
        const onLine = (l: string) => match(l) && done(null, l);
        const done = (e: Error | null, l?: string) => {
          clearTimeout(timer);
          listeners.delete(onLine);
          if (e) fail(new Error(`${e.message}; ${describeProc()}`));
          else ok(l!);
        };
        listeners.add(onLine);
        void exit.then(({ code }) => done(new Error(`exited (${code}) first`)));
      });
    },
    exited(ms) {
      return Promise.race([
        exit,
        new Promise<never>((_, fail) =>
          setTimeout(() => {
            child.kill('SIGKILL');
            fail(new Error(`still running after ${ms} ms; ${describeProc()}`));
          }, ms).unref(),
        ),
      ]);
    },
  };
}

const json = (l: string) => JSON.parse(l) as Record<string, any>;
const dbEnv = (config: { databaseUrl?: string; dataDir?: string }): Record<string, string> =>
  config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir! };

/** Waits for a scheduler process (workers/scheduler.js) to finish; its report. */
async function scheduler(proc: Proc) {
  const { code } = await proc.exited(30_000);
  const done = proc.lines
    .filter((l) => l.startsWith('{'))
    .map(json)
    .find((o) => o.done);
  return {
    code,
    stderr: proc.stderr(),
    fired: Number(done?.fired ?? NaN),
    warnings: (done?.warnings ?? ['no report']) as unknown[],
  };
}
/** It exited 0 by itself, and no tick failed (no conflict, deadlock or error to retry). */
const expectClean = (r: Awaited<ReturnType<typeof scheduler>>) =>
  expect({ code: r.code, stderr: r.stderr, warnings: r.warnings }).toEqual({
    code: 0,
    stderr: '',
    warnings: [],
  });

// ---- data --------------------------------------------------------------------------------------

/**
 * A practice on the test pathway and one patient per offset, each driven at T0 + offset to the
 * follow-up monitor (PHQ-2 [2,2], PHQ-9 16, enrolment task done): a follow-up timer 14 days later.
 * Patients are enrolled by several transactions at once (each with its own clock), to save time.
 */
async function followUps(handle: Db, offsets: number[]) {
  const pathways = testLibrary();
  const deps = (clock: Clock): Deps => ({
    handle,
    now: clock.now,
    newId: randomUUID,
    library: pathways,
    log: silentLogger,
  });
  const p = await handle.db.transaction().execute(async (tx) => {
    const d = deps(new Clock());
    const practice = await admin.createPractice(tx, d, { name: 'Scheduler practice' });
    const p: Principal = { practiceId: practice.id, role: 'admin', keyId: 'test' };
    await createPathway(tx, d, p, { fromLibrary: 'depression-mini' });
    await publish(tx, d, p, 'depression-mini', 'first');
    await setLive(tx, d, p, 'depression-mini', 1);
    return p;
  });
  const enrolAt = (offset: number, i: number) =>
    handle.db.transaction().execute(async (tx) => {
      const d = deps(new Clock(Date.parse(at(offset))));
      const patient = await createPatient(tx, d, p, { externalRef: `PROC-${i}`, age: 40 });
      const { id } = await enrol(tx, d, p, { patientId: patient.id, pathwayId: 'depression-mini' });
      for (const [instrument, answers] of [
        ['phq2', [2, 2]],
        ['phq9', PHQ9_16],
      ] as const)
        await applyEvent(tx, d, p, id, { type: 'instrument.completed', instrument, answers });
      const task = await tx
        .selectFrom('tasks')
        .select('id')
        .where('instance_id', '=', id)
        .where('node', '=', 'enrol')
        .executeTakeFirstOrThrow();
      const r = await completeTask(tx, d, p, task.id, {});
      expect(r.active).toEqual(['follow-up']);
      const timer = r.open.timers[0]!;
      return { instanceId: id, timer: `${id}/${timer.id}`, dueAt: timer.dueAt };
    });
  const out: { instanceId: string; timer: string; dueAt: string }[] = [];
  const lanes = 8;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < offsets.length; i += lanes) out[i] = await enrolAt(offsets[i]!, i);
    }),
  );
  return out;
}

/** `timer.fired` events in the logs, per timer (`<instance>/<timer>`). */
async function firings(handle: Db) {
  const rows = await handle.db
    .selectFrom('instance_events')
    .select(['instance_id', 'event', 'at'])
    .execute();
  const count = new Map<string, number>();
  const eventAt = new Map<string, string>();
  for (const r of rows) {
    const e = JSON.parse(r.event);
    if (e.type !== 'timer.fired') continue;
    const key = `${r.instance_id}/${e.timer}`;
    count.set(key, (count.get(key) ?? 0) + 1);
    eventAt.set(key, r.at);
  }
  return { count, eventAt };
}

let library: string;
beforeAll(() => {
  // The servers' library: just the test pathway (stable, and quick to load).
  library = mkdtempSync(join(tmpdir(), 'cp-proc-lib-'));
  mkdirSync(join(library, 'depression-mini'));
  copyFileSync(
    resolve(import.meta.dirname, '../../engine/test/fixtures/depression.json'),
    join(library, 'depression-mini', 'pathway.json'),
  );
});
afterAll(() => rmSync(library, { recursive: true, force: true }));

// ---- 1. several schedulers, one PostgreSQL -----------------------------------------------------

describe('several scheduler processes on one PostgreSQL database', () => {
  it('fire every due timer exactly once and share the work (FOR UPDATE SKIP LOCKED)', async () => {
    const TIMERS = 100;
    const PROCESSES = 4;
    const fresh = await freshDatabase('postgres');
    const handle = openDb(fresh.config);
    try {
      await migrate(handle);
      // Every process is "now" one day after the last due time; each a millisecond apart, so
      // that fired_at tells which process fired a timer. They start while the patients are
      // enrolled, then wait for the word.
      const now = Date.parse(at(15 * DAY));
      const clocks = Array.from({ length: PROCESSES }, (_, i) => new Date(now + i).toISOString());
      const procs = clocks.map((NOW) =>
        run(join(WORKERS, 'scheduler.js'), { ...dbEnv(fresh.config), NOW, GO: 'stdin' }),
      );
      const timers = await followUps(
        handle,
        Array.from({ length: TIMERS }, (_, i) => i * 60_000),
      );
      expect(timers.every((t) => Date.parse(t.dueAt) < now)).toBe(true);
      await Promise.all(procs.map((p) => p.line((l) => l.includes('"ready"'), 20_000)));
      const started = performance.now();
      for (const p of procs) p.child.stdin!.write('go\n');
      const reports = await Promise.all(procs.map(scheduler));
      const ms = Math.round(performance.now() - started);

      const { count } = await firings(handle);
      const duplicates = timers.filter((t) => (count.get(t.timer) ?? 0) > 1).length;
      const missed = timers.filter((t) => !count.has(t.timer)).length;
      const stray = [...count.keys()].filter((k) => !timers.some((t) => t.timer === k));
      const rows = await handle.db.selectFrom('timers').selectAll().execute();
      const byProcess = clocks.map(
        (c) => rows.filter((r) => r.status === 'fired' && r.fired_at === c).length,
      );
      console.log(
        `[processes] PostgreSQL: ${TIMERS} due timers, ${PROCESSES} scheduler processes; ` +
          `fired per process ${JSON.stringify(reports.map((r) => r.fired))} ` +
          `(by fired_at in the database ${JSON.stringify(byProcess)}); ` +
          `duplicates=${duplicates} missed=${missed} stray=${stray.length}; ` +
          `failed ticks ${reports.reduce((n, r) => n + r.warnings.length, 0)}; ${ms} ms`,
      );

      for (const r of reports) expectClean(r);
      expect({ duplicates, missed, stray }).toEqual({ duplicates: 0, missed: 0, stray: [] });
      expect(reports.reduce((n, r) => n + r.fired, 0)).toBe(TIMERS);
      expect(byProcess).toEqual(reports.map((r) => r.fired));
      expect(reports.filter((r) => r.fired > 0).length).toBeGreaterThan(1);
      // Each original timer is fired; none due is left; the next follow-ups wait for their day.
      const original = new Set(timers.map((t) => t.timer));
      expect(rows.filter((r) => original.has(r.id)).map((r) => r.status)).toEqual(
        Array(TIMERS).fill('fired'),
      );
      expect(rows.filter((r) => r.status === 'scheduled' && Date.parse(r.due_at) <= now)).toEqual(
        [],
      );
      // Exactly one event more per instance (revision 3 → 4), one audit row per firing.
      const revisions = await handle.db.selectFrom('instances').select('revision').execute();
      expect(revisions.map((r) => r.revision)).toEqual(Array(TIMERS).fill(4));
      const audits = await handle.db
        .selectFrom('audit')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'instance.event.timer.fired')
        .executeTakeFirstOrThrow();
      expect(Number(audits.n)).toBe(TIMERS);
    } finally {
      await handle.close();
      await fresh.drop();
    }
  }, 55_000);
});

// ---- 2. migrations on start, several processes at once -----------------------------------------

describe.each(KINDS)('servers starting at once on one %s database', (kind: Kind) => {
  it('all start, the schema is migrated exactly once, and there is one demo practice', async () => {
    const fresh = await freshDatabase(kind);
    try {
      const env = {
        ...dbEnv(fresh.config),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        // Every process also tries to seed the demo practice: exactly one may win.
        DEMO: '1',
        PATHWAYS_LIBRARY: library,
      };
      const procs = Array.from({ length: 4 }, () => run(join(WORKERS, 'start-server.js'), env));
      // Loaded and waiting; then all start (open, migrate, listen) at the same moment.
      await Promise.all(procs.map((p) => p.line((l) => l.includes('"ready"'), 20_000)));
      for (const p of procs) p.child.stdin!.write('go\n');
      await Promise.all(procs.map((p) => p.line((l) => l.includes(' is running on '), 20_000)));
      for (const p of procs) p.child.kill('SIGTERM');
      for (const p of procs) {
        expect(await p.exited(10_000)).toEqual({ code: 0, signal: null });
        expect(p.stderr()).toBe('');
      }

      const names = Object.keys(await migrations(kind).getMigrations()).sort();
      const handle = openDb(fresh.config);
      try {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
          handle.db,
        );
        // One row per migration: each ran once (a second run would have failed on its table).
        expect(rows.map((r) => r.name).sort()).toEqual(names);
        const practices = await handle.db.selectFrom('practices').select('id').execute();
        expect(practices).toEqual([{ id: 'demo-practice' }]);
      } finally {
        await handle.close();
      }
    } finally {
      await fresh.drop();
    }
  }, 45_000);
});

// ---- 3. durable timers across restarts, in due order -------------------------------------------

describe.each(KINDS)('durable timers on %s', (kind: Kind) => {
  it('fire as timer.fired after a restart; overdue ones found at start-up fire in due order', async () => {
    const fresh = await freshDatabase(kind);
    const handle = openDb(fresh.config);
    try {
      await migrate(handle);
      // Follow-up timers due 14 days + 5h, 1h, 9h, 3h, 7h, 2h after T0 (ids in no such order).
      const timers = await followUps(
        handle,
        [5, 1, 9, 3, 7, 2].map((h) => h * HOUR),
      );
      const byDue = [...timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      // No scheduler runs while they come due. A scheduler started at 14d+1.5h fires the first;
      // the next, started at 14d+12h, finds the other five overdue.
      const firstRun = at(14 * DAY + 1.5 * HOUR);
      const secondRun = at(14 * DAY + 12 * HOUR);
      const one = await scheduler(
        run(join(WORKERS, 'scheduler.js'), { ...dbEnv(fresh.config), NOW: firstRun }),
      );
      expectClean(one);
      expect(one.fired).toBe(1);
      const two = await scheduler(
        run(join(WORKERS, 'scheduler.js'), { ...dbEnv(fresh.config), NOW: secondRun }),
      );
      expectClean(two);
      expect(two.fired).toBe(5);

      const fired = await handle.db
        .selectFrom('audit')
        .select(['id', 'target'])
        .where('action', '=', 'instance.event.timer.fired')
        .orderBy('id')
        .execute();
      const order = fired.map((a) => timers.find((t) => `instance:${t.instanceId}` === a.target));
      expect(order.map((t) => t?.dueAt)).toEqual(byDue.map((t) => t.dueAt));

      const { count, eventAt } = await firings(handle);
      expect(timers.map((t) => count.get(t.timer))).toEqual(Array(timers.length).fill(1));
      // Each is logged at its due time, whenever the scheduler got to it.
      expect(timers.map((t) => eventAt.get(t.timer))).toEqual(timers.map((t) => t.dueAt));
      const rows = await handle.db.selectFrom('timers').selectAll().execute();
      for (const t of timers)
        expect(rows.find((r) => r.id === t.timer)).toMatchObject({
          status: 'fired',
          fired_at: t === byDue[0] ? firstRun : secondRun,
        });
      // The next follow-ups are 14 days on: scheduled, not fired.
      expect(rows.filter((r) => r.status === 'scheduled').map((r) => r.due_at > secondRun)).toEqual(
        Array(timers.length).fill(true),
      );
    } finally {
      await handle.close();
      await fresh.drop();
    }
  }, 40_000);
});

// ---- 4. the real server: graceful shutdown, logs -----------------------------------------------

describe('the server process', () => {
  it('stops on SIGTERM with exit code 0; its log is JSON, by route pattern, without patient data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cp-proc-server-'));
    try {
      const server = run(MAIN, {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DEMO: '0',
        ADMIN_TOKEN,
        PATHWAYS_LIBRARY: library,
      });
      const banner = await server.line((l) => l.includes(' is running on '), 20_000);
      const port = /localhost:(\d+)/.exec(banner)![1];
      const call = async (method: string, path: string, key: string, body?: unknown) => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(res.status, `${method} ${path}`).toBeLessThan(300);
        return (await res.json()) as any;
      };
      const practice = await call('POST', '/api/admin/practices', ADMIN_TOKEN, { name: 'Logs' });
      const key = (
        await call('POST', `/api/admin/practices/${practice.id}/keys`, ADMIN_TOKEN, {
          role: 'admin',
        })
      ).key as string;
      await call('POST', '/api/pathways', key, { fromLibrary: 'depression-mini' });
      await call('POST', '/api/pathways/depression-mini/versions', key, { note: 'v1' });
      await call('POST', '/api/pathways/depression-mini/live', key, { version: 1 });
      const externalRef = `MRN-${randomUUID().slice(0, 8)}`;
      const patient = await call('POST', '/api/patients', key, { externalRef, age: 41 });
      const instance = await call('POST', '/api/instances', key, {
        patientId: patient.id,
        pathwayId: 'depression-mini',
      });
      await call('POST', `/api/instances/${instance.id}/events`, key, {
        type: 'instrument.completed',
        instrument: 'phq2',
        answers: [3, 2],
      });
      await call('GET', `/api/instances/${instance.id}`, key);
      await call('GET', `/api/patients/${patient.id}`, key);

      const stopping = performance.now();
      server.child.kill('SIGTERM');
      expect(await server.exited(5_000)).toEqual({ code: 0, signal: null });
      const ms = Math.round(performance.now() - stopping);
      expect(ms).toBeLessThan(3_000);
      expect(server.stderr()).toBe('');

      // stdout: the start-up banner (a block between blank lines) and JSON log lines.
      const start = server.lines.indexOf(banner) - 1;
      const end = server.lines.indexOf('', start + 1);
      expect(server.lines[start]).toBe('');
      const logs = server.lines.filter((l, i) => (i < start || i > end) && l !== '');
      const entries = logs.map(json);
      for (const e of entries)
        expect(e).toMatchObject({
          time: expect.any(String),
          level: expect.stringMatching(/^(info|warn|error)$/),
          msg: expect.any(String),
        });
      const requests = entries.filter((e) => e.msg === 'request');
      expect(requests).toContainEqual(
        expect.objectContaining({ method: 'GET', route: '/api/instances/:id', status: 200 }),
      );
      expect(requests).toContainEqual(
        expect.objectContaining({ method: 'POST', route: '/api/instances/:id/events' }),
      );
      expect(entries.filter((e) => e.level !== 'info')).toEqual([]);
      expect(entries.at(-1)).toMatchObject({ msg: 'shutting down', signal: 'SIGTERM' });
      const all = server.lines.join('\n');
      for (const secret of [externalRef, patient.id, instance.id, '"answers"', '[3,2]'])
        expect(all).not.toContain(secret);
      console.log(
        `[processes] server: ${logs.length} JSON log lines (${requests.length} requests), exit 0 ${ms} ms after SIGTERM`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
