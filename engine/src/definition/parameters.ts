import type { PathwayDefinition } from './schema.js';
import { at, error, fail, ok, type Problem, type Result } from '../problem.js';

export type ParameterValues = Record<string, number | boolean>;

/**
 * A practice's overrides merged over the defaults. Overrides must name declared parameters, have
 * the declared type and stay within the declared bounds: tailoring can move a threshold, never
 * outside what the pathway's authors judged clinically safe.
 */
export function resolveParameters(
  def: Pick<PathwayDefinition, 'parameters'>,
  overrides: unknown = {},
  root = '$',
): Result<ParameterValues> {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return fail([
      error('param.not-object', root, 'parameter overrides must be an object of name → value'),
    ]);
  }
  const problems: Problem[] = [];
  const values: ParameterValues = {};
  for (const [name, p] of Object.entries(def.parameters)) values[name] = p.default;
  for (const [name, value] of Object.entries(overrides as Record<string, unknown>)) {
    const path = at(root, name);
    const p = def.parameters[name];
    if (!p) {
      const known = Object.keys(def.parameters);
      problems.push(
        error(
          'param.unknown',
          path,
          `"${name}" is not a parameter of this pathway${known.length ? ` (parameters: ${known.join(', ')})` : ''}`,
        ),
      );
      continue;
    }
    const problem = checkValue(name, p, value, path);
    if (problem) problems.push(problem);
    else values[name] = value as number | boolean;
  }
  return problems.length ? fail(problems) : ok(values);
}

export function checkValue(
  name: string,
  p: PathwayDefinition['parameters'][string],
  value: unknown,
  path: string,
): Problem | null {
  if (p.type === 'boolean') {
    return typeof value === 'boolean'
      ? null
      : error('param.type', path, `${name} must be true or false`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return error('param.type', path, `${name} must be a number`);
  if (p.type === 'integer' && !Number.isInteger(value))
    return error('param.type', path, `${name} must be a whole number`);
  if ((p.min !== undefined && value < p.min) || (p.max !== undefined && value > p.max)) {
    const range = `${p.min ?? '−∞'}–${p.max ?? '∞'}`;
    return error(
      'param.out-of-bounds',
      path,
      `${name} must be within ${range}${p.unit ? ` ${p.unit}` : ''} (got ${value})`,
    );
  }
  return null;
}
