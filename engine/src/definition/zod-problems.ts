import type { z } from 'zod';
import { at, error, type Problem } from '../problem.js';

/** zod issues → problems with JSON paths (`$.nodes[2].kind`) and stable codes (`schema.<issue>`). */
export function zodProblems(err: z.ZodError, root = '$'): Problem[] {
  return err.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (p, k) => at(p, typeof k === 'symbol' ? String(k) : k),
      root,
    );
    return error(`schema.${issue.code.replace(/_/g, '-')}`, path, messageOf(issue));
  });
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator)
        return `unknown ${String(issue.discriminator)}`;
      return issue.message;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    default:
      return issue.message;
  }
}
