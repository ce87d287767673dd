import { SeverityIcon } from './SeverityIcon.js';
import { fieldAnchor, type LocatedProblem, type Target } from '../model/problems.js';

const FOCUSABLE = 'input, select, textarea, button, summary, [tabindex]';

/** Scrolls only the panel that holds `el` (scrollIntoView would scroll the whole page too). */
function centreInPanel(el: HTMLElement) {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) {
      const box = el.getBoundingClientRect();
      const view = p.getBoundingClientRect();
      p.scrollTop += box.top - view.top - (p.clientHeight - box.height) / 2;
      return;
    }
  }
}

/**
 * After the Pathway tab opens, moves focus to the control a pathway-level problem is about (and
 * scrolls it into view), so a keyboard or screen-reader user lands on the field to fix. Tries for
 * a few frames because the tab renders after the click; falls back to the tab's own heading.
 */
function focusField(t: Target, tries = 10) {
  const anchor = fieldAnchor(t);
  if (!anchor) return;
  const el = document.getElementById(anchor);
  const control = [...(el?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find(
    (c) => c.getClientRects().length > 0 && !(c as HTMLInputElement).disabled,
  );
  const target = control ?? (el ? null : document.getElementById('ed-pathway-general'));
  if (target) {
    target.focus({ preventScroll: true });
    centreInPanel(target);
  } else if (tries > 0) requestAnimationFrame(() => focusField(t, tries - 1));
}

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
              onClick={() => {
                onGo(p.target);
                requestAnimationFrame(() => focusField(p.target));
              }}
            >
              <SeverityIcon severity={p.severity} />
              <span className="ed-problem-text">
                <span className="ed-problem-where">
                  <span className="ed-sr">{p.severity}, </span>
                  {p.where}
                </span>
                <span className="ed-problem-msg">{p.message}</span>
                {/* For implementers: the engine's code and the JSON path of the fault. */}
                <span className="ed-problem-code">
                  {p.code} · <code>{p.path}</code>
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
