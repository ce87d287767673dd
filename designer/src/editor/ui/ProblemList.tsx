import type { Problem } from '../../api/client.js';
import { SeverityIcon } from './SeverityIcon.js';

/** Validation problems as the server or engine reported them: code, where, and what to do. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="ed-problem-list">
      {problems.map((p, i) => (
        <li key={i} className={`sev-${p.severity}`}>
          <SeverityIcon severity={p.severity} />
          <span>
            <span className="ed-sr">{p.severity}: </span>
            {p.message} <code>{p.path}</code> <span className="ed-code">{p.code}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
