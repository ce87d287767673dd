// Where the canvas opens, and how far out its text stays worth drawing. Pure: Canvas.tsx feeds it
// the node bounds React Flow knows and the canvas size; unit-tested in viewport.test.ts.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Below this zoom node titles (13 px at zoom 1) drop under ~9 px on screen: too small to read
 * comfortably. A pathway whose fit needs less opens at this zoom instead: 0.7 keeps titles at
 * ~9 px (chosen from screenshots of cocm-depression at 0.65, where titles were small).
 */
export const READABLE_ZOOM = 0.7;
/** Below this zoom edge labels and node detail lines are unreadable: the canvas stops drawing them. */
export const DETAIL_ZOOM = 0.45;
/** Largest zoom a fit uses: a three-node pathway is not blown up to fill the screen. */
export const FIT_MAX_ZOOM = 1;

/** The minimap's size on screen (Canvas.tsx) and its margin from the canvas corner (React Flow's 15 px). */
export const MINIMAP_SIZE: Size = { width: 160, height: 110 };
const MINIMAP_MARGIN = 15;

/**
 * Screen pixels kept clear around fitted content. The right band is the minimap's width plus its
 * margins, so after a fit no node sits under the minimap (bottom right); the left band clears the
 * zoom buttons (bottom left). A right band costs less than a bottom one: pathways run top to bottom.
 */
export const FIT_PADDING = {
  top: 32,
  bottom: 32,
  left: 56,
  right: MINIMAP_SIZE.width + 2 * MINIMAP_MARGIN,
} as const;

/** FIT_PADDING in React Flow's fitView form (`{ top: '32px', … }`). */
export const FIT_PADDING_PX = Object.fromEntries(
  Object.entries(FIT_PADDING).map(([side, px]) => [side, `${px}px`]),
) as Record<keyof typeof FIT_PADDING, `${number}px`>;

/** The zoom at which `bounds` fits the canvas inside FIT_PADDING (before capping at FIT_MAX_ZOOM). */
export function fitZoom(bounds: Rect, canvas: Size): number {
  const w = canvas.width - FIT_PADDING.left - FIT_PADDING.right;
  const h = canvas.height - FIT_PADDING.top - FIT_PADDING.bottom;
  if (w <= 0 || h <= 0) return 0;
  return Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1));
}

/**
 * How to open a pathway: `null` means "fit everything" (it fits at a readable zoom, or the canvas
 * has no size yet); otherwise a viewport at READABLE_ZOOM with the start node (else the top of the
 * drawing) near the top centre of the free area. When the whole width fits at that zoom the drawing
 * is centred instead, so a narrow tall pathway is not pushed to one side.
 */
export function openingViewport(bounds: Rect, canvas: Size, start: Rect | null): Viewport | null {
  if (canvas.width <= 0 || canvas.height <= 0 || bounds.width <= 0 || bounds.height <= 0)
    return null;
  if (fitZoom(bounds, canvas) >= READABLE_ZOOM) return null;
  const zoom = READABLE_ZOOM;
  const freeW = canvas.width - FIT_PADDING.left - FIT_PADDING.right;
  const centreX = FIT_PADDING.left + freeW / 2;
  const anchor = start ?? { x: bounds.x, y: bounds.y, width: bounds.width, height: 0 };
  const focusX =
    bounds.width * zoom <= freeW ? bounds.x + bounds.width / 2 : anchor.x + anchor.width / 2;
  return {
    x: centreX - focusX * zoom,
    y: FIT_PADDING.top - anchor.y * zoom,
    zoom,
  };
}

/** Whether the canvas draws the simplified picture (no edge labels, no node detail lines). */
export const isFarOut = (zoom: number): boolean => zoom < DETAIL_ZOOM;
