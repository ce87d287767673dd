import { SeverityIcon } from './SeverityIcon.js';
import { describeTarget, type LocatedProblem, type Target } from '../model/problems.js';

/** Every problem the engine found; choosing one selects the node, transition or field at fault. */
export function ProblemsPanel({
  problems,
  pending,
  onGo,
}: {
  problems: readonly LocatedProblem[];
  pending: boolean;
  onGo(t: Target): void;
}) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="ed-problems" aria-labelledby="ed-problems-h">
      <header className="ed-panel-head">
        <h2 id="ed-problems-h">Problems</h2>
        <p className="ed-muted" role="status">
          {pending
            ? 'Checking…'
            : problems.length === 0
              ? 'No problems: the pathway is valid.'
              : `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}. Errors must be fixed before publishing.`}
        </p>
      </header>
      <ul className="ed-problem-items">
        {problems.map((p, i) => (
          <li key={`${p.path}-${p.code}-${i}`}>
            <button
              type="button"
              className={`ed-problem-item sev-${p.severity}`}
              onClick={() => onGo(p.target)}
            >
              <SeverityIcon severity={p.severity} />
              <span className="ed-problem-text">
                <span className="ed-problem-where">
                  <span className="ed-sr">{p.severity}, </span>
                  {describeTarget(p.target)}
                </span>
                <span className="ed-problem-msg">{p.message}</span>
                <span className="ed-problem-code">{p.code}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
