import { changeDetail, type DiffOverlay } from '../model/diff.js';
import { describeChangeTarget } from '../model/diffFlow.js';

const SIGN = { added: '+', removed: '−', changed: '~' } as const;

/**
 * The legend and the list of changes beside a visual diff; choosing a change selects it and
 * centres it on the canvas. The list is the text alternative to the coloured canvas: every
 * change is here, in words, reachable with the keyboard.
 */
export function DiffPanel({
  overlay,
  fromLabel,
  toLabel,
  onSelect,
  onLeave,
}: {
  overlay: DiffOverlay;
  fromLabel: string;
  toLabel: string;
  onSelect(id: string): void;
  onLeave(): void;
}) {
  const { changes, counts } = overlay;
  return (
    <section className="ed-diff-panel" aria-labelledby="ed-diff-h">
      <header className="ed-panel-head">
        <p className="ed-kicker">Comparison</p>
        <h2 id="ed-diff-h">
          {fromLabel} → {toLabel}
        </h2>
        <p role="status" className="ed-muted">
          {changes.length === 0
            ? 'No changes for patients (layout is ignored).'
            : `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed.`}
        </p>
      </header>
      <ul className="ed-legend" aria-label="Legend">
        <li>
          <span className="ed-swatch added" aria-hidden="true" /> Added
        </li>
        <li>
          <span className="ed-swatch removed" aria-hidden="true" /> Removed (ghosted)
        </li>
        <li>
          <span className="ed-swatch changed" aria-hidden="true" /> Changed
        </li>
        <li>
          <span className="ed-swatch same" aria-hidden="true" /> Unchanged
        </li>
      </ul>
      <button type="button" className="primary" onClick={onLeave}>
        Back to editing
      </button>
      {changes.length > 0 && (
        <ol className="ed-change-list" aria-label="Changes">
          {changes.map((c, i) => {
            const graph = c.kind === 'node' || c.kind === 'transition';
            const target = describeChangeTarget(c, overlay);
            const detail = changeDetail(c, overlay);
            const text = (
              <>
                <span className={`ed-change-op ${c.op}`} aria-hidden="true">
                  {SIGN[c.op]}
                </span>
                <span>
                  <strong>
                    {c.op} {c.kind}
                  </strong>
                  {target ? (
                    <>
                      <span className="ed-change-target"> — {target}</span>{' '}
                      {/* The id, for implementers: secondary to the title. */}
                      <code className="ed-muted">{c.id}</code>
                    </>
                  ) : (
                    <>
                      {' '}
                      <code>{c.id}</code>
                    </>
                  )}
                  {detail && <span className="ed-change-detail">{detail}</span>}
                </span>
              </>
            );
            return (
              <li key={i} className={`op-${c.op}`}>
                {graph ? (
                  <button
                    type="button"
                    className="ed-change-item"
                    aria-description="Show on the canvas"
                    onClick={() => onSelect(c.id)}
                  >
                    {text}
                  </button>
                ) : (
                  <div className="ed-change-item">{text}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
