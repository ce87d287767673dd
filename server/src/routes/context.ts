import type { Context } from 'hono';
import type { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { zodToProblems } from '../http/zod.js';
import type { Deps, Tx } from '../domain/deps.js';
import { transaction } from '../db/connect.js';

export type Env = AuthEnv;

/** Runs a state-changing handler in one transaction: all of it is written, or none of it. */
export const inTx = <T>(deps: Deps, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  transaction(deps.handle, fn);

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) throw ApiError.fromProblems(400, zodToProblems(r.error));
  return r.data;
}

export function intParam(c: Context, name: string): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d+$/.test(raw))
    throw new ApiError(
      400,
      'request.invalid-param',
      `${name} must be a positive whole number`,
      `$.${name}`,
    );
  return Number(raw);
}

/** `If-Match: 3` (or `"3"`): the revision the client last saw. */
export function expectedRevision(c: Context): number | undefined {
  const h = c.req.header('if-match');
  if (h === undefined) return undefined;
  const m = /^"?(\d+)"?$/.exec(h.trim());
  if (!m)
    throw new ApiError(
      400,
      'request.invalid-header',
      'If-Match must be the instance revision, e.g. If-Match: "3"',
      '$.headers.if-match',
    );
  return Number(m[1]);
}
