import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { zodToProblems } from './zod.js';

/** Reads and validates a JSON body: malformed JSON and schema mismatches are 400s with a path. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json'))
    throw new ApiError(
      415,
      'request.unsupported-media-type',
      'send the body as JSON with Content-Type: application/json',
    );
  const text = await c.req.text();
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : undefined;
  } catch (e) {
    throw new ApiError(
      400,
      'request.invalid-json',
      `the body is not valid JSON: ${(e as Error).message}`,
      '$',
    );
  }
  if (value === undefined)
    throw new ApiError(400, 'request.empty', 'this request needs a JSON body', '$');
  const r = schema.safeParse(value);
  if (!r.success) throw ApiError.fromProblems(400, zodToProblems(r.error));
  return r.data;
}
