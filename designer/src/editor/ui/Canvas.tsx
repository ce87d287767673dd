import { useCallback, useEffect, useRef, type DragEvent, type ReactNode } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type ReactFlowState,
} from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../model/convert.js';
import type { NodeKind, XY } from '../model/doc.js';
import { NODE_H, NODE_W } from '../model/layout.js';
import { MINIMAP_SIZE, isFarOut } from '../model/viewport.js';
import { showOpening } from './canvasView.js';
import { NodeView } from './NodeView.js';
import { EdgeLabelHostContext } from './canvasActions.js';
import { EdgeMarkers, TransitionEdge } from './TransitionEdge.js';

// Module-level so React Flow never sees new node/edge types (which would remount everything).
const nodeTypes = { pathway: NodeView };
const edgeTypes = { transition: TransitionEdge };
export const PALETTE_MIME = 'application/x-care-pathway-kind';
const labelHostOf = (s: ReactFlowState) =>
  s.domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;
// Booleans, so the canvas re-renders when they flip, not on every pan or zoom step.
const farOutOf = (s: ReactFlowState) => isFarOut(s.transform[2]);
const sizedOf = (s: ReactFlowState) => s.width > 0 && s.height > 0 && s.nodeLookup.size > 0;
const MINIMAP_STYLE = { width: MINIMAP_SIZE.width, height: MINIMAP_SIZE.height };

const MINIMAP: Record<string, string> = {
  error: '#d1242f',
  warning: '#bf8700',
  active: '#1a7f37',
  added: '#2da44e',
  removed: '#cf222e',
  changed: '#bf8700',
  end: '#57606a',
  decision: '#8250df',
  default: '#6e9fd6',
};
function minimapColor(n: FlowNode): string {
  const d = n.data;
  if (d.diff && d.diff !== 'same') return MINIMAP[d.diff]!;
  if (d.active) return MINIMAP.active!;
  if (d.issue) return MINIMAP[d.issue.severity]!;
  return MINIMAP[d.node.kind] ?? MINIMAP.default!;
}

export interface CanvasProps {
  nodes: FlowNode[];
  edges: FlowEdge[];
  readOnly?: boolean;
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  onConnect?(c: Connection): void;
  onDropKind?(kind: NodeKind, at: XY): void;
  onPaneClick?(): void;
  /** Drawn over the canvas's top-left corner (the patient-traffic switch and legend). */
  overlay?: ReactNode;
}

/** The React Flow canvas: custom nodes and edges, minimap, zoom controls, dotted background. */
export function Canvas({
  nodes,
  edges,
  readOnly,
  onNodesChange,
  onEdgesChange,
  onConnect,
  onDropKind,
  onPaneClick,
  overlay,
}: CanvasProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const labelHost = useStore(labelHostOf);
  const farOut = useStore(farOutOf);
  // Open once, as soon as React Flow knows the canvas size and the (pre-measured) nodes.
  const store = useStoreApi<FlowNode, FlowEdge>();
  const sized = useStore(sizedOf);
  const opened = useRef(false);
  useEffect(() => {
    if (!sized || opened.current) return;
    opened.current = true;
    const { width, height } = store.getState();
    showOpening(flow, { width, height });
  }, [sized, flow, store]);
  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!kind || !onDropKind) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      onDropKind(kind, { x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) });
    },
    [flow, onDropKind],
  );
  const large = nodes.length > 150;
  return (
    // `far-out` (styles.css) drops edge labels and node detail lines where they are unreadable.
    <div
      className={farOut ? 'ed-canvas far-out' : 'ed-canvas'}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeLabelHostContext.Provider value={labelHost}>
        <EdgeMarkers />
        {overlay}
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onPaneClick={onPaneClick}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={null}
          minZoom={0.05}
          maxZoom={2}
          onlyRenderVisibleElements={large}
          aria-label="Pathway canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#b8c0c8" />
          <MiniMap<FlowNode>
            pannable
            zoomable
            style={MINIMAP_STYLE}
            nodeColor={minimapColor}
            nodeStrokeWidth={2}
            ariaLabel="Mini map of the pathway"
            maskColor="rgb(240 242 245 / 70%)"
          />
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </EdgeLabelHostContext.Provider>
    </div>
  );
}
