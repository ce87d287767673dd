/**
 * The designer's only door to the server: typed calls over fetch with the signed-in key. Errors
 * arrive in the API's one shape and are thrown as ApiError (code, message, path, problems).
 */
export interface Problem {
  code: string;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

export type Role = 'admin' | 'designer' | 'publisher' | 'clinician' | 'viewer';
export interface Me {
  practiceId: string;
  role: Role;
  keyId: string;
}

export interface PathwaySummary {
  id: string;
  title: string;
  liveVersion: number | null;
  latestVersion: number | null;
  fromLibrary: string | null;
  draftUpdatedAt: string;
}
export interface Validation {
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
}
export interface Draft {
  id: string;
  definition: Record<string, unknown>;
  updatedAt: string;
  validation: Validation;
}
export interface VersionSummary {
  version: number;
  hash: string;
  note: string | null;
  publishedAt: string;
  publishedBy: string;
  live: boolean;
}

export class Api {
  constructor(
    private readonly key: string,
    private readonly base = '',
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const e = data?.error ?? {};
      throw new ApiError(
        res.status,
        e.code ?? 'http.error',
        e.message ?? `HTTP ${res.status}`,
        e.path,
        e.problems,
      );
    }
    return data as T;
  }

  me = () => this.call<Me>('GET', '/me');
  library = () =>
    this.call<{ id: string; title: string; description: string | null }[]>('GET', '/library');
  pathways = () => this.call<PathwaySummary[]>('GET', '/pathways');
  adopt = (fromLibrary: string, id?: string) =>
    this.call<PathwaySummary>('POST', '/pathways', { fromLibrary, ...(id ? { id } : {}) });
  createPathway = (definition: Record<string, unknown>) =>
    this.call<PathwaySummary>('POST', '/pathways', { definition });
  draft = (id: string) => this.call<Draft>('GET', `/pathways/${id}/draft`);
  saveDraft = (id: string, definition: Record<string, unknown>) =>
    this.call<Draft>('PUT', `/pathways/${id}/draft`, { definition });
  versions = (id: string) => this.call<VersionSummary[]>('GET', `/pathways/${id}/versions`);
  version = (id: string, v: number) =>
    this.call<VersionSummary & { definition: Record<string, unknown> }>(
      'GET',
      `/pathways/${id}/versions/${v}`,
    );
  publish = (id: string, note?: string) =>
    this.call<VersionSummary>('POST', `/pathways/${id}/versions`, note ? { note } : {});
  setLive = (id: string, version: number) =>
    this.call<{ liveVersion: number }>('POST', `/pathways/${id}/live`, { version });
  diff = (id: string, from: string, to: string) =>
    this.call<{ equal: boolean; changes: unknown[] }>(
      'GET',
      `/pathways/${id}/diff?from=${from}&to=${to}`,
    );
  tasks = (query: Record<string, string> = {}) =>
    this.call<unknown[]>('GET', `/tasks?${new URLSearchParams(query)}`);
  completeTask = (id: string, body: Record<string, unknown> = {}) =>
    this.call<unknown>('POST', `/tasks/${id}/complete`, body);
  patients = () => this.call<unknown[]>('GET', '/patients');
  patient = (id: string) => this.call<unknown>('GET', `/patients/${id}`);
  instance = (id: string) => this.call<unknown>('GET', `/instances/${id}`);
  timeline = (id: string) => this.call<unknown[]>('GET', `/instances/${id}/timeline`);
  sendEvent = (id: string, event: Record<string, unknown>) =>
    this.call<unknown>('POST', `/instances/${id}/events`, event);
}
