import { createRequire } from 'node:module';
import { z } from 'zod';
import { PERMISSIONS, ROLES, type Permission } from './http/auth.js';
import { componentSchemas, type JsonSchema } from './openapi-schemas.js';
import { ROUTES } from './openapi-routes.js';

/**
 * The OpenAPI 3.1 document of the API, built from the route table in openapi-routes.ts and the
 * zod schemas the routes validate with (openapi-schemas.ts). Served at /api/openapi.json.
 */

export type Method = 'get' | 'post' | 'put';
/** Who may call: nobody needs a key, the admin token, or an API key with this permission. */
export type Access = 'public' | 'admin-token' | Permission;
/** An error code and what it means for this operation. */
export type ErrorCase = readonly [code: string, meaning: string];
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500;

export interface RouteSpec {
  method: Method;
  /** OpenAPI style: `/api/pathways/{id}/draft`. */
  path: string;
  tag: string;
  operationId: string;
  summary: string;
  /** Markdown, for a practice's implementer. Roles and error codes are added automatically. */
  description: string;
  access: Access;
  /** Path parameter → description (every `{name}` in the path must have one). */
  params?: Record<string, string>;
  /** Query parameters: a zod object (the route's own where it has one) and notes per field. */
  query?: { schema: z.ZodObject; notes: Record<string, string> };
  /** Takes `If-Match: <revision>` (optimistic concurrency). */
  ifMatch?: true;
  body?: {
    /** Component name of the request schema. */
    component: string;
    /** The zod schema the route parses the body with (the examples are checked against it). */
    zod: z.ZodType;
    /** An empty body is fine (the route then uses defaults). */
    optional?: true;
    examples: Record<string, { summary: string; value: unknown }>;
  };
  ok: {
    status: 200 | 201;
    description: string;
    /** A component name, an inline JSON Schema, or nothing (`contentType` then says what). */
    schema?: string | JsonSchema;
    contentType?: string;
    headers?: Record<string, string>;
  };
  /** Other documented responses that are not the error shape (e.g. 503 of /readyz). */
  other?: Record<number, { description: string; schema: string }>;
  errors?: Partial<Record<ErrorStatus, ErrorCase[]>>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemaOf = (s: string | JsonSchema) => (typeof s === 'string' ? ref(s) : s);

const ALL_ROLES = ROLES.length;
const rolesOf = (p: Permission): readonly string[] => PERMISSIONS[p];

/** The role line of an operation's description. */
function whoMayCall(access: Access): string {
  if (access === 'public') return '**Authentication:** none.';
  if (access === 'admin-token')
    return '**Authentication:** the admin token the server was started with (`ADMIN_TOKEN`), not an API key.';
  const roles = rolesOf(access);
  return roles.length === ALL_ROLES
    ? `**Roles:** any role (permission \`${access}\`).`
    : `**Roles:** ${roles.map((r) => `\`${r}\``).join(', ')} (permission \`${access}\`).`;
}

/** Route-specific error cases plus the ones every route of its kind can answer. */
function errorCases(spec: RouteSpec): Map<ErrorStatus, ErrorCase[]> {
  const cases = new Map<ErrorStatus, ErrorCase[]>();
  const add = (status: ErrorStatus, ...list: ErrorCase[]) =>
    cases.set(status, [...(cases.get(status) ?? []), ...list]);
  if (spec.body) {
    add(
      400,
      ['request.invalid-json', 'the body is not valid JSON'],
      ...(spec.body.optional
        ? []
        : [['request.empty', 'the body is missing'] as const satisfies ErrorCase]),
      [
        'request.*',
        'the body does not match the schema (e.g. `request.invalid-type`, `request.unrecognized-keys`); `path` names the field and `problems` lists every mismatch',
      ],
    );
  }
  for (const [status, list] of Object.entries(spec.errors ?? {}))
    add(Number(status) as ErrorStatus, ...list);
  if (spec.access === 'admin-token') {
    add(401, ['auth.invalid', 'the admin token is missing or wrong']);
    add(404, [
      'admin.disabled',
      'the server was started without ADMIN_TOKEN: the admin API is off',
    ]);
  } else if (spec.access !== 'public') {
    add(
      401,
      ['auth.missing', 'no `Authorization: Bearer <key>` header'],
      ['auth.invalid', 'the API key is unknown or revoked'],
    );
    if (rolesOf(spec.access).length < ALL_ROLES)
      add(403, [
        'auth.forbidden',
        `the key's role may not do this (needs one of: ${rolesOf(spec.access).join(', ')})`,
      ]);
  }
  if (spec.body) {
    add(413, ['request.too-large', 'the body is larger than the limit (1 MiB by default)']);
    add(415, [
      'request.unsupported-media-type',
      'send the body with `Content-Type: application/json`',
    ]);
  }
  add(500, ['internal', 'a fault on our side; it has been logged (nothing was changed)']);
  return cases;
}

function errorResponse(list: ErrorCase[]) {
  const [code, message] = list.find(([c]) => !c.includes('*')) ?? list[0]!;
  return {
    description: list.map(([c, meaning]) => `- \`${c}\`: ${meaning}`).join('\n'),
    content: {
      'application/json': { schema: ref('Error'), example: { error: { code, message } } },
    },
  };
}

