import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/connect.js';
import { ApiError } from './errors.js';

export const ROLES = ['admin', 'designer', 'publisher', 'clinician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  practiceId: string;
  role: Role;
  keyId: string;
}

/** What each role may do. Designing, publishing and setting live are separate permissions. */
export const PERMISSIONS = {
  read: ['admin', 'designer', 'publisher', 'clinician', 'viewer'],
  design: ['admin', 'designer'],
  publish: ['admin', 'publisher'],
  care: ['admin', 'clinician'],
  manage: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export type AuthEnv = { Variables: { principal: Principal } };

/** Keys are random 32-byte secrets; a SHA-256 digest is enough at rest (no low-entropy passwords). */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
export const newKey = () => `cpk_${randomBytes(24).toString('base64url')}`;

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function authenticate(handle: Db): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const key = bearer(c.req.header('authorization'));
    if (!key)
      throw new ApiError(401, 'auth.missing', 'send your API key as "Authorization: Bearer <key>"');
    const row = await handle.db
      .selectFrom('api_keys')
      .select(['id', 'practice_id', 'role', 'revoked_at'])
      .where('hash', '=', hashKey(key))
      .executeTakeFirst();
    if (!row || row.revoked_at)
      throw new ApiError(401, 'auth.invalid', 'this API key is not valid (unknown or revoked)');
    c.set('principal', { practiceId: row.practice_id, role: row.role as Role, keyId: row.id });
    await next();
  };
}

export function can(p: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(p.role);
}

export function requirePermission(p: Principal, permission: Permission): void {
  if (!can(p, permission)) {
    throw new ApiError(
      403,
      'auth.forbidden',
      `the ${p.role} role cannot do this (needs one of: ${PERMISSIONS[permission].join(', ')})`,
    );
  }
}

/** The bootstrap token for /api/admin, compared in constant time. */
export function checkAdminToken(expected: string | undefined, header: string | undefined): void {
  if (!expected)
    throw new ApiError(
      404,
      'admin.disabled',
      'the admin API is off: start the server with ADMIN_TOKEN set',
    );
  const given = bearer(header);
  const a = Buffer.from(hashKey(given ?? ''));
  const b = Buffer.from(hashKey(expected));
  if (!given || !timingSafeEqual(a, b))
    throw new ApiError(401, 'auth.invalid', 'the admin token is not valid');
}
