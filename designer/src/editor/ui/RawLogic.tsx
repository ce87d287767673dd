import { useEffect, useId, useRef, useState } from 'react';
import type { JsonLogic } from '../model/doc.js';

/**
 * json-logic as editable JSON. Text that does not parse stays in the box with the parser's
 * message; only JSON that parses is committed, so nothing is lost while typing.
 */
export function RawLogic({
  value,
  onChange,
  label,
  rows = 6,
  showLabel,
}: {
  value: JsonLogic | undefined;
  onChange(v: JsonLogic | undefined): void;
  label: string;
  rows?: number;
  showLabel?: boolean;
}) {
  const pretty = (v: JsonLogic | undefined) =>
    v === undefined ? '' : JSON.stringify(v, null, rows > 2 ? 2 : 0);
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);
  const committed = useRef(JSON.stringify(value));
  const id = useId();
  useEffect(() => {
    // An outside change (undo, the builder) replaces the text; our own commits do not.
    // (pretty depends only on `rows`, which does not change.)
    const now = JSON.stringify(value);
    if (now !== committed.current) {
      committed.current = now;
      setText(pretty(value));
      setError(null);
    }
  }, [value]);
  return (
    <div className={`ed-raw${error ? ' has-problem' : ''}`}>
      <label htmlFor={id} className={showLabel ? undefined : 'ed-sr'}>
        {label}
      </label>
      <textarea
        id={id}
        className="ed-code-input"
        rows={rows}
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') {
            setError(null);
            committed.current = JSON.stringify(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed = JSON.parse(t) as JsonLogic;
            setError(null);
            committed.current = JSON.stringify(parsed);
            onChange(parsed);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      />
      {error && (
        <span id={`${id}-err`} role="alert" className="ed-problem">
          Not valid JSON yet: {error}
        </span>
      )}
    </div>
  );
}
