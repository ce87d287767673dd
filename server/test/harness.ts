import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { validatePathway } from '@care-pathways/engine';
import { createApp } from '../src/app.js';
import { migrate, openDb, type Db } from '../src/db/connect.js';
import type { Deps, LibraryEntry } from '../src/domain/deps.js';
import { silentLogger } from '../src/log.js';

export type Kind = 'sqlite' | 'postgres';
export const KINDS: Kind[] = ['sqlite', 'postgres'];
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const T0 = '2026-01-05T09:00:00.000Z';

const fixture = resolve(import.meta.dirname, '../../engine/test/fixtures/depression.json');

/** The test library: the engine's depression fixture (stable, unlike the evolving library). */
export function testLibrary(): LibraryEntry[] {
  const def = validatePathway(JSON.parse(readFileSync(fixture, 'utf8'))).definition!;
  return [{ id: def.id, title: def.title, definition: def }];
}

/** A fresh, empty database of the given kind; `drop` removes it. */
export async function freshDatabase(
  kind: Kind,
): Promise<{ config: { databaseUrl?: string; dataDir?: string }; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cp-sqlite-'));
    return {
      config: { dataDir: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cp_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    config: { databaseUrl: `${PG_URL}/${name}` },
    drop: async () => {
      const c = new pg.Client({ connectionString: `${PG_URL}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export class Clock {
  constructor(private t = Date.parse(T0)) {}
  now = () => new Date(this.t).toISOString();
  set(iso: string) {
    this.t = Date.parse(iso);
  }
  advanceDays(days: number) {
    this.t += days * 86_400_000;
  }
}

export interface Call {
  status: number;
  body: any;
  headers: Headers;
}

export interface TestServer {
  kind: Kind;
  url: string;
  deps: Deps;
  handle: Db;
  clock: Clock;
  /** A request as a client makes it. */
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Call>;
  /** Creates a practice with one key per role. */
  practice(name?: string): Promise<{
    id: string;
    keys: Record<'admin' | 'designer' | 'publisher' | 'clinician' | 'viewer', string>;
  }>;
  close(): Promise<void>;
}

/** Starts the real server (HTTP on a free port) on a fresh database of the given kind. */
export async function startServer(
  kind: Kind,
  options: {
    maxBodyBytes?: number;
    existing?: { config: { databaseUrl?: string; dataDir?: string } };
  } = {},
): Promise<TestServer & { drop: () => Promise<void> }> {
  const fresh = options.existing
    ? { ...options.existing, drop: async () => {} }
    : await freshDatabase(kind);
  const handle = openDb(fresh.config);
  await migrate(handle);
  const clock = new Clock();
  const deps: Deps = {
    handle,
    now: clock.now,
    newId: randomUUID,
    library: testLibrary(),
    log: silentLogger,
  };
  const app = createApp(deps, {
    adminToken: ADMIN_TOKEN,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call: TestServer['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  const practice: TestServer['practice'] = async (name = 'Test practice') => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const p = await call('POST', '/api/admin/practices', { body: { name }, headers: auth });
    if (p.status !== 201) throw new Error(`practice: ${JSON.stringify(p.body)}`);
    const keys: Record<string, string> = {};
    for (const role of ['admin', 'designer', 'publisher', 'clinician', 'viewer']) {
      const k = await call('POST', `/api/admin/practices/${p.body.id}/keys`, {
        body: { role },
        headers: auth,
      });
      keys[role] = k.body.key;
    }
    return { id: p.body.id, keys: keys as never };
  };

  return {
    kind,
    url,
    deps,
    handle,
    clock,
    call,
    practice,
    drop: fresh.drop,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await handle.close();
      await fresh.drop();
    },
  };
}

/** Adopts the test pathway, publishes and sets it live; enrols a new patient. */
export async function enrolledPatient(
  s: TestServer,
  keys: Record<string, string>,
  ref = `P-${randomUUID().slice(0, 8)}`,
) {
  const existing = await s.call('GET', '/api/pathways', { key: keys.admin });
  if (!existing.body.some((p: { id: string }) => p.id === 'depression-mini')) {
    await s.call('POST', '/api/pathways', {
      key: keys.designer,
      body: { fromLibrary: 'depression-mini' },
    });
    await s.call('POST', '/api/pathways/depression-mini/versions', {
      key: keys.publisher,
      body: { note: 'first' },
    });
    await s.call('POST', '/api/pathways/depression-mini/live', {
      key: keys.publisher,
      body: { version: 1 },
    });
  }
  const patient = await s.call('POST', '/api/patients', {
    key: keys.clinician,
    body: { externalRef: ref, birthYear: 1980, sex: 'female' },
  });
  const instance = await s.call('POST', '/api/instances', {
    key: keys.clinician,
    body: { patientId: patient.body.id, pathwayId: 'depression-mini' },
  });
  if (instance.status !== 201) throw new Error(`enrol: ${JSON.stringify(instance.body)}`);
  return {
    patientId: patient.body.id as string,
    instanceId: instance.body.id as string,
    instance: instance.body,
  };
}

export const PHQ9_16 = [2, 2, 2, 2, 2, 2, 2, 2, 0];
