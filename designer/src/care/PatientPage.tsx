import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../shell/session.js';
import { href } from '../shell/route.js';
import { careApi, type PatientDetail } from './api.js';
import { ApiErrorMessage } from './ApiErrorMessage.js';
import { humanize } from './format.js';
import { InstancePanel } from './InstancePanel.js';

export { PatientsPage } from './PatientsPage.js';

/** One patient: each pathway they are on, with its timeline and symptom trajectory. */
export function PatientPage({ id }: { id: string }) {
  const { api, me } = useSession();
  const care = useMemo(() => careApi(api), [api]);
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setPatient(null);
    setError(null);
    care
      .patient(id)
      .then((p) => live && setPatient(p))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [care, id]);

  const canAct = me.role === 'admin' || me.role === 'clinician';
  return (
    <div className="care patient">
      <p className="crumbs">
        <a href={href({ page: 'patients' })}>← All patients</a>
      </p>
      <ApiErrorMessage error={error} action="Loading the patient" />
      {!patient && !error && <p role="status">Loading the patient…</p>}
      {patient && (
        <>
          <header className="page-head">
            <h1>Patient {patient.externalRef}</h1>
            <p className="muted">
              {[
                patient.age !== null ? `${patient.age} years` : null,
                patient.sex ? humanize(patient.sex).toLowerCase() : null,
                patient.preferredLanguage ? `language ${patient.preferredLanguage}` : null,
              ]
                .filter(Boolean)
                .join(' · ') || 'No age or sex recorded'}
            </p>
          </header>
          {patient.instances.length === 0 && (
            <p className="empty">This patient is not enrolled in any pathway.</p>
          )}
          {[...patient.instances].reverse().map((i) => (
            <InstancePanel
              key={i.id}
              care={care}
              summary={i}
              patient={patient}
              canAct={canAct}
              myKeyId={me.keyId}
            />
          ))}
        </>
      )}
    </div>
  );
}
