import { createContext, useContext } from 'react';

/** Callbacks the canvas's custom edges need (labels are HTML outside the edge's SVG group). */
export interface CanvasActions {
  selectEdge(id: string): void;
}
export const CanvasActionsContext = createContext<CanvasActions>({ selectEdge: () => undefined });
export const useCanvasActions = () => useContext(CanvasActionsContext);
