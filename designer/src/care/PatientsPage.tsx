import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../shell/session.js';
import { href } from '../shell/route.js';
import { careApi, type PatientDetail, type PatientSummary } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { StatusBadge } from './Badges.js';
import { humanize } from './format.js';
import { nodeLabel } from './describe.js';
import { usePathwayTitles } from './usePathwayTitles.js';
import type { PathwayDefinition } from '@care-pathways/engine';

/** How many patients' pathway lists to fetch at once (the list endpoint does not carry them). */
const PARALLEL = 6;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  f: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!);
      }
    }),
  );
  return out;
}

/** The practice's patients with the pathways they are on. */
export function PatientsPage() {
  const { api } = useSession();
  const care = useMemo(() => careApi(api), [api]);
  const [patients, setPatients] = useState<PatientSummary[] | null>(null);
  const [details, setDetails] = useState<Record<string, PatientDetail>>({});
  const [error, setError] = useState<unknown>(null);
  const titles = usePathwayTitles(api);
  const [defs, setDefs] = useState<Record<string, PathwayDefinition>>({});

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const list = await care.patients();
        if (!live) return;
        setPatients(list);
        const full = await mapLimited(list, PARALLEL, (p) => care.patient(p.id).catch(() => null));
        const found = full.filter((d): d is PatientDetail => d !== null);
        if (!live) return;
        setDetails(Object.fromEntries(found.map((d) => [d.id, d])));
        // Node titles come from the pinned versions (few, and cached).
        const versions = [
          ...new Set(found.flatMap((d) => d.instances.map((i) => `${i.pathwayId}@${i.version}`))),
        ];
        const loaded = await Promise.all(
          versions.map(async (k) => {
            const [pid, v] = k.split('@') as [string, string];
            return [k, await care.definition(pid, Number(v)).catch(() => null)] as const;
          }),
        );
        if (live)
          setDefs(
            Object.fromEntries(
              loaded.filter((e): e is readonly [string, PathwayDefinition] => e[1] !== null),
            ),
          );
      } catch (e) {
        if (live) setError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [care]);

  return (
    <div className="care patients">
      <header className="page-head">
        <h1>Patients</h1>
      </header>
      <ApiErrorMessage error={error} action="Loading patients" />
      {patients === null && !error && <p role="status">Loading patients…</p>}
      {patients?.length === 0 && (
        <div className="empty">
          <p>
            <strong>No patients yet.</strong>
          </p>
          <p className="muted">Patients are registered and enrolled in pathways through the API.</p>
        </div>
      )}
      {patients && patients.length > 0 && (
        <table className="table">
          <caption className="sr-only">Patients</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Age</th>
              <th scope="col">Sex</th>
              <th scope="col">Pathways</th>
            </tr>
          </thead>
          <tbody>
            {patients.map((p) => {
              const d = details[p.id];
              return (
                <tr key={p.id}>
                  <td>
                    <a href={href({ page: 'patient', id: p.id })}>{p.externalRef}</a>
                  </td>
                  <td>{p.age ?? '—'}</td>
                  <td>{p.sex ? humanize(p.sex) : '—'}</td>
                  <td>
                    {!d ? (
                      <span className="muted">…</span>
                    ) : d.instances.length === 0 ? (
                      <span className="muted">Not enrolled</span>
                    ) : (
                      <ul className="plain">
                        {d.instances.map((i) => (
                          <li key={i.id}>
                            {titles[i.pathwayId] ?? humanize(i.pathwayId)}{' '}
                            <span className="muted">v{i.version}</span>{' '}
                            <StatusBadge status={i.status} />
                            {i.status === 'active' && (
                              <span className="cell-note">
                                at{' '}
                                {nodeLabel(i.node, {
                                  def: defs[`${i.pathwayId}@${i.version}`] ?? null,
                                })}
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
