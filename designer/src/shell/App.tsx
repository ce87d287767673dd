import { PathwaysPage } from '../editor/PathwaysPage.js';
import { EditorPage } from '../editor/EditorPage.js';
import { WorklistPage } from '../care/WorklistPage.js';
import { PatientsPage, PatientPage } from '../care/PatientPage.js';
import { RegistryPage } from '../registry/RegistryPage.js';
import { useEffect } from 'react';
import { href, homeFor, isRootHash, leaveThen, useRoute } from './route.js';
import { SignInGate, useSession } from './session.js';

function Shell() {
  const route = useRoute();
  const { me, signOut } = useSession();
  // Opened at the root: go to the role's home page (replacing the entry, so Back leaves the app).
  useEffect(() => {
    if (isRootHash(window.location.hash)) window.location.replace(href(homeFor(me.role)));
  }, [me.role]);
  const nav = [
    {
      label: 'Pathways',
      to: href({ page: 'pathways' }),
      on: route.page === 'pathways' || route.page === 'editor',
    },
    { label: 'Worklist', to: href({ page: 'worklist' }), on: route.page === 'worklist' },
    { label: 'Registry', to: href({ page: 'registry' }), on: route.page === 'registry' },
    {
      label: 'Patients',
      to: href({ page: 'patients' }),
      on: route.page === 'patients' || route.page === 'patient',
    },
  ];
  return (
    <div className="app">
      <header className="topbar">
        <strong className="brand">Care Pathways</strong>
        <nav aria-label="Main">
          {nav.map((n) => (
            <a key={n.label} href={n.to} aria-current={n.on ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <span className="who">
          Signed in as <b>{me.role}</b>
          <button type="button" className="link" onClick={() => leaveThen(signOut)}>
            Sign out
          </button>
        </span>
      </header>
      <main className="page">
        {route.page === 'pathways' && <PathwaysPage />}
        {route.page === 'editor' && <EditorPage id={route.id} />}
        {route.page === 'worklist' && <WorklistPage />}
        {route.page === 'registry' && <RegistryPage />}
        {route.page === 'patients' && <PatientsPage />}
        {route.page === 'patient' && <PatientPage id={route.id} />}
      </main>
    </div>
  );
}

export function App() {
  return (
    <SignInGate>
      <Shell />
    </SignInGate>
  );
}
