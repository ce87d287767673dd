/** What a key press means in the editor, as data (pure, so the rules are easy to read and test). */
export type ShortcutAction = 'undo' | 'redo' | 'save' | 'delete' | 'escape' | 'help' | null;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** Focus is in a text field (input, textarea, contenteditable). */
  inField: boolean;
  /** Focus is on the canvas (or nowhere in particular), not in a side panel. */
  onCanvas: boolean;
}

export function shortcutFor(e: KeyInput): ShortcutAction {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey && key === 's') return 'save'; // everywhere, even while typing
  if (e.inField) return null; // typing keeps the browser's own undo and delete
  if (mod && !e.altKey && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (e.ctrlKey && !e.metaKey && !e.altKey && key === 'y') return 'redo';
  // Deleting from a button in the inspector would surprise; only the canvas deletes.
  if (!mod && !e.altKey && (key === 'Delete' || key === 'Backspace'))
    return e.onCanvas ? 'delete' : null;
  if (key === 'Escape') return 'escape';
  if (!mod && !e.altKey && key === '?') return 'help';
  return null;
}

export const isTextField = (el: Element | null): boolean =>
  !!el &&
  (el instanceof HTMLInputElement
    ? !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
        el.type,
      )
    : el instanceof HTMLTextAreaElement || (el as HTMLElement).isContentEditable);

export const isOnCanvas = (el: Element | null): boolean =>
  !el || el === document.body || !!el.closest('.react-flow');
