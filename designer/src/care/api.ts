/**
 * Typed calls for the care side of the API (worklist, patients, instances, timelines), on top of
 * the shell's client. Published pathway versions are immutable, so they are cached per session.
 */
import type { Effect, PathwayDefinition, TraceEntry } from '@care-pathways/engine';
import type { Api } from '../api/client.js';

export interface WorkTask {
  id: string;
  instanceId: string;
  patientId: string;
  patientRef: string;
  pathwayId: string;
  node: string;
  role: string;
  title: string;
  priority: 'routine' | 'urgent' | 'emergent';
  due: string | null;
  overdue: boolean;
  instrument: string | null;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  closedAt: string | null;
}

export interface PatientSummary {
  id: string;
  externalRef: string;
  birthYear: number | null;
  age: number | null;
  sex: string | null;
  preferredLanguage: string | null;
  createdAt: string;
}

export interface InstanceSummary {
  id: string;
  pathwayId: string;
  version: number;
  status: 'active' | 'completed' | 'exited';
  node: string;
  startedAt: string;
}

export interface PatientDetail extends PatientSummary {
  instances: InstanceSummary[];
}

export interface InstanceView {
  id: string;
  patientId: string;
  pathwayId: string;
  version: number;
  revision: number;
  status: 'active' | 'completed' | 'exited';
  active: string[];
  outcome: string | null;
  flags: string[];
  facts: Record<string, unknown>;
  open: {
    tasks: {
      id: string;
      node: string;
      role: string;
      title: string;
      priority: string;
      due: string | null;
      instrument?: string;
    }[];
    timers: { id: string; node: string; dueAt: string; purpose: string }[];
    referrals: { id: string; node: string; service: string; urgency: string; status: string }[];
  };
  startedAt: string;
  updatedAt: string;
}

export interface EventResult extends InstanceView {
  effects: Effect[];
}

export interface TimelineEntry {
  seq: number;
  at: string;
  recordedAt: string;
  actor: string;
  event: Record<string, unknown>;
  trace: TraceEntry[];
  effects: Effect[];
}

const versions = new WeakMap<Api, Map<string, Promise<PathwayDefinition>>>();

export function careApi(api: Api) {
  return {
    tasks: (q: Record<string, string>) =>
      api.call<WorkTask[]>('GET', `/tasks?${new URLSearchParams(q)}`),
    completeTask: (id: string, body: Record<string, unknown>) =>
      api.call<EventResult>('POST', `/tasks/${encodeURIComponent(id)}/complete`, body),
    patients: () => api.call<PatientSummary[]>('GET', '/patients'),
    patient: (id: string) => api.call<PatientDetail>('GET', `/patients/${encodeURIComponent(id)}`),
    instance: (id: string) => api.call<InstanceView>('GET', `/instances/${encodeURIComponent(id)}`),
    timeline: (id: string) =>
      api.call<TimelineEntry[]>('GET', `/instances/${encodeURIComponent(id)}/timeline`),
    sendEvent: (id: string, event: Record<string, unknown>) =>
      api.call<EventResult>('POST', `/instances/${encodeURIComponent(id)}/events`, event),
    /** The definition an instance is pinned to (published versions never change). */
    definition(pathwayId: string, version: number): Promise<PathwayDefinition> {
      let cache = versions.get(api);
      if (!cache) versions.set(api, (cache = new Map()));
      const key = `${pathwayId}@${version}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = api
          .call<{ definition: PathwayDefinition }>(
            'GET',
            `/pathways/${encodeURIComponent(pathwayId)}/versions/${version}`,
          )
          .then((v) => v.definition);
        hit.catch(() => cache.delete(key));
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
export type CareApi = ReturnType<typeof careApi>;
