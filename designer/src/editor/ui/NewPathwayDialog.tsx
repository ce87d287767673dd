import { useId, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { SLUG, slugify, uniqueId } from '../model/ids.js';
import { newPathway } from '../model/skeleton.js';
import { openPathway } from '../navigate.js';
import { Dialog } from './Dialog.js';

/** Creates a pathway that already validates, from a title (and an id derived from it). */
export function NewPathwayDialog({
  taken,
  onClose,
}: {
  taken: ReadonlySet<string>;
  onClose(): void;
}) {
  const { api } = useSession();
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const effectiveId = idEdited ? id : title ? uniqueId(slugify(title, 'pathway'), taken) : '';
  const idProblem = !effectiveId
    ? null
    : !SLUG.test(effectiveId)
      ? 'Use lower-case words joined by hyphens, e.g. "anxiety-screen".'
      : taken.has(effectiveId)
        ? 'This practice already has a pathway with this id.'
        : null;

  async function create() {
    setBusy(true);
    setError(null);
    try {
      await api.createPathway(newPathway(effectiveId, title.trim()) as Record<string, unknown>);
      openPathway(effectiveId);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Cannot reach the server');
      setBusy(false);
    }
  }

  return (
    <Dialog title="New pathway" onClose={onClose}>
      <form
        className="ed-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="ed-field">
          <label htmlFor={`${base}-title`}>Title</label>
          <input
            id={`${base}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={200}
            placeholder="e.g. Anxiety screening and stepped care"
          />
        </div>
        <div className="ed-field">
          <label htmlFor={`${base}-id`}>Id</label>
          <input
            id={`${base}-id`}
            value={effectiveId}
            onChange={(e) => {
              setIdEdited(true);
              setId(e.target.value);
            }}
            required
            aria-describedby={`${base}-id-hint`}
            aria-invalid={idProblem ? true : undefined}
          />
          <span id={`${base}-id-hint`} className={idProblem ? 'ed-problem' : 'ed-hint'}>
            {idProblem ?? 'Used in links and files; it cannot change later.'}
          </span>
        </div>
        <p className="ed-hint">
          It starts with a first task and an end; build on it in the editor.
        </p>
        {error && (
          <p role="alert" className="ed-error">
            {error}
          </p>
        )}
        <div className="ed-actions">
          <button
            type="submit"
            className="primary"
            disabled={busy || !title.trim() || !effectiveId || !!idProblem}
          >
            {busy ? 'Creating…' : 'Create pathway'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
