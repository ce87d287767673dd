import type { ReactNode } from 'react';
import type { PathwayDefinition } from '@care-pathways/engine';
import { PriorityBadge } from './Badges.js';
import { dueStatus, formatDateTime, instrumentName, roleTitle } from './format.js';

/**
 * An open task as a card, on the patient page and in the simulator: title, priority, role, due
 * date and how overdue it is (against `now`), then what can be done with it (`children`).
 */
export function TaskCard(props: {
  task: {
    title: string;
    priority: string;
    role: string;
    due: string | null;
    instrument?: string | null;
  };
  def: PathwayDefinition | null;
  now: string;
  /** Say which instrument's form the task waits for. */
  showInstrument?: boolean;
  children?: ReactNode;
}) {
  const { task: t } = props;
  const due = dueStatus(t.due, props.now);
  return (
    <li className={`card task-card due-${due.kind}`}>
      <div className="card-head">
        <strong>{t.title}</strong>
        <PriorityBadge priority={t.priority} />
      </div>
      <p className="card-meta">
        {roleTitle(t.role, props.def?.roles ?? [])}
        {props.showInstrument && t.instrument
          ? ` · ${instrumentName(t.instrument)} form`
          : ''} ·{' '}
        {t.due ? (
          <>
            due {formatDateTime(t.due)} — <span className={`due due-${due.kind}`}>{due.text}</span>
          </>
        ) : (
          'no due date'
        )}
      </p>
      {props.children}
    </li>
  );
}
