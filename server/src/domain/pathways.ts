import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  canonical,
  diffPathways,
  resolveParameters,
  validatePathway,
  type PathwayDefinition,
  type ValidationResult,
} from '@care-pathways/engine';
import type { Principal } from '../http/auth.js';
import { ApiError, notFound } from '../http/errors.js';
import { audit, type Deps, type Tx } from './deps.js';

const slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(64);

export const createPathwayBody = z.union([
  z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
  z
    .object({
      fromLibrary: slug,
      id: slug.optional(),
      title: z.string().min(1).max(200).optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);
export const putDraftBody = z.object({ definition: z.record(z.string(), z.unknown()) }).strict();
export const publishBody = z
  .object({ note: z.string().trim().min(1).max(2000).optional() })
  .strict();
export const liveBody = z.object({ version: z.number().int().positive() }).strict();

const cache = new Map<string, PathwayDefinition>();

/** A published version's definition, parsed once (versions are immutable, keyed by content hash). */
export function parsedVersion(hash: string, json: string): PathwayDefinition {
  let def = cache.get(hash);
  if (!def) {
    const v = validatePathway(JSON.parse(json));
    if (!v.definition) throw new Error(`stored version ${hash} no longer validates`);
    def = v.definition;
    cache.set(hash, def);
  }
  return def;
}

export const hashDefinition = (def: unknown) =>
  `sha256:${createHash('sha256').update(canonical(def)).digest('hex')}`;

function invalid(v: ValidationResult): ApiError {
  return ApiError.fromProblems(
    422,
    v.errors.map((e) => ({
      ...e,
      code: `pathway.${e.code}`,
      path: e.path.replace(/^\$/, '$.definition'),
    })),
  );
}

async function pathwayRow(tx: Tx, p: Principal, id: string) {
  const row = await tx
    .selectFrom('pathways')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('pathway', id);
  return row;
}

export async function listPathways(tx: Tx, p: Principal) {
  const rows = await tx
    .selectFrom('pathways')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .orderBy('id')
    .execute();
  const latest = await tx
    .selectFrom('pathway_versions')
    .select(['pathway_id', (eb) => eb.fn.max('version').as('latest')])
    .where('practice_id', '=', p.practiceId)
    .groupBy('pathway_id')
    .execute();
  const latestBy = new Map(latest.map((r) => [r.pathway_id, Number(r.latest)]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    liveVersion: r.live_version,
    latestVersion: latestBy.get(r.id) ?? null,
    fromLibrary: r.from_library,
    draftUpdatedAt: r.draft_updated_at,
    createdAt: r.created_at,
  }));
}

export async function createPathway(
  tx: Tx,
  deps: Deps,
  p: Principal,
  body: z.infer<typeof createPathwayBody>,
) {
  const now = deps.now();
  let definition: Record<string, unknown>;
  let fromLibrary: string | null = null;
  if ('fromLibrary' in body) {
    const entry = deps.library.find((l) => l.id === body.fromLibrary);
    if (!entry)
      throw new ApiError(
        404,
        'library.not-found',
        `no library pathway "${body.fromLibrary}" (available: ${deps.library.map((l) => l.id).join(', ')})`,
        '$.fromLibrary',
      );
    const params = resolveParameters(entry.definition, body.parameters ?? {}, '$.parameters');
    if (!params.ok) throw ApiError.fromProblems(422, params.problems);
    // Adopting = the library definition with this practice's values as its parameter defaults.
    const parameters = Object.fromEntries(
      Object.entries(entry.definition.parameters).map(([k, v]) => [
        k,
        { ...v, default: params.value[k]! },
      ]),
    );
    definition = {
      ...structuredClone(entry.definition),
      id: body.id ?? entry.id,
      ...(body.title ? { title: body.title } : {}),
      parameters,
    };
    fromLibrary = entry.id;
  } else {
    definition = body.definition;
  }
  const v = validatePathway(definition);
  if (!v.valid) throw invalid(v);
  const def = v.definition!;
  const exists = await tx
    .selectFrom('pathways')
    .select('id')
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', def.id)
    .executeTakeFirst();
  if (exists)
    throw new ApiError(
      409,
      'pathway.exists',
      `this practice already has a pathway "${def.id}"; edit its draft, or adopt it under another "id"`,
      'fromLibrary' in body ? '$.id' : '$.definition.id',
    );
  await tx
    .insertInto('pathways')
    .values({
      practice_id: p.practiceId,
      id: def.id,
      title: def.title,
      draft: JSON.stringify(definition),
      draft_updated_at: now,
      live_version: null,
      from_library: fromLibrary,
      created_at: now,
    })
    .execute();
  await audit(
    tx,
    p,
    now,
    'pathway.create',
    `pathway:${def.id}`,
    fromLibrary ? { fromLibrary } : undefined,
  );
  return {
    id: def.id,
    title: def.title,
    fromLibrary,
    liveVersion: null,
    latestVersion: null,
    validation: summary(v),
  };
}

const summary = (v: ValidationResult) => ({
  valid: v.valid,
  errors: v.errors,
  warnings: v.warnings,
});

export async function getDraft(tx: Tx, p: Principal, id: string) {
  const row = await pathwayRow(tx, p, id);
  const definition = JSON.parse(row.draft);
  return {
    id,
    definition,
    updatedAt: row.draft_updated_at,
    validation: summary(validatePathway(definition)),
  };
}

/** Drafts may be saved while invalid (work in progress); the response says what is wrong. */
export async function putDraft(
  tx: Tx,
  deps: Deps,
  p: Principal,
  id: string,
  body: z.infer<typeof putDraftBody>,
) {
  await pathwayRow(tx, p, id);
  if (body.definition.id !== undefined && body.definition.id !== id) {
    throw new ApiError(
      422,
      'pathway.id-mismatch',
      `the definition's id "${String(body.definition.id)}" is not this pathway's id "${id}"`,
      '$.definition.id',
    );
  }
  const now = deps.now();
  const v = validatePathway(body.definition);
  const title =
    typeof body.definition.title === 'string' && body.definition.title
      ? body.definition.title
      : undefined;
  await tx
    .updateTable('pathways')
    .set({
      draft: JSON.stringify(body.definition),
      draft_updated_at: now,
      ...(title ? { title } : {}),
    })
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .execute();
  await audit(tx, p, now, 'pathway.draft.save', `pathway:${id}`, { valid: v.valid });
  return { id, definition: body.definition, updatedAt: now, validation: summary(v) };
}

export async function publish(tx: Tx, deps: Deps, p: Principal, id: string, note?: string) {
  const row = await pathwayRow(tx, p, id);
  const draft = JSON.parse(row.draft);
  const v = validatePathway(draft);
  if (!v.valid) throw invalid(v);
  const hash = hashDefinition(v.definition);
  const last = await tx
    .selectFrom('pathway_versions')
    .select(['version', 'hash'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (last?.hash === hash)
    throw new ApiError(
      409,
      'pathway.unchanged',
      `the draft is identical to version ${last.version}; nothing to publish`,
    );
  const version = (last?.version ?? 0) + 1;
  const now = deps.now();
  await tx
    .insertInto('pathway_versions')
    .values({
      practice_id: p.practiceId,
      pathway_id: id,
      version,
      definition: JSON.stringify(v.definition),
      hash,
      note: note ?? null,
      published_by: p.keyId,
      published_at: now,
    })
    .execute();
  await audit(tx, p, now, 'pathway.publish', `pathway:${id}@${version}`, { hash });
  return {
    pathwayId: id,
    version,
    hash,
    note: note ?? null,
    publishedAt: now,
    publishedBy: p.keyId,
    live: false,
  };
}

export async function listVersions(tx: Tx, p: Principal, id: string) {
  const row = await pathwayRow(tx, p, id);
  const rows = await tx
    .selectFrom('pathway_versions')
    .select(['version', 'hash', 'note', 'published_at', 'published_by'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    hash: r.hash,
    note: r.note,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    live: r.version === row.live_version,
  }));
}

export async function getVersion(tx: Tx, p: Principal, id: string, version: number) {
  const row = await pathwayRow(tx, p, id);
  const v = await tx
    .selectFrom('pathway_versions')
    .selectAll()
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!v) throw notFound('version', `${id}@${version}`);
  return {
    pathwayId: id,
    version: v.version,
    hash: v.hash,
    note: v.note,
    publishedAt: v.published_at,
    publishedBy: v.published_by,
    live: v.version === row.live_version,
    definition: JSON.parse(v.definition),
  };
}

export async function setLive(tx: Tx, deps: Deps, p: Principal, id: string, version: number) {
  await getVersion(tx, p, id, version);
  const now = deps.now();
  await tx
    .updateTable('pathways')
    .set({ live_version: version })
    .where('practice_id', '=', p.practiceId)
    .where('id', '=', id)
    .execute();
  await audit(tx, p, now, 'pathway.live', `pathway:${id}@${version}`);
  return { pathwayId: id, liveVersion: version };
}

/** A side of a diff: a version number, or `draft`. */
async function side(
  tx: Tx,
  p: Principal,
  id: string,
  which: string,
  param: string,
): Promise<PathwayDefinition> {
  if (which === 'draft') {
    const d = await getDraft(tx, p, id);
    const v = validatePathway(d.definition);
    if (!v.valid)
      throw new ApiError(
        422,
        'pathway.draft-invalid',
        'the draft is not valid, so it cannot be compared; fix it first',
        `$.${param}`,
      );
    return v.definition!;
  }
  if (!/^\d+$/.test(which))
    throw new ApiError(
      400,
      'request.invalid-query',
      `${param} must be a version number or "draft"`,
      `$.${param}`,
    );
  return validatePathway((await getVersion(tx, p, id, Number(which))).definition).definition!;
}

export async function diff(
  tx: Tx,
  p: Principal,
  id: string,
  from: string | undefined,
  to: string | undefined,
) {
  if (!from || !to)
    throw new ApiError(
      400,
      'request.invalid-query',
      'give both ?from= and ?to= (version numbers or "draft")',
      from ? '$.to' : '$.from',
    );
  const d = diffPathways(await side(tx, p, id, from, 'from'), await side(tx, p, id, to, 'to'));
  return { pathwayId: id, from, to, ...d };
}

export async function exportDefinition(
  tx: Tx,
  p: Principal,
  id: string,
  version: string | undefined,
) {
  if (version === undefined || version === 'draft') return (await getDraft(tx, p, id)).definition;
  if (!/^\d+$/.test(version))
    throw new ApiError(
      400,
      'request.invalid-query',
      'version must be a number or "draft"',
      '$.version',
    );
  return (await getVersion(tx, p, id, Number(version))).definition;
}

export async function liveOrNamedVersion(tx: Tx, p: Principal, id: string, version?: number) {
  const row = await pathwayRow(tx, p, id);
  const n = version ?? row.live_version;
  if (n === null || n === undefined)
    throw new ApiError(
      409,
      'pathway.no-live-version',
      `pathway "${id}" has no live version yet: publish one and set it live, or name a version`,
      '$.pathwayId',
    );
  const v = await tx
    .selectFrom('pathway_versions')
    .select(['version', 'hash', 'definition'])
    .where('practice_id', '=', p.practiceId)
    .where('pathway_id', '=', id)
    .where('version', '=', n)
    .executeTakeFirst();
  if (!v)
    throw new ApiError(
      404,
      'version.not-found',
      `pathway "${id}" has no version ${n}`,
      '$.version',
    );
  return { version: v.version, hash: v.hash, definition: parsedVersion(v.hash, v.definition) };
}
