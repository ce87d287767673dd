import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { BUILT_IN_ROLES } from '@care-pathways/engine';
import { useSession } from '../shell/session.js';
import { href } from '../shell/route.js';
import { careApi, type WorkTask } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { PriorityBadge } from './Badges.js';
import { CompleteTaskDialog } from './CompleteTaskDialog.js';
import { dueStatus, formatDateTime, humanize, instrumentName, roleTitle } from './format.js';
import { DoneNotice, type Done } from './RaisedAlerts.js';
import { usePathwayTitles } from './usePathwayTitles.js';
import { whereNow } from './describe.js';
import {
  rememberedRole,
  rememberRole,
  roleChoices,
  sortWorklist,
  worklistSummary,
} from './worklist.js';

const storage = typeof window === 'undefined' ? undefined : window.localStorage;

/** Open tasks by role, most urgent first, then by due time; overdue work said in words. */
export function WorklistPage() {
  const { api, me } = useSession();
  const care = useMemo(() => careApi(api), [api]);
  const id = useId();
  const [role, setRole] = useState(() => rememberedRole(storage));
  const [tasks, setTasks] = useState<WorkTask[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [completing, setCompleting] = useState<WorkTask | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [now, setNow] = useState(() => new Date().toISOString());
  const canAct = me.role === 'admin' || me.role === 'clinician';
  const titles = usePathwayTitles(api);

  const load = useCallback(async () => {
    setError(null);
    try {
      const list = await care.tasks({ status: 'open', ...(role ? { role } : {}) });
      setTasks(sortWorklist(list));
      setNow(new Date().toISOString());
    } catch (e) {
      setError(e);
    }
  }, [care, role]);
  useEffect(() => {
    void load();
  }, [load]);

  const roles = roleChoices(BUILT_IN_ROLES, tasks ?? []);
  const withDue = (tasks ?? []).map((t) => ({ ...t, dueInfo: dueStatus(t.due, now) }));
  const summary = worklistSummary(
    withDue.map((t) => ({ overdue: t.overdue || t.dueInfo.kind === 'overdue' })),
    role ? `${roleTitle(role).toLowerCase()}s` : 'all roles',
  );

  return (
    <div className="care worklist">
      <header className="page-head">
        <h1>Worklist</h1>
        <div className="filters">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => {
              setRole(e.target.value);
              rememberRole(storage, e.target.value);
            }}
          >
            <option value="">All roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleTitle(r)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
        </div>
      </header>

      <DoneNotice done={done} onChange={setDone} />
      <ApiErrorMessage error={error} action="Loading the worklist" />

      {tasks === null && !error && <p role="status">Loading tasks…</p>}
      {tasks !== null && (
        <>
          <p className="summary" role="status">
            {summary}
          </p>
          {tasks.length === 0 ? (
            <div className="empty">
              <p>
                <strong>
                  No open tasks{role ? ` for ${roleTitle(role).toLowerCase()}s` : ''}.
                </strong>
              </p>
              <p className="muted">
                Tasks appear here when a patient&apos;s pathway asks a care-team role to do
                something: screen, assess, follow up, review.
                {role ? ' Choose “All roles” to see every open task.' : ''}
              </p>
            </div>
          ) : (
            <table className="table worklist-table">
              <caption className="sr-only">Open tasks, most urgent first</caption>
              <thead>
                <tr>
                  <th scope="col">Priority</th>
                  <th scope="col">Task</th>
                  <th scope="col">Patient</th>
                  {!role && <th scope="col">Role</th>}
                  <th scope="col">Due</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {withDue.map((t) => {
                  const overdue = t.overdue || t.dueInfo.kind === 'overdue';
                  return (
                    <tr key={t.id} className={overdue ? 'row-overdue' : undefined}>
                      <td>
                        <PriorityBadge priority={t.priority} />
                      </td>
                      <td>
                        <strong>{t.title}</strong>
                        <span className="cell-note">
                          {titles[t.pathwayId] ?? humanize(t.pathwayId)}
                          {t.instrument ? ` · ${instrumentName(t.instrument)} form` : ''}
                        </span>
                      </td>
                      <td className="nowrap">
                        <a href={href({ page: 'patient', id: t.patientId })}>{t.patientRef}</a>
                      </td>
                      {!role && <td>{roleTitle(t.role)}</td>}
                      <td>
                        {t.due ? (
                          <>
                            {overdue && <span className="badge overdue-badge">Overdue</span>}{' '}
                            <time dateTime={t.due}>{formatDateTime(t.due)}</time>
                            <span
                              className={`cell-note due due-${overdue ? 'overdue' : t.dueInfo.kind}`}
                            >
                              {t.dueInfo.text}
                            </span>
                          </>
                        ) : (
                          <span className="muted">No due date</span>
                        )}
                      </td>
                      <td>
                        {canAct && (
                          <button
                            type="button"
                            className="primary"
                            aria-label={`Complete: ${t.title} for ${t.patientRef}`}
                            onClick={() => setCompleting(t)}
                          >
                            Complete…
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}

      {completing && (
        <CompleteTaskDialog
          api={care}
          task={completing}
          onClose={() => setCompleting(null)}
          onDone={(result, def) => {
            setCompleting(null);
            setDone({
              text: `Completed “${completing.title}” for ${completing.patientRef}. ${whereNow(result, def)}`,
              effects: result.effects,
            });
            void load();
          }}
        />
      )}
    </div>
  );
}
