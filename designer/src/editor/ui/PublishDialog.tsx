import { useId, useState } from 'react';
import { Dialog } from './Dialog.js';

/** Publishing makes an immutable, numbered version from the saved draft, with a note. */
export function PublishDialog({
  nextVersion,
  dirty,
  valid,
  errors,
  onPublish,
  onClose,
}: {
  nextVersion: number;
  dirty: boolean;
  valid: boolean;
  errors: number;
  onPublish(note: string): Promise<void>;
  onClose(): void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <Dialog title={`Publish version ${nextVersion}`} onClose={onClose}>
      <form
        className="ed-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onPublish(note.trim()).finally(() => setBusy(false));
        }}
      >
        {!valid ? (
          <p role="alert" className="ed-error">
            The draft has {errors} error{errors === 1 ? '' : 's'}. Fix{' '}
            {errors === 1 ? 'it' : 'them'} before publishing.
          </p>
        ) : (
          <p className="ed-muted">
            A published version never changes. Publishing does not make it live: choose that in
            Versions when you are ready.{dirty ? ' Your unsaved changes are saved first.' : ''}
          </p>
        )}
        <div className="ed-field">
          <label htmlFor={id}>Note</label>
          <textarea
            id={id}
            rows={3}
            value={note}
            maxLength={2000}
            placeholder="What changed and why, e.g. “PHQ-9 threshold lowered to 8 per the practice’s audit”"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="ed-actions">
          <button type="submit" className="primary" disabled={!valid || busy}>
            {busy ? 'Publishing…' : `Publish version ${nextVersion}`}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
