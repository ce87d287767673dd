/** A round "!" (error) or "▲" (warning) badge; words for screen readers come separately. */
export function SeverityIcon({ severity }: { severity: 'error' | 'warning' }) {
  return (
    <span className={`ed-sev-icon ${severity}`} aria-hidden="true">
      {severity === 'error' ? '!' : '▲'}
    </span>
  );
}
