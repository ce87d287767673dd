import { z } from 'zod';
import type { Principal, Role } from '../http/auth.js';
import { hashKey, newKey, ROLES } from '../http/auth.js';
import { notFound } from '../http/errors.js';
import { audit, type Deps, type Tx } from './deps.js';

export const createPracticeBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export const createKeyBody = z
  .object({ role: z.enum(ROLES), label: z.string().trim().min(1).max(100).optional() })
  .strict();

const bootstrap = (practiceId: string): Principal => ({
  practiceId,
  role: 'admin',
  keyId: 'admin-token',
});

export async function createPractice(
  tx: Tx,
  deps: Deps,
  body: z.infer<typeof createPracticeBody>,
  fixedId?: string,
) {
  const id = fixedId ?? deps.newId();
  const now = deps.now();
  await tx.insertInto('practices').values({ id, name: body.name, created_at: now }).execute();
  await audit(tx, bootstrap(id), now, 'practice.create', `practice:${id}`);
  return { id, name: body.name, createdAt: now };
}

/** Returns the new key once; only its hash is stored. */
export async function createKey(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  body: z.infer<typeof createKeyBody>,
  actor?: Principal,
) {
  const practice = await tx
    .selectFrom('practices')
    .select('id')
    .where('id', '=', practiceId)
    .executeTakeFirst();
  if (!practice) throw notFound('practice', practiceId);
  const key = newKey();
  const id = deps.newId();
  const now = deps.now();
  await tx
    .insertInto('api_keys')
    .values({
      id,
      practice_id: practiceId,
      role: body.role as Role,
      hash: hashKey(key),
      label: body.label ?? null,
      created_at: now,
      revoked_at: null,
    })
    .execute();
  await audit(tx, actor ?? bootstrap(practiceId), now, 'key.create', `key:${id}`, {
    role: body.role,
  });
  return { id, practiceId, role: body.role, label: body.label ?? null, key, createdAt: now };
}
