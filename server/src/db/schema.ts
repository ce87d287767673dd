import type { Generated } from 'kysely';

/**
 * Tables. Times are ISO-8601 UTC strings (they sort as text on both databases); JSON is stored as
 * text so both dialects read and write it the same way. Every row carries its practice.
 */
export interface Database {
  practices: { id: string; name: string; created_at: string };
  api_keys: {
    id: string;
    practice_id: string;
    role: string;
    hash: string;
    label: string | null;
    created_at: string;
    revoked_at: string | null;
  };
  pathways: {
    practice_id: string;
    id: string;
    title: string;
    draft: string;
    draft_updated_at: string;
    live_version: number | null;
    from_library: string | null;
    created_at: string;
  };
  pathway_versions: {
    practice_id: string;
    pathway_id: string;
    version: number;
    definition: string;
    hash: string;
    note: string | null;
    published_by: string;
    published_at: string;
  };
  patients: {
    id: string;
    practice_id: string;
    external_ref: string;
    birth_year: number | null;
    sex: string | null;
    language: string | null;
    created_at: string;
  };
  instances: {
    id: string;
    practice_id: string;
    patient_id: string;
    pathway_id: string;
    version: number;
    status: string;
    node: string;
    state: string;
    revision: number;
    started_at: string;
    updated_at: string;
  };
  instance_events: {
    instance_id: string;
    seq: number;
    practice_id: string;
    event: string;
    at: string;
    actor: string;
    trace: string;
    effects: string;
    recorded_at: string;
  };
  tasks: {
    id: string;
    practice_id: string;
    instance_id: string;
    /** The engine's id for the task (`<node>#<seq>`), unique within the instance. */
    effect_id: string;
    patient_id: string;
    node: string;
    role: string;
    title: string;
    priority: string;
    due: string | null;
    instrument: string | null;
    status: string;
    created_at: string;
    closed_at: string | null;
    closed_by: string | null;
  };
  timers: {
    id: string;
    practice_id: string;
    instance_id: string;
    timer_id: string;
    due_at: string;
    status: string;
    fired_at: string | null;
  };
  outbox: {
    id: Generated<number>;
    practice_id: string;
    instance_id: string;
    effect: string;
    created_at: string;
    delivered_at: string | null;
  };
  audit: {
    id: Generated<number>;
    practice_id: string;
    actor: string;
    role: string;
    action: string;
    target: string;
    at: string;
    detail: string | null;
  };
}
