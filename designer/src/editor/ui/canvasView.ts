import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../model/convert.js';
import { FIT_MAX_ZOOM, FIT_PADDING_PX, openingViewport, type Size } from '../model/viewport.js';

type Flow = ReactFlowInstance<FlowNode, FlowEdge>;

/** Shows every node, clear of the minimap corner ("Zoom to fit", tidy, entering a comparison). */
export function fitAll(flow: Flow, duration?: number): void {
  void flow.fitView({ padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, duration });
}

/**
 * The opening view (model/viewport.ts): everything when it fits at a readable zoom, else the
 * start node near the top centre at READABLE_ZOOM. `canvas` is React Flow's store width/height.
 */
export function showOpening(flow: Flow, canvas: Size, duration?: number): void {
  const nodes = flow.getNodes();
  if (!nodes.length) return;
  const start = nodes.find((n) => n.data.isStart);
  const view = openingViewport(
    flow.getNodesBounds(nodes),
    canvas,
    start ? flow.getNodesBounds([start]) : null,
  );
  if (view) void flow.setViewport(view, { duration });
  else fitAll(flow, duration);
}
