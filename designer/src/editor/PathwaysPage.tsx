import { useCallback, useEffect, useState } from 'react';
import { ApiError, type PathwaySummary } from '../api/client.js';
import { href } from '../shell/route.js';
import { useSession } from '../shell/session.js';
import { formatWhen } from './download.js';
import { canDesign } from './permissions.js';
import { AdoptDialog } from './ui/AdoptDialog.js';
import { ImportButton } from './ui/ImportButton.js';
import { NewPathwayDialog } from './ui/NewPathwayDialog.js';

/** The practice's pathways: their versions and which is live; create, adopt, import, open. */
export function PathwaysPage() {
  const { api, me } = useSession();
  const [list, setList] = useState<PathwaySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'new' | 'adopt' | null>(null);
  const design = canDesign(me.role);

  const load = useCallback(() => {
    api
      .pathways()
      .then(setList)
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Cannot reach the server'),
      );
  }, [api]);
  useEffect(load, [load]);
  const taken = new Set(list?.map((p) => p.id) ?? []);

  return (
    <div className="ed ed-pathways">
      <div className="ed-page-head">
        <div>
          <h1>Pathways</h1>
          <p className="ed-muted">
            Your practice’s care pathways. Open one to edit its draft, publish versions and choose
            which version is live for new patients.
          </p>
        </div>
        {design && (
          <div className="ed-actions">
            <button type="button" className="primary" onClick={() => setDialog('new')}>
              New pathway
            </button>
            <button type="button" onClick={() => setDialog('adopt')}>
              Adopt from library
            </button>
            <ImportButton taken={taken} />
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="ed-error">
          {error}
        </p>
      )}
      {!list && !error && <p role="status">Loading pathways…</p>}
      {list && list.length === 0 && (
        <p className="ed-empty">
          No pathways yet.{' '}
          {design ? 'Adopt one from the library or create a new one.' : 'A designer can add one.'}
        </p>
      )}
      {list && list.length > 0 && (
        <table className="ed-table">
          <caption className="ed-sr">Pathways of this practice</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Id</th>
              <th scope="col">Live version</th>
              <th scope="col">Latest version</th>
              <th scope="col">Draft updated</th>
              <th scope="col">
                <span className="ed-sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={href({ page: 'editor', id: p.id })}>{p.title}</a>
                  {p.fromLibrary && <span className="ed-tag">from library</span>}
                </td>
                <td>
                  <code>{p.id}</code>
                </td>
                <td>
                  {p.liveVersion !== null ? (
                    <span className="ed-badge live">v{p.liveVersion} live</span>
                  ) : (
                    <span className="ed-muted">none</span>
                  )}
                </td>
                <td>
                  {p.latestVersion !== null ? (
                    `v${p.latestVersion}`
                  ) : (
                    <span className="ed-muted">unpublished</span>
                  )}
                </td>
                <td>{formatWhen(p.draftUpdatedAt)}</td>
                <td>
                  <a
                    className="ed-button-link"
                    href={href({ page: 'editor', id: p.id })}
                    aria-label={`Open ${p.title}`}
                  >
                    Open
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog === 'new' && <NewPathwayDialog taken={taken} onClose={() => setDialog(null)} />}
      {dialog === 'adopt' && <AdoptDialog taken={taken} onClose={() => setDialog(null)} />}
    </div>
  );
}
