import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Principal } from './http/auth.js';
import { transaction } from './db/connect.js';
import * as admin from './domain/admin.js';
import type { Deps } from './domain/deps.js';
import type { Tx } from './domain/deps.js';
import { applyEvent, createPatient, enrol } from './domain/instances.js';
import { createPathway, publish, setLive } from './domain/pathways.js';
import { DEMO_JOURNEYS } from './demo-journeys.js';

export interface DemoKeys {
  practiceId: string;
  keys: Record<string, string>;
}

/**
 * A demo practice for a fresh embedded database: every library pathway adopted, published and
 * live; one key per role; seven synthetic patients in collaborative care for depression, each with a
 * history (demo-journeys.ts).
 */
export const DEMO_PRACTICE_ID = 'demo-practice';

export async function seedDemo(deps: Deps): Promise<DemoKeys | null> {
  const { db } = deps.handle;
  const any = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  // A fixed id: when several processes seed a fresh database at once, every one but the first
  // hits the primary key and backs off, so there is exactly one demo practice.
  return transaction(deps.handle, async (tx) => {
    const taken = await tx
      .selectFrom('practices')
      .select('id')
      .where('id', '=', DEMO_PRACTICE_ID)
      .executeTakeFirst();
    if (taken) return null;
    const practice = await admin.createPractice(
      tx,
      deps,
      { name: 'Demo Family Practice' },
      DEMO_PRACTICE_ID,
    );
    const keys: Record<string, string> = {};
    for (const role of ['admin', 'designer', 'publisher', 'clinician', 'viewer'] as const) {
      keys[role] = (
        await admin.createKey(tx, deps, practice.id, { role, label: `demo ${role}` })
      ).key;
    }
    const p: Principal = { practiceId: practice.id, role: 'admin', keyId: 'demo-seed' };
    for (const entry of deps.library) {
      await createPathway(tx, deps, p, { fromLibrary: entry.id });
      await publish(tx, deps, p, entry.id, 'Adopted from the library');
      await setLive(tx, deps, p, entry.id, 1);
    }
    await seedJourneys(tx, deps, p);
    return { practiceId: practice.id, keys };
  }).catch(async (e) => {
    // Lost the race to another process seeding at the same moment: its demo practice stands.
    const exists = await db
      .selectFrom('practices')
      .select('id')
      .where('id', '=', DEMO_PRACTICE_ID)
      .executeTakeFirst();
    if (exists) return null;
    throw e;
  });
}

const HOUR = 3_600_000;

/**
 * Plays each demo journey through the domain, as if its events had happened in the past: the
 * domain's clock is moved to each event's time, so due timers fire in order and the audit trail
 * reads as it would have. Overdue timers left at the end fire when the scheduler first runs.
 */
async function seedJourneys(tx: Tx, deps: Deps, p: Principal) {
  const realNow = Date.parse(deps.now());
  for (const journey of DEMO_JOURNEYS) {
    if (!deps.library.some((l) => l.id === journey.pathwayId)) continue;
    const last = journey.events.at(-1);
    const span = last ? (last.day * 24 + (last.hour ?? 0)) * HOUR : 0;
    const startMs = realNow - journey.endsHoursAgo * HOUR - span;
    let clock = startMs;
    const past: Deps = { ...deps, now: () => new Date(clock).toISOString() };
    const patient = await createPatient(tx, past, p, {
      externalRef: journey.ref,
      age: journey.age,
      sex: journey.sex,
      preferredLanguage: 'en',
    });
    const instance = await enrol(tx, past, p, {
      patientId: patient.id,
      pathwayId: journey.pathwayId,
    });
    for (const { day, hour, ...event } of journey.events) {
      clock = startMs + (day * 24 + (hour ?? 0)) * HOUR;
      await applyEvent(tx, past, p, instance.id, { ...event, at: past.now() });
    }
  }
}

/** Demo keys are written beside the embedded database, readable only by this user. */
export function saveDemoKeys(dataDir: string, demo: DemoKeys) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-keys.json');
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return file;
}
