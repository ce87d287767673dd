import { NODE_KINDS } from '@care-pathways/engine';
import type { NodeKind } from '../model/doc.js';
import { KIND_INFO } from '../model/kinds.js';
import { PALETTE_MIME } from './Canvas.js';

/** The node kinds: click to add one in view, or drag one onto the canvas. */
export function Palette({ onAdd, disabled }: { onAdd(kind: NodeKind): void; disabled?: boolean }) {
  return (
    <nav className="ed-palette" aria-labelledby="ed-palette-h">
      <h2 id="ed-palette-h">Add a node</h2>
      <ul>
        {NODE_KINDS.map((kind) => {
          const info = KIND_INFO[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className={`ed-palette-item kind-${kind}`}
                draggable={!disabled}
                disabled={disabled}
                aria-describedby={`ed-palette-${kind}`}
                onClick={() => onAdd(kind)}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, kind);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                <span className="ed-palette-glyph" aria-hidden="true">
                  {info.glyph}
                </span>
                <span className="ed-palette-text">
                  <span className="ed-palette-name">{info.label}</span>
                  <span id={`ed-palette-${kind}`} className="ed-palette-blurb">
                    {info.blurb}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="ed-hint">
        Connect nodes by dragging from a node’s lower handle to another node.
      </p>
    </nav>
  );
}
