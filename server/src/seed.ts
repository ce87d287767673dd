import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Principal } from './http/auth.js';
import { transaction } from './db/connect.js';
import * as admin from './domain/admin.js';
import type { Deps } from './domain/deps.js';
import { applyEvent, createPatient, enrol } from './domain/instances.js';
import { createPathway, publish, setLive } from './domain/pathways.js';

export interface DemoKeys {
  practiceId: string;
  keys: Record<string, string>;
}

/**
 * A demo practice for a fresh embedded database: every library pathway adopted, published and
 * live; one key per role; three synthetic patients in collaborative care for depression.
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
    if (deps.library.some((l) => l.id === 'cocm-depression')) {
      const enrolIn = async (ref: string, age: number, sex: 'female' | 'male') => {
        const patient = await createPatient(tx, deps, p, {
          externalRef: ref,
          age,
          sex,
          preferredLanguage: 'en',
        });
        return enrol(tx, deps, p, { patientId: patient.id, pathwayId: 'cocm-depression' });
      };
      await enrolIn('DEMO-001', 52, 'female');
      const second = await enrolIn('DEMO-002', 34, 'male');
      await applyEvent(tx, deps, p, second.id, {
        type: 'instrument.completed',
        instrument: 'phq2',
        answers: [2, 2],
      }).catch(() => undefined);
      const third = await enrolIn('DEMO-003', 67, 'female');
      await applyEvent(tx, deps, p, third.id, {
        type: 'instrument.completed',
        instrument: 'phq2',
        answers: [3, 2],
      }).catch(() => undefined);
      await applyEvent(tx, deps, p, third.id, {
        type: 'instrument.completed',
        instrument: 'phq9',
        answers: [2, 3, 2, 2, 1, 2, 1, 1, 1],
      }).catch(() => undefined);
    }
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

/** Demo keys are written beside the embedded database, readable only by this user. */
export function saveDemoKeys(dataDir: string, demo: DemoKeys) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-keys.json');
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return file;
}
