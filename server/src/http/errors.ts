import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@care-pathways/engine';

/**
 * The one error shape of the API: `{ error: { code, message, path?, problems? } }`. `code` is
 * stable, `path` is the JSON path of the field at fault, `problems` lists every problem when there
 * are several (validation). Domain code throws `ApiError`; nothing else reaches clients.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromProblems(status: ContentfulStatusCode, problems: Problem[]): ApiError {
    const first = problems[0]!;
    const message =
      problems.length > 1
        ? `${first.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : first.message;
    return new ApiError(status, first.code, message, first.path, problems);
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, `${what}.not-found`, `no ${what} "${id}" in this practice`);

export function errorBody(e: ApiError) {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.path ? { path: e.path } : {}),
      ...(e.problems && e.problems.length > 1 ? { problems: e.problems } : {}),
    },
  };
}

export function toResponse(c: Context, err: unknown, log: (e: unknown) => void) {
  if (err instanceof ApiError) return c.json(errorBody(err), err.status);
  log(err);
  return c.json(
    {
      error: { code: 'internal', message: 'something went wrong on our side; it has been logged' },
    },
    500,
  );
}
