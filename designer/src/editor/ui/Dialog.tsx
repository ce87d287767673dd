import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> (focus trap, Escape and the backdrop come free), titled
 * for assistive technology and tests: role=dialog with aria-labelledby.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`ed-dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="ed-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ed-icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="ed-dialog-body">{children}</div>
    </dialog>
  );
}
