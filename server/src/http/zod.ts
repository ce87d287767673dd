import type { z } from 'zod';
import type { Problem } from '@care-pathways/engine';

const at = (path: string, key: PropertyKey) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(String(key))
      ? `${path}.${String(key)}`
      : `${path}[${JSON.stringify(String(key))}]`;

/** zod issues → problems with `request.*` codes and JSON paths. */
export function zodToProblems(err: z.ZodError): Problem[] {
  return err.issues.map((i) => {
    const path = i.path.reduce<string>(at, '$');
    const message =
      i.code === 'unrecognized_keys'
        ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`
        : i.code === 'invalid_type' && i.input === undefined
          ? `is required`
          : i.message;
    return {
      code: `request.${i.code.replace(/_/g, '-')}`,
      path,
      message,
      severity: 'error' as const,
    };
  });
}