function parameters(spec: RouteSpec) {
  const out: JsonSchema[] = [];
  for (const m of spec.path.matchAll(/\{(\w+)\}/g)) {
    const name = m[1]!;
    out.push({
      name,
      in: 'path',
      required: true,
      description: spec.params?.[name] ?? name,
      schema: name === 'version' ? { type: 'integer', minimum: 1 } : { type: 'string' },
    });
  }
  if (spec.query) {
    const json = z.toJSONSchema(spec.query.schema, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchema;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(json.properties as Record<string, JsonSchema>)) {
      out.push({
        name,
        in: 'query',
        required: required.has(name),
        description: spec.query.notes[name] ?? name,
        schema,
      });
    }
  }
  if (spec.ifMatch) {
    out.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The instance `revision` you last saw, e.g. `"3"` or `3`. If the instance has changed since, the event is refused with 409 `instance.conflict` and nothing is recorded: reload the instance and decide again. Recommended whenever a person acted on what they saw.',
      schema: { type: 'string', pattern: '^"?\\d+"?$' },
      example: '"3"',
    });
  }
  return out;
}

function operation(spec: RouteSpec) {
  const responses: Record<string, unknown> = {
    [spec.ok.status]: {
      description: spec.ok.description,
      ...(spec.ok.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.ok.headers).map(([h, d]) => [
                h,
                { description: d, schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
      content: {
        [spec.ok.contentType ?? 'application/json']: spec.ok.schema
          ? { schema: schemaOf(spec.ok.schema) }
          : {},
      },
    },
  };
  for (const [status, o] of Object.entries(spec.other ?? {}))
    responses[status] = {
      description: o.description,
      content: { 'application/json': { schema: ref(o.schema) } },
    };
  for (const [status, list] of [...errorCases(spec)].sort(([a], [b]) => a - b))
    responses[status] = errorResponse(list);

  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: `${spec.description}\n\n${whoMayCall(spec.access)}`,
    ...(spec.access === 'public'
      ? { security: [] }
      : spec.access === 'admin-token'
        ? { security: [{ adminToken: [] }] }
        : { 'x-permission': spec.access, 'x-roles': rolesOf(spec.access) }),
    ...(spec.path.includes('{') || spec.query || spec.ifMatch
      ? { parameters: parameters(spec) }
      : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.body.optional,
            ...(spec.body.optional
              ? { description: 'Optional: send no body at all to use the defaults.' }
              : {}),
            content: {
              'application/json': {
                schema: ref(spec.body.component),
                examples: spec.body.examples,
              },
            },
          },
        }
      : {}),
    responses,
  };
}

const TAGS = [
  ['Health', 'Liveness and readiness probes (outside /api, no authentication).'],
  ['Documentation', 'This document and the interactive reference.'],
  ['Admin', 'Bootstrap a practice and its API keys with the admin token.'],
  ['Account', 'The API key you are using.'],
  ['Library', 'Ready-made pathways a practice can adopt and tailor.'],
  ['Pathways', 'Design, validate, publish and set live your practice’s pathways.'],
  ['Patients', 'The patients of your practice (by your own reference; no names).'],
  ['Instances', 'A patient’s progress through a pathway: enrol, record events, read the timeline.'],
  ['Tasks', 'The worklist: what each role has to do next.'],
  [
    'Registry',
    'The caseload: scores, change, contact and flags of every active patient, risk first.',
  ],
] as const;

function introduction(): string {
  const rows = ROLES.map(
    (role) =>
      `| \`${role}\` | ${(Object.keys(PERMISSIONS) as Permission[])
        .filter((p) => rolesOf(p).includes(role))
        .map((p) => `\`${p}\``)
        .join(', ')} |`,
  );
  return [
    'Care pathways for integrated mental-health care in primary care: a practice adopts or designs pathways, publishes them as immutable versions, enrols patients, records what happens (screening answers, completed tasks, referrals, contacts), and works from the task list the pathways produce.',
    '',
    '## Authentication',
    'Every `/api` call except this document and the reference page needs an API key of your practice: `Authorization: Bearer cpk_…`. A key belongs to one practice and has one role; data of other practices is invisible (404). Keys are made with the admin API (`/api/admin`, which takes the separate admin token) and are shown once.',
    '',
    '| Role | Permissions |',
    '| --- | --- |',
    ...rows,
    '',
    'Permissions: `read` everything of the practice; `design` create pathways and edit drafts; `publish` publish versions and set the live one; `care` register patients, enrol them, record events and complete tasks; `manage` administer the practice.',
    '',
    '## Errors',
    'Every error has one shape: `{ "error": { "code", "message", "path"?, "problems"? } }`. Branch on `code` (stable); show `message` to people; `path` is the JSON path of the field at fault and `problems` lists every problem when there are several. Families: `request.*` malformed request (400, 413, 415), `auth.*` (401, 403), `<thing>.not-found` (404), conflicts (409: `pathway.exists`, `pathway.unchanged`, `patient.exists`, `instance.conflict`, `task.closed`, …), refusals by the pathway rules (422: `pathway.*`, `event.*`, `task.*`).',
    '',
    '## Conventions',
    'Bodies are JSON (`Content-Type: application/json`, at most 1 MiB by default). Times are ISO 8601 date-times (UTC in responses). Every change happens in one transaction: it is recorded completely, or (on any error) not at all.',
  ].join('\n');
}

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

/** Builds the document (pure: the same every time). */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of ROUTES) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Care Pathways API',
      version: pkg.version,
      description: introduction(),
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: TAGS.map(([name, description]) => ({ name, description })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'cpk_…',
          description: 'An API key of your practice (its role decides what it may do).',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token (`ADMIN_TOKEN`), for /api/admin only.',
        },
      },
      schemas: componentSchemas(),
    },
  };
}

let cached: string | undefined;
/** The document as JSON text, built once. */
export const openApiJson = () => (cached ??= JSON.stringify(buildOpenApiDocument()));
