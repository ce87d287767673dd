import type { Problem } from '../../api/client.js';
import type { Def } from '../model/doc.js';
import { plainMessage } from '../model/problems.js';
import { SeverityIcon } from './SeverityIcon.js';

/** Without the definition the problems are about, only what needs no titles is reworded. */
const NO_DEF = { nodes: [], transitions: [], parameters: {} } as unknown as Def;

/**
 * Validation problems as the server or engine reported them, in plain words (titles from `def`
 * when given), with the JSON path and code kept as secondary text for implementers.
 */
export function ProblemList({ problems, def }: { problems: readonly Problem[]; def?: Def }) {
  return (
    <ul className="ed-problem-list">
      {problems.map((p, i) => (
        <li key={i} className={`sev-${p.severity}`}>
          <SeverityIcon severity={p.severity} />
          <span>
            <span className="ed-sr">{p.severity}: </span>
            {plainMessage(def ?? NO_DEF, p.message)} <code>{p.path}</code>{' '}
            <span className="ed-code">{p.code}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
