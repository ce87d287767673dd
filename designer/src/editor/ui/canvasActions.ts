import { createContext, useContext } from 'react';

/** Callbacks the canvas's custom edges need (labels are HTML outside the edge's SVG group). */
export interface CanvasActions {
  selectEdge(id: string): void;
}
export const CanvasActionsContext = createContext<CanvasActions>({ selectEdge: () => undefined });
export const useCanvasActions = () => useContext(CanvasActionsContext);

/**
 * The element edge labels are portalled into (React Flow's edge-label layer). The canvas looks it
 * up once and hands it down: React Flow's own `<EdgeLabelRenderer>` subscribes every label to the
 * store and runs a `querySelector` over the whole canvas per label on every store update, which
 * with ~380 edges dominated each keystroke and click on a 300-node pathway.
 */
export const EdgeLabelHostContext = createContext<HTMLElement | null>(null);
export const useEdgeLabelHost = () => useContext(EdgeLabelHostContext);
