import type { Permission } from '../src/http/auth.js';

/**
 * Every authenticated route, with the permission it needs and a request that would succeed for
 * a practice that owns `ids`. tenancy.test.ts checks this table covers every route the app
 * registers, so a new route cannot skip the tenancy and role checks.
 */
export interface Ids {
  pathway: string;
  patient: string;
  instance: string;
  task: string;
}

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT';
  pattern: string;
  permission: Permission;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** Has ids of another practice's rows (tenancy must answer 404). */
  scoped: boolean;
}

export const ROUTES: RouteCase[] = [
  { method: 'GET', pattern: '/api/me', permission: 'read', path: () => '/api/me', scoped: false },
  {
    method: 'GET',
    pattern: '/api/library',
    permission: 'read',
    path: () => '/api/library',
    scoped: false,
  },
  {
    method: 'GET',
    pattern: '/api/pathways',
    permission: 'read',
    path: () => '/api/pathways',
    scoped: false,
  },
  {
    method: 'POST',
    pattern: '/api/pathways',
    permission: 'design',
    path: () => '/api/pathways',
    body: () => ({ fromLibrary: 'depression-mini', id: 'another-copy' }),
    scoped: false,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/draft',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/draft`,
    scoped: true,
  },
  {
    method: 'PUT',
    pattern: '/api/pathways/:id/draft',
    permission: 'design',
    path: (i) => `/api/pathways/${i.pathway}/draft`,
    body: (i) => ({ definition: { id: i.pathway } }),
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/pathways/:id/validate',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/validate`,
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/pathways/:id/versions',
    permission: 'publish',
    path: (i) => `/api/pathways/${i.pathway}/versions`,
    body: () => ({ note: 'x' }),
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/versions',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/versions`,
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/versions/:version',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/versions/1`,
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/pathways/:id/live',
    permission: 'publish',
    path: (i) => `/api/pathways/${i.pathway}/live`,
    body: () => ({ version: 1 }),
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/diff',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/diff?from=1&to=1`,
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/export',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/export`,
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/patients',
    permission: 'care',
    path: () => '/api/patients',
    body: () => ({ externalRef: `R-${Math.random()}` }),
    scoped: false,
  },
  {
    method: 'GET',
    pattern: '/api/patients',
    permission: 'read',
    path: () => '/api/patients',
    scoped: false,
  },
  {
    method: 'GET',
    pattern: '/api/patients/:id',
    permission: 'read',
    path: (i) => `/api/patients/${i.patient}`,
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/instances',
    permission: 'care',
    path: () => '/api/instances',
    body: (i) => ({ patientId: i.patient, pathwayId: i.pathway }),
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/instances/:id',
    permission: 'read',
    path: (i) => `/api/instances/${i.instance}`,
    scoped: true,
  },
  {
    method: 'POST',
    pattern: '/api/instances/:id/events',
    permission: 'care',
    path: (i) => `/api/instances/${i.instance}/events`,
    body: () => ({ type: 'contact.logged', role: 'care-manager', minutes: 5 }),
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/instances/:id/timeline',
    permission: 'read',
    path: (i) => `/api/instances/${i.instance}/timeline`,
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/tasks',
    permission: 'read',
    path: () => '/api/tasks',
    scoped: false,
  },
  {
    method: 'POST',
    pattern: '/api/tasks/:id/complete',
    permission: 'care',
    path: (i) => `/api/tasks/${i.task}/complete`,
    body: () => ({ answers: [0, 0] }),
    scoped: true,
  },
  {
    method: 'GET',
    pattern: '/api/registry',
    permission: 'read',
    path: () => '/api/registry',
    scoped: false,
  },
  {
    method: 'GET',
    pattern: '/api/pathways/:id/traffic',
    permission: 'read',
    path: (i) => `/api/pathways/${i.pathway}/traffic?version=1`,
    scoped: true,
  },
];
