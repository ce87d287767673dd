import { useState } from 'react';
import { Dialog } from './Dialog.js';

/** Asked before leaving a draft with unsaved changes; a failed save stays on the page. */
export function LeaveDialog({
  title,
  onSave,
  onLeave,
  onStay,
}: {
  title: string;
  onSave(): Promise<boolean>;
  /** Goes on to where the user was going. */
  onLeave(): void;
  onStay(): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={`Save changes to ${title}?`} onClose={onStay}>
      <p>
        The draft has changes that are not saved. Save them before leaving, or discard them (the
        saved draft stays as it was).
      </p>
      <div className="ed-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            // On failure the page's alert says why; the dialog closes so it can be read.
            void onSave().then((ok) => (ok ? onLeave() : onStay()));
          }}
        >
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" disabled={busy} onClick={onLeave}>
          Discard
        </button>
        <button type="button" disabled={busy} onClick={onStay}>
          Stay
        </button>
      </div>
    </Dialog>
  );
}
