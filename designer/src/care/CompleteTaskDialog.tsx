import { useEffect, useState } from 'react';
import { isInstrumentId, type Answer, type PathwayDefinition } from '@care-pathways/engine';
import type { CareApi, EventResult, InstanceView } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { Dialog } from './Dialog.js';
import { TaskOutcomeForm } from './EventForms.js';
import { InstrumentForm } from './InstrumentForm.js';
import { scoreOptionsFor } from './instrumentForm.js';
import { formatDateTime, roleTitle } from './format.js';
import { PriorityBadge } from './Badges.js';

export interface TaskToComplete {
  id: string;
  instanceId: string;
  pathwayId: string;
  node: string;
  title: string;
  role: string;
  priority: string;
  due: string | null;
  instrument: string | null;
  patientRef?: string;
}

/**
 * Completes a task: an instrument task takes the instrument's answers (the form), any other task
 * an outcome from those its pathway version lists, and an optional note.
 */
export function CompleteTaskDialog(props: {
  api: CareApi;
  task: TaskToComplete;
  onClose(): void;
  onDone(result: EventResult, def: PathwayDefinition | null): void;
}) {
  const { api, task } = props;
  const [ctx, setCtx] = useState<{
    def: PathwayDefinition | null;
    instance: InstanceView | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const instance = await api.instance(task.instanceId);
        const def = await api.definition(task.pathwayId, instance.version).catch(() => null);
        if (live) setCtx({ def, instance });
      } catch {
        // Without the pathway, the task can still be completed with a free outcome.
        if (live) setCtx({ def: null, instance: null });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, task.instanceId, task.pathwayId]);

  const node = ctx?.def?.nodes.find((n) => n.id === task.node);
  const outcomes = node?.kind === 'task' ? (node.outcomes ?? []) : null;

  /** True when the server completed the task. */
  async function complete(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await api.completeTask(task.id, body), ctx?.def ?? null);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const instrument = task.instrument && isInstrumentId(task.instrument) ? task.instrument : null;
  const facts = (ctx?.instance?.facts ?? {}) as {
    params?: Record<string, unknown>;
    patient?: { sex?: string | null };
  };

  return (
    <Dialog title={`Complete: ${task.title}`} onClose={props.onClose} wide={instrument !== null}>
      <p className="task-summary">
        <PriorityBadge priority={task.priority} /> {roleTitle(task.role, ctx?.def?.roles ?? [])}
        {task.patientRef && <> · patient {task.patientRef}</>}
        {task.due && <> · due {formatDateTime(task.due)}</>}
      </p>
      {node?.description && <p className="hint">{node.description}</p>}
      {node?.kind === 'task' && node.resolvesSafetyRisk && (
        <p className="notice">Completing this task clears the patient&apos;s safety-risk flag.</p>
      )}
      {!ctx ? (
        <p role="status">Loading the pathway…</p>
      ) : instrument ? (
        <InstrumentForm
          instrument={instrument}
          options={scoreOptionsFor(ctx.def, facts.params ?? {}, facts.patient?.sex, instrument)}
          busy={busy}
          submitLabel="Record answers and complete"
          onSubmit={(answers: Answer[]) => complete({ answers }).then(() => undefined)}
          onCancel={props.onClose}
        />
      ) : (
        <TaskOutcomeForm
          title={task.title}
          outcomes={outcomes}
          withNote
          busy={busy}
          onCancel={props.onClose}
          onSend={complete}
        />
      )}
      <ApiErrorMessage error={error} action="Completing the task" />
    </Dialog>
  );
}
