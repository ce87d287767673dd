import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { SLUG, uniqueId } from '../model/ids.js';
import { openPathway } from '../navigate.js';
import { Dialog } from './Dialog.js';

interface LibraryEntry {
  id: string;
  title: string;
  description: string | null;
}

/** Copies a library pathway into the practice as a draft, under an id of the user's choice. */
export function AdoptDialog({ taken, onClose }: { taken: ReadonlySet<string>; onClose(): void }) {
  const { api } = useSession();
  const [library, setLibrary] = useState<LibraryEntry[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  useEffect(() => {
    api
      .library()
      .then(setLibrary)
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Cannot reach the server'),
      );
  }, [api]);

  const choose = (entryId: string) => {
    setChosen(entryId);
    setId(uniqueId(entryId, taken));
  };
  async function adopt() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.adopt(chosen, id);
      openPathway(id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Cannot reach the server');
      setBusy(false);
    }
  }
  const idProblem =
    chosen &&
    (!SLUG.test(id)
      ? 'Use lower-case words joined by hyphens.'
      : taken.has(id)
        ? 'This id is taken.'
        : null);

  return (
    <Dialog title="Adopt a library pathway" onClose={onClose} wide>
      <p className="ed-muted">
        Adopting copies an evidence-based pathway into your practice as a draft. Tailor its
        parameters within their bounds, then publish.
      </p>
      {!library && !error && <p role="status">Loading the library…</p>}
      {library && (
        <fieldset className="ed-library">
          <legend>Library pathways</legend>
          {library.map((l) => (
            <label key={l.id} className={`ed-library-item${chosen === l.id ? ' chosen' : ''}`}>
              <input
                type="radio"
                name={`${base}-lib`}
                checked={chosen === l.id}
                onChange={() => choose(l.id)}
              />
              <span>
                <strong>{l.title}</strong> <code>{l.id}</code>
                {l.description && <span className="ed-library-desc">{l.description}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {chosen && (
        <div className="ed-field">
          <label htmlFor={`${base}-id`}>Id for your copy</label>
          <input
            id={`${base}-id`}
            value={id}
            onChange={(e) => setId(e.target.value)}
            aria-invalid={idProblem ? true : undefined}
            aria-describedby={idProblem ? `${base}-id-problem` : undefined}
          />
          {idProblem && (
            <span id={`${base}-id-problem`} className="ed-problem">
              {idProblem}
            </span>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="ed-error">
          {error}
        </p>
      )}
      <div className="ed-actions">
        <button
          type="button"
          className="primary"
          disabled={!chosen || busy || !!idProblem}
          onClick={() => void adopt()}
        >
          {busy ? 'Adopting…' : 'Adopt pathway'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
