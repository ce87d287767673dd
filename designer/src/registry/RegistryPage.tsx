import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSession } from '../shell/session.js';
import { href } from '../shell/route.js';
import { ApiErrorMessage } from '../care/ApiErrorMessage.js';
import { FlagBadges } from '../care/Badges.js';
import { formatDate, humanize, instrumentName } from '../care/format.js';
import { CohortChart } from './CohortChart.js';
import {
  DEFAULT_SORT,
  REGISTRY_FLAGS,
  cohortOutcomes,
  contactWords,
  filterRows,
  flagCounts,
  nextSort,
  pathwayChoices,
  scoreWords,
  sortRows,
  type RegistryRow,
  type Sort,
  type SortColumn,
} from './registry.js';

const FLAG_LABELS: Record<string, string> = {
  'safety-risk': 'Safety risk',
  'not-improving': 'Not improving',
  'no-contact': 'No contact in 28+ days',
  overdue: 'Follow-up overdue',
  'partial-response': 'Partial response',
  response: 'Response',
  remission: 'Remission',
};

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'patient', label: 'Patient' },
  { id: 'pathway', label: 'Pathway' },
  { id: 'node', label: 'Where' },
  { id: 'weeks', label: 'Weeks in care' },
  { id: 'latest', label: 'Baseline → latest' },
  { id: 'contact', label: 'Last contact' },
  { id: 'risk', label: 'Flags' },
  { id: 'tasks', label: 'Open tasks' },
];

/**
 * The caseload registry: every active patient, risk first (the server's order), sortable by any
 * column, filtered by flag and pathway; above it, the cohort's outcomes per pathway.
 */
export function RegistryPage() {
  const { api } = useSession();
  const id = useId();
  const [rows, setRows] = useState<RegistryRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [flag, setFlag] = useState('');
  const [pathway, setPathway] = useState('');
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 760);

  const load = useCallback(async () => {
    setError(null);
    try {
      setRows(await api.call<RegistryRow[]>('GET', '/registry'));
    } catch (e) {
      setError(e);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const all = useMemo(() => rows ?? [], [rows]);
  const pathways = useMemo(() => pathwayChoices(all), [all]);
  const counts = useMemo(() => flagCounts(all), [all]);
  const shown = useMemo(
    () => sortRows(filterRows(all, { flag, pathway }), sort),
    [all, flag, pathway, sort],
  );
  // The chart shows the pathway chosen (or all), not the flag filter: a flag is one outcome.
  const groups = useMemo(
    () => cohortOutcomes(filterRows(all, { flag: '', pathway })),
    [all, pathway],
  );

  return (
    <div className="care registry" ref={box}>
      <header className="page-head">
        <h1>Registry</h1>
        <div className="filters">
          <label htmlFor={`${id}-flag`}>Flag</label>
          <select id={`${id}-flag`} value={flag} onChange={(e) => setFlag(e.target.value)}>
            <option value="">Any flag</option>
            {REGISTRY_FLAGS.map((f) => (
              <option key={f} value={f}>
                {FLAG_LABELS[f] ?? humanize(f)} ({counts[f] ?? 0})
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-pathway`}>Pathway</label>
          <select id={`${id}-pathway`} value={pathway} onChange={(e) => setPathway(e.target.value)}>
            <option value="">All pathways</option>
            {pathways.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.count})
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
        </div>
      </header>
      <ApiErrorMessage error={error} action="Loading the registry" />
      {rows === null && !error && <p role="status">Loading the caseload…</p>}
      {rows !== null && rows.length === 0 && (
        <div className="empty">
          <p>
            <strong>No active patients.</strong>
          </p>
          <p className="muted">
            Patients appear here once they are enrolled in a pathway and until they complete it or
            are discharged.
          </p>
        </div>
      )}
      {rows !== null && rows.length > 0 && (
        <>
          <section aria-labelledby={`${id}-outcomes`} className="registry-outcomes">
            <h2 id={`${id}-outcomes`}>Cohort outcomes</h2>
            <p className="muted">
              Share of active patients in each outcome group of the pathway&apos;s measure, from the
              engine&apos;s flags: response is a drop of at least 50% from a baseline of 10 or more,
              remission a score below 5 (clinical-reference B2); not improving means no response by
              the pathway&apos;s review week (B3).
            </p>
            <CohortChart groups={groups} width={Math.min(width, 980)} />
          </section>
          <section aria-labelledby={`${id}-caseload`}>
            <h2 id={`${id}-caseload`}>Caseload</h2>
            <p className="summary" role="status">
              {shown.length} of {rows.length} active patient{rows.length === 1 ? '' : 's'}
              {flag ? ` flagged “${FLAG_LABELS[flag] ?? humanize(flag)}”` : ''}
              {pathway ? ` on ${pathways.find((p) => p.id === pathway)?.title ?? pathway}` : ''}
              {sort.column === 'risk' && sort.direction === 'ascending'
                ? ', risk first: safety risk, then not improving, then longest without contact.'
                : '.'}
            </p>
            {shown.length === 0 ? (
              <p className="muted">No patient matches these filters.</p>
            ) : (
              <table className="table registry-table">
                <caption className="sr-only">
                  Active caseload; column headers sort the table
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => {
                      const on = sort.column === c.id;
                      return (
                        <th key={c.id} scope="col" aria-sort={on ? sort.direction : 'none'}>
                          <button
                            type="button"
                            className="sort"
                            onClick={() => setSort(nextSort(sort, c.id))}
                          >
                            {c.label}
                            <span aria-hidden="true" className="sort-mark">
                              {on ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr
                      key={r.instanceId}
                      className={r.flags.includes('safety-risk') ? 'row-safety' : undefined}
                    >
                      <td className="nowrap">
                        <a href={href({ page: 'patient', id: r.patientId })}>{r.patientRef}</a>
                      </td>
                      <td>
                        {r.pathwayTitle} <span className="muted">v{r.version}</span>
                      </td>
                      <td>{r.nodeTitle ?? humanize(r.nodeId)}</td>
                      <td>
                        {r.weeksInCare}
                        {r.enrolledAt === null && <span className="cell-note">not enrolled</span>}
                      </td>
                      <td className="nowrap">
                        {scoreWords(r)}
                        {r.measure && r.latest !== null && (
                          <span className="cell-note">
                            {instrumentName(r.measure)}
                            {r.lastScoreAt ? `, ${formatDate(r.lastScoreAt)}` : ''}
                          </span>
                        )}
                      </td>
                      <td>
                        {contactWords(r)}
                        {r.lastContactAt && (
                          <span className="cell-note">{formatDate(r.lastContactAt)}</span>
                        )}
                        {r.minutesThisMonth > 0 && (
                          <span className="cell-note">{r.minutesThisMonth} min this month</span>
                        )}
                      </td>
                      <td>
                        <FlagBadges flags={r.flags} />
                      </td>
                      <td>
                        {r.openTasks}
                        {r.overdueTasks > 0 && (
                          <span className="cell-note overdue-note">{r.overdueTasks} overdue</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** The element's width, followed as it resizes. */
function useWidth(ref: { current: HTMLElement | null }, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
