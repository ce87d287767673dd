import type { Kysely } from 'kysely';
import type { PathwayDefinition } from '@care-pathways/engine';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { Principal } from '../http/auth.js';
import type { Logger } from '../log.js';

export type Tx = Kysely<Database>;

/** A library pathway the server can adopt. */
export interface LibraryEntry {
  id: string;
  title: string;
  definition: PathwayDefinition;
}

/** What the domain needs from the outside world: storage, a clock, ids, the library, a log. */
export interface Deps {
  handle: Db;
  now: () => string;
  newId: () => string;
  library: LibraryEntry[];
  log: Logger;
}

/** The scheduler acts as this principal; it is recorded in the audit trail like anyone else. */
export const systemActor = (practiceId: string): Principal => ({
  practiceId,
  role: 'admin',
  keyId: 'system:scheduler',
});

export async function audit(
  tx: Tx,
  p: Principal,
  at: string,
  action: string,
  target: string,
  detail?: Record<string, unknown>,
) {
  await tx
    .insertInto('audit')
    .values({
      practice_id: p.practiceId,
      actor: p.keyId,
      role: p.role,
      action,
      target,
      at,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute();
}
