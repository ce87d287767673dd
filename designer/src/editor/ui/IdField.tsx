import { useEffect, useId, useState } from 'react';
import { SLUG } from '../model/ids.js';

/**
 * An id is renamed on Enter or when leaving the field, not per keystroke: a rename rewrites
 * every reference, and half-typed ids would collide or be invalid.
 */
export function IdField({
  label,
  value,
  taken,
  onRename,
  hint,
}: {
  label: string;
  value: string;
  taken: (id: string) => boolean;
  onRename(id: string): void;
  hint?: string;
}) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => setText(value), [value]);
  const problem =
    text === value
      ? null
      : !SLUG.test(text)
        ? 'Use lower-case words joined by hyphens, e.g. "phq9-review".'
        : taken(text)
          ? `"${text}" is already used.`
          : null;
  const apply = () => {
    if (text !== value && !problem) onRename(text);
  };
  return (
    <div className={`ed-field${problem ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') setText(value);
        }}
      />
      <span id={`${id}-note`} className={problem ? 'ed-problem' : 'ed-hint'}>
        {problem ?? hint ?? 'Press Enter to rename; links to it follow.'}
      </span>
    </div>
  );
}
