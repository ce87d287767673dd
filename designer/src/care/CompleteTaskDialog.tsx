import { useEffect, useId, useState } from 'react';
import { isInstrumentId, type Answer, type PathwayDefinition } from '@care-pathways/engine';
import type { CareApi, EventResult, InstanceView } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { Dialog } from './Dialog.js';
import { InstrumentForm } from './InstrumentForm.js';
import { scoreOptionsFor } from './instrumentForm.js';
import { formatDateTime, humanize, roleTitle } from './format.js';
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
  const id = useId();
  const [ctx, setCtx] = useState<{
    def: PathwayDefinition | null;
    instance: InstanceView | null;
  } | null>(null);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);

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

  async function complete(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await api.completeTask(task.id, body), ctx?.def ?? null);
    } catch (e) {
      setError(e);
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
          onSubmit={(answers: Answer[]) => complete({ answers })}
          onCancel={props.onClose}
        />
      ) : (
        <form
          aria-label={`Complete ${task.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (outcomes && outcomes.length && !outcome) return setFormError('Choose an outcome.');
            if (outcome && !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(outcome))
              return setFormError(
                'The outcome must be lower-case words joined by hyphens, e.g. "done".',
              );
            setFormError(null);
            void complete({
              ...(outcome ? { outcome } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            });
          }}
        >
          {outcomes && outcomes.length > 0 ? (
            <fieldset className="outcomes">
              <legend>Outcome</legend>
              {outcomes.map((o) => (
                <label key={o} className="option">
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    value={o}
                    checked={outcome === o}
                    onChange={() => setOutcome(o)}
                  />
                  <span>{humanize(o)}</span>
                </label>
              ))}
            </fieldset>
          ) : outcomes === null ? (
            <div className="field">
              <label htmlFor={`${id}-free`}>Outcome (optional)</label>
              <input
                id={`${id}-free`}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value.trim())}
              />
              <p className="hint">
                The pathway could not be loaded; enter an outcome if the task expects one.
              </p>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-note`}>Note (optional)</label>
            <textarea
              id={`${id}-note`}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {formError && (
            <p role="alert" className="error">
              {formError}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Completing…' : 'Complete task'}
            </button>
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ApiErrorMessage error={error} action="Completing the task" />
    </Dialog>
  );
}
