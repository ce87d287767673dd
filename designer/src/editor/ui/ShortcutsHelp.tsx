import { useEffect, useId, useRef } from 'react';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl';

export const SHORTCUTS: [string, string][] = [
  [`${MOD}+Z`, 'Undo'],
  [`${MOD}+Shift+Z or Ctrl+Y`, 'Redo'],
  [`${MOD}+S`, 'Save the draft'],
  ['Delete or Backspace', 'Delete the selected nodes and transitions'],
  ['Tab, then Enter', 'Focus a node or transition, then select it'],
  ['Arrow keys', 'Move the selected nodes'],
  [`${MOD}+click, Shift+drag`, 'Select several'],
  ['Escape', 'Clear the selection; leave a comparison'],
  ['?', 'Show these shortcuts'],
];

/** The keyboard shortcuts, as a small non-modal popover. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  return (
    <div ref={ref} className="ed-popover" role="dialog" aria-labelledby={id} tabIndex={-1}>
      <div className="ed-popover-head">
        <h2 id={id}>Keyboard shortcuts</h2>
        <button
          type="button"
          className="ed-icon-button"
          aria-label="Close shortcuts"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <dl className="ed-shortcuts">
        {SHORTCUTS.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
