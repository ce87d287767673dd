import { resolveParameters } from '../definition/parameters.js';
import { pathwaySchema, type PathwayDefinition } from '../definition/schema.js';
import { zodProblems } from '../definition/zod-problems.js';
import { factCatalogue } from '../facts/catalogue.js';
import type { JsonLogic } from '../definition/schema.js';
import { at, error, type Problem } from '../problem.js';
import { checkCondition } from './conditions.js';
import { checkGraph } from './graph.js';
import { checkOverlaps } from './overlap.js';
import { checkStructure } from './structure.js';

export interface ValidationResult {
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** The parsed definition (defaults applied) when there are no errors. */
  definition?: PathwayDefinition;
}

export interface ValidateOptions {
  /** A practice's parameter overrides to check against the declared bounds. */
  params?: unknown;
}

/**
 * Validates a pathway definition and returns every problem at once, errors and warnings apart.
 * Never throws, whatever it is given.
 */
export function validatePathway(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return run(input, options);
  } catch (e) {
    // A bug here must not take a caller down; report it as a problem instead.
    return {
      valid: false,
      errors: [error('validator.internal', '$', `the validator failed: ${(e as Error).message}`)],
      warnings: [],
    };
  }
}

function run(input: unknown, options: ValidateOptions): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return done([error('schema.not-object', '$', 'a pathway definition must be a JSON object')]);
  }
  if (
    (input as { schemaVersion?: unknown }).schemaVersion !== undefined &&
    (input as { schemaVersion?: unknown }).schemaVersion !== 1
  ) {
    return done([
      error(
        'schema.version',
        '$.schemaVersion',
        `schemaVersion ${JSON.stringify((input as { schemaVersion?: unknown }).schemaVersion)} is not supported; this engine reads schemaVersion 1`,
      ),
    ]);
  }
  const parsed = pathwaySchema.safeParse(input);
  if (!parsed.success) return done(zodProblems(parsed.error));
  const def = parsed.data;
  const problems: Problem[] = [...checkStructure(def), ...checkGraph(def)];
  const facts = new Map(factCatalogue(def).map((f) => [f.name, f]));
  def.transitions.forEach((t, i) => {
    if (t.when !== undefined)
      problems.push(
        ...checkCondition(t.when as JsonLogic, at(at('$.transitions', i), 'when'), facts),
      );
  });
  if (!problems.some((p) => p.severity === 'error')) problems.push(...checkOverlaps(def, facts));
  if (options.params !== undefined) {
    const r = resolveParameters(def, options.params, '$.params');
    if (!r.ok) problems.push(...r.problems);
  }
  return done(problems, def);
}

function done(problems: Problem[], def?: PathwayDefinition): ValidationResult {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return {
    valid: errors.length === 0,
    errors,
    warnings,
    ...(errors.length === 0 && def ? { definition: def } : {}),
  };
}
