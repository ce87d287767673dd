import type { InstrumentId } from '../instruments/types.js';

export type Priority = 'routine' | 'urgent' | 'emergent';

/**
 * Effects are data: what the host must do after it has committed the new snapshot
 * (DESIGN.md §3). The engine never performs them. Ids are deterministic (`<node>#<seq>`), so a
 * replay yields the same ids; the host namespaces them with the instance id.
 */
export type Effect =
  | {
      kind: 'task';
      action: 'create';
      id: string;
      node: string;
      role: string;
      title: string;
      priority: Priority;
      due: string | null;
      instrument?: InstrumentId;
    }
  | { kind: 'task'; action: 'complete' | 'cancel'; id: string; node: string }
  | {
      kind: 'referral';
      action: 'create';
      id: string;
      node: string;
      service: string;
      urgency: Priority;
      role: string;
      due: string | null;
    }
  | { kind: 'referral'; action: 'update' | 'cancel'; id: string; node: string; status?: string }
  | { kind: 'timer'; action: 'schedule'; id: string; node: string; dueAt: string }
  | { kind: 'timer'; action: 'cancel'; id: string; node: string }
  | {
      kind: 'alert';
      id: string;
      priority: Exclude<Priority, 'routine'>;
      reason: 'critical-item';
      instrument: InstrumentId;
      items: number[];
      risk?: string;
      role: string;
      message: string;
    }
  | {
      kind: 'outcome';
      outcome: string;
      node: string | null;
      status: 'completed' | 'exited';
      reason?: string;
    };

export type EffectKind = Effect['kind'];
