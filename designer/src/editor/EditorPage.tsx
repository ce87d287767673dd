import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import {
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { href } from '../shell/route.js';
import { useSession } from '../shell/session.js';
import type { SimulationProgress } from '../simulate/SimulationPanel.js';
import { createConverter, type FlowEdge, type FlowNode, type ViewState } from './model/convert.js';
import type { DiffOverlay } from './model/diff.js';
import { diffToFlow } from './model/diffFlow.js';
import {
  fromStored,
  parameterDefaults,
  type EditorDoc,
  type NodeKind,
  type XY,
} from './model/doc.js';
import { newTransition } from './model/connect.js';
import { applyChange, type Change } from './model/edits.js';
import { historyReducer, initHistory, redoLabel, undoLabel } from './model/history.js';
import { transitionKeys } from './model/keys.js';
import { newNode } from './model/kinds.js';
import { autoLayout, completeLayout, freeSpot, NODE_H, NODE_W } from './model/layout.js';
import { createProblemMapper, type Target } from './model/problems.js';
import { applySelects } from './model/selection.js';
import { canDesign, canPublish } from './permissions.js';
import { isOnCanvas, isTextField, shortcutFor } from './shortcuts.js';
import { useLeaveGuard } from './useLeaveGuard.js';
import { useValidation } from './useValidation.js';
import { useTraffic } from './useTraffic.js';
import { createTrafficOverlay } from './model/traffic.js';
import { TrafficLegend, TrafficToggle } from './ui/TrafficLegend.js';
import { Canvas } from './ui/Canvas.js';
import { fitAll, showOpening } from './ui/canvasView.js';
import { CanvasActionsContext } from './ui/canvasActions.js';
import { DiffPanel } from './ui/DiffPanel.js';
import { EditorToolbar } from './ui/EditorToolbar.js';
import { SimulateTab } from './ui/SimulateTab.js';
import { EdgeInspector } from './ui/EdgeInspector.js';
import { NodeInspector } from './ui/NodeInspector.js';
import { Palette } from './ui/Palette.js';
import { PathwayPanel } from './ui/PathwayPanel.js';
import { ProblemsPanel } from './ui/ProblemsPanel.js';
import { LeaveDialog } from './ui/LeaveDialog.js';
import { PublishDialog } from './ui/PublishDialog.js';
import { VersionsPanel } from './ui/VersionsPanel.js';
import { message, usePathwayServer, type Notice, type Side } from './usePathwayServer.js';

type Tab = 'inspect' | 'pathway' | 'problems' | 'versions' | 'simulate';
interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}
interface DiffMode {
  overlay: DiffOverlay;
  fromLabel: string;
  toLabel: string;
  selected: string | null;
}
const NONE: ReadonlySet<string> = new Set();
const NO_SELECTION: Selection = { nodes: NONE, edges: NONE };

/** Loads a pathway's draft, then hands it to the editor. */
export function EditorPage({ id }: { id: string }) {
  const { api } = useSession();
  const [state, setState] = useState<{ doc: EditorDoc } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    api
      .draft(id)
      .then((d) => {
        if (!live) return;
        const { def, layout } = fromStored(d.definition);
        setState({ doc: { def, layout: completeLayout(def, layout) } });
      })
      .catch((e: unknown) => live && setState({ error: message(e) }));
    return () => {
      live = false;
    };
  }, [api, id]);
  if (!state)
    return (
      <p role="status" className="ed-loading">
        Loading pathway…
      </p>
    );
  if ('error' in state)
    return (
      <div className="ed">
        <p role="alert" className="ed-error">
          {state.error}
        </p>
        <a href={href({ page: 'pathways' })}>Back to pathways</a>
      </div>
    );
  return (
    <ReactFlowProvider>
      <Editor key={id} id={id} initial={state.doc} />
    </ReactFlowProvider>
  );
}

function Editor({ id, initial }: { id: string; initial: EditorDoc }) {
  const { api, me } = useSession();
  const design = canDesign(me.role);
  const publisher = canPublish(me.role);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const store = useStoreApi<FlowNode, FlowEdge>();

  // ——— the document and its history: every edit goes through the reducer ———
  const [history, dispatch] = useReducer(historyReducer, initial, initHistory);
  const doc = history.present;
  const { def, layout } = doc;
  const docRef = useRef(doc);
  useLayoutEffect(() => {
    docRef.current = doc;
  });
  const [saved, setSaved] = useState<EditorDoc>(initial);
  const dirty = doc !== saved;
  const commit = useCallback(
    (change: Change) => dispatch({ type: 'commit', change, at: Date.now() }),
    [],
  );

  // ——— view state ———
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [dragging, setDragging] = useState<ReadonlyMap<string, XY> | null>(null);
  const [tab, setTab] = useState<Tab>('inspect');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [help, setHelp] = useState(false);
  const [diff, setDiff] = useState<DiffMode | null>(null);
  const [simOpen, setSimOpen] = useState(false);
  const [sim, setSim] = useState<SimulationProgress | null>(null);
  const [focusParam, setFocusParam] = useState<string | null>(null);

  // ——— validation (structure only: positions never re-validate) ———
  const validated = useValidation(def);
  // Remembers the last map, so a result that says the same again leaves the canvas untouched.
  const [toProblemMap] = useState(createProblemMapper);
  const problemMap = useMemo(
    () => toProblemMap(validated.def, [...validated.result.errors, ...validated.result.warnings]),
    [toProblemMap, validated.def, validated.result],
  );
  const errors = validated.result.errors.length;
  const warnings = validated.result.warnings.length;
  const valid = !validated.pending && validated.result.valid && validated.def === def;
  const validDefinition = validated.result.valid ? validated.result.definition : undefined;
  const simParams = useMemo(() => parameterDefaults(def), [def]);
  const simulating = simOpen && !!validDefinition;

  // ——— definition → canvas (memoised per node and edge) ———
  const [converter] = useState(createConverter);
  const active = useMemo(() => (simulating && sim ? new Set(sim.active) : NONE), [simulating, sim]);
  const taken = useMemo(() => (simulating && sim ? new Set(sim.taken) : NONE), [simulating, sim]);
  const nodeView = useMemo<ViewState>(
    () => ({
      selectedNodes: selection.nodes,
      selectedEdges: selection.edges,
      nodeIssues: problemMap.nodes,
      edgeIssues: problemMap.edges,
      active,
      taken,
      ...(dragging ? { dragging } : {}),
    }),
    [selection, problemMap, active, taken, dragging],
  );
  const edgeView = useMemo<ViewState>(
    () => ({
      selectedNodes: selection.nodes,
      selectedEdges: selection.edges,
      nodeIssues: problemMap.nodes,
      edgeIssues: problemMap.edges,
      active,
      taken,
    }),
    // No `dragging` here: the edge list stays identical while a node moves.
    [selection, problemMap, active, taken],
  );
  const editNodes = useMemo(
    () => converter.nodes(def, layout, nodeView),
    [converter, def, layout, nodeView],
  );
  const editEdges = useMemo(() => converter.edges(def, edgeView), [converter, def, edgeView]);
  const diffFlow = useMemo(() => (diff ? diffToFlow(diff.overlay, diff.selected) : null), [diff]);
  const nodes = diffFlow?.nodes ?? editNodes;
  const edges = diffFlow?.edges ?? editEdges;

  // ——— selection helpers ———
  const keys = useMemo(() => transitionKeys(def.transitions), [def.transitions]);
  const centerOn = useCallback(
    (p: XY | undefined) => {
      if (!p) return;
      void flow.setCenter(p.x + NODE_W / 2, p.y + NODE_H / 2, {
        zoom: Math.max(flow.getZoom(), 0.85),
        duration: 300,
      });
    },
    [flow],
  );
  const selectNode = useCallback(
    (nodeId: string, center = false) => {
      setSelection({ nodes: new Set([nodeId]), edges: NONE });
      setTab((t) => (t === 'simulate' ? t : 'inspect'));
      if (center) centerOn(docRef.current.layout[nodeId]);
    },
    [centerOn],
  );
  const selectEdge = useCallback(
    (edgeId: string, center = false) => {
      setSelection({ nodes: NONE, edges: new Set([edgeId]) });
      setTab((t) => (t === 'simulate' ? t : 'inspect'));
      if (center) {
        const d = docRef.current;
        const i = transitionKeys(d.def.transitions).indexOf(edgeId);
        const t = d.def.transitions[i];
        const a = t && d.layout[t.from];
        const b = t && d.layout[t.to];
        if (a && b) centerOn({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      }
    },
    [centerOn],
  );
  const canvasActions = useMemo(
    () => ({
      selectEdge: (edgeId: string) => {
        if (diff) setDiff((d) => d && { ...d, selected: edgeId });
        else selectEdge(edgeId);
      },
    }),
    [diff, selectEdge],
  );

  // ——— canvas events ———
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (diff) {
        const on = selects.find((c) => c.selected);
        if (on) setDiff((d) => d && { ...d, selected: on.id });
        return;
      }
      if (selects.length) {
        setSelection((s) => ({ ...s, nodes: applySelects(s.nodes, selects) }));
        if (selects.some((c) => c.selected)) setTab((t) => (t === 'simulate' ? t : 'inspect'));
      }
      const moving = new Map<string, XY>();
      const done: { id: string; to: XY }[] = [];
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        const p = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
        if (c.dragging) moving.set(c.id, p);
        else done.push({ id: c.id, to: p });
      }
      if (moving.size) setDragging((prev) => new Map([...(prev ?? []), ...moving]));
      if (done.length) {
        if (design) commit({ type: 'nodes.move', moves: done });
        setDragging((prev) => {
          if (!prev) return null;
          const next = new Map(prev);
          for (const d of done) next.delete(d.id);
          return next.size ? next : null;
        });
      }
    },
    [commit, design, diff],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (!selects.length) return;
      if (diff) {
        const on = selects.find((c) => c.selected);
        if (on) setDiff((d) => d && { ...d, selected: on.id });
        return;
      }
      setSelection((s) => ({ ...s, edges: applySelects(s.edges, selects) }));
      if (selects.some((c) => c.selected)) setTab((t) => (t === 'simulate' ? t : 'inspect'));
    },
    [diff],
  );
  const connect = useCallback(
    (from: string, to: string) => {
      if (!design) return;
      const d = docRef.current.def;
      if (d.nodes.find((n) => n.id === from)?.kind === 'end') return;
      const transition = newTransition(d, from, to);
      commit({ type: 'transition.add', transition });
      selectEdge(transitionKeys([...d.transitions, transition]).at(-1)!);
    },
    [commit, design, selectEdge],
  );
  const onConnect = useCallback(
    (c: Connection) => c.source && c.target && connect(c.source, c.target),
    [connect],
  );

  const addNode = useCallback(
    (kind: NodeKind, at?: XY) => {
      if (!design) return;
      const d = docRef.current;
      const node = newNode(kind, d.def);
      let pos = at;
      if (!pos) {
        const { width, height } = store.getState();
        const vp = flow.getViewport();
        pos = freeSpot(d.layout, {
          x: (width / 2 - vp.x) / vp.zoom - NODE_W / 2,
          y: (height / 2 - vp.y) / vp.zoom - NODE_H / 2,
        });
      }
      const changes: Change[] = [];
      if ('instrument' in node && !d.def.instruments.includes(node.instrument))
        changes.push({
          type: 'pathway.update',
          patch: { instruments: [...d.def.instruments, node.instrument] },
        });
      changes.push({ type: 'node.add', node, position: pos });
      commit(
        changes.length === 1 ? changes[0]! : { type: 'batch', label: `add ${kind} node`, changes },
      );
      selectNode(node.id);
    },
    [commit, design, flow, selectNode, store],
  );

  const deleteSelection = useCallback(() => {
    if (!design) return;
    const d = docRef.current;
    const k = transitionKeys(d.def.transitions);
    const transitions = k.flatMap((key, i) => (selection.edges.has(key) ? [i] : []));
    const nodeIds = d.def.nodes.filter((n) => selection.nodes.has(n.id)).map((n) => n.id);
    if (!nodeIds.length && !transitions.length) return;
    commit({ type: 'remove', nodes: nodeIds, transitions });
    setSelection(NO_SELECTION);
  }, [commit, design, selection]);

  // ——— server actions ———
  const { versions, save, publish, setLive, exportSide, compare } = usePathwayServer({
    api,
    id,
    design,
    doc: docRef,
    dirty,
    notify: setNotice,
    onSaved: setSaved,
  });
  const leaving = useLeaveGuard(design && dirty);
  // ——— patient traffic: counts of a published version over the canvas (model/traffic.ts) ———
  const traffic = useTraffic(api, id, versions);
  const [showTraffic, setShowTraffic] = useState(false);
  const [overlayTraffic] = useState(createTrafficOverlay);
  const trafficOn = showTraffic && traffic.available && !diff;
  // The overlay keeps every node and edge object whose figures did not change: an edit still
  // re-renders only what it touched.
  const shown = useMemo(
    () => overlayTraffic(nodes, edges, trafficOn ? traffic.view : null),
    [overlayTraffic, nodes, edges, trafficOn, traffic.view],
  );

  const onPublish = async (note: string) => {
    const published = await publish(note);
    setPublishing(false);
    if (published) setTab('versions');
  };
  const onCompare = async (from: Side, to: Side) => {
    const d = await compare(from, to);
    if (!d) return;
    setSelection(NO_SELECTION);
    setDiff({ ...d, selected: null });
  };
  const leaveDiff = useCallback(() => setDiff(null), []);
  const diffOn = !!diff;
  const diffWasOn = useRef(diffOn);
  useEffect(() => {
    // Entering or leaving a comparison changes the whole graph: show all of it. Not on first
    // render: the canvas opens itself at a readable zoom (Canvas.tsx, model/viewport.ts).
    if (diffWasOn.current === diffOn) return;
    diffWasOn.current = diffOn;
    const t = setTimeout(() => fitAll(flow, 200), 30);
    return () => clearTimeout(t);
  }, [diffOn, flow]);
  // The side panel widens for the simulator (styles.css `.ed-side.wide`), so the canvas narrows or
  // widens: show the whole pathway again once React Flow has seen its new size.
  const wideSide = tab === 'simulate' && !diff;
  const sideWasWide = useRef(wideSide);
  useEffect(() => {
    if (sideWasWide.current === wideSide) return;
    sideWasWide.current = wideSide;
    const width = store.getState().width;
    let done = false;
    const fit = () => {
      if (done) return;
      done = true;
      stop();
      clearTimeout(fallback);
      const { width: w, height: h } = store.getState();
      showOpening(flow, { width: w, height: h }, 200);
    };
    const stop = store.subscribe((s) => s.width !== width && fit());
    const fallback = setTimeout(fit, 400); // the width may not change (a narrow window)
    return () => {
      stop();
      clearTimeout(fallback);
    };
  }, [wideSide, flow, store]);

  const tidy = () => {
    commit({ type: 'layout.set', layout: autoLayout(def) });
    setTimeout(() => fitAll(flow, 300), 30);
  };

  const goTo = (t: Target) => {
    if (t.kind === 'node') selectNode(t.id, true);
    else if (t.kind === 'edge') selectEdge(t.id, true);
    else {
      setTab('pathway');
      if (t.kind === 'parameter') {
        setFocusParam(t.name);
        setTimeout(
          () => document.getElementById(`param-${t.name}`)?.scrollIntoView({ block: 'center' }),
          50,
        );
      }
    }
  };

  // ——— keyboard ———
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        inField: isTextField(document.activeElement),
        onCanvas: isOnCanvas(document.activeElement),
      });
      if (!action || document.querySelector('dialog[open]')) return;
      switch (action) {
        case 'save':
          e.preventDefault();
          if (design) void save();
          return;
        case 'undo':
        case 'redo':
          if (diff || !design) return;
          e.preventDefault();
          dispatch({ type: action });
          return;
        case 'delete':
          if (diff) return;
          e.preventDefault();
          deleteSelection();
          return;
        case 'escape':
          if (diff) leaveDiff();
          else setSelection(NO_SELECTION);
          return;
        case 'help':
          e.preventDefault();
          setHelp((h) => !h);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deleteSelection, design, diff, leaveDiff, save]);

  // ——— what the side panel inspects ———
  const selectedNode =
    selection.nodes.size === 1 && !selection.edges.size
      ? def.nodes.find((n) => selection.nodes.has(n.id))
      : undefined;
  const selectedEdgeKey =
    selection.edges.size === 1 && !selection.nodes.size ? [...selection.edges][0]! : null;
  const selectedEdgeIndex = selectedEdgeKey ? keys.indexOf(selectedEdgeKey) : -1;
  const selectedEdge = selectedEdgeIndex >= 0 ? def.transitions[selectedEdgeIndex] : undefined;
  const many = selection.nodes.size + selection.edges.size > 1;
  const live = versions?.find((v) => v.live);
  const latest = versions?.[versions.length - 1];
  const undoText = undoLabel(history);
  const panels = useRef<HTMLDivElement>(null);
  const panelsScrolled = useRef(false);
  const inspected = selectedNode?.id ?? selectedEdgeKey ?? '';
  useEffect(() => {
    // A new selection starts at the top of its inspector. Only when scrolled: scrollTo forces a
    // layout of the whole page, canvas included (~50 ms per click on a 300-node pathway).
    if (tab === 'inspect' && panelsScrolled.current) panels.current?.scrollTo({ top: 0 });
  }, [inspected]);
  useEffect(() => {
    if (notice?.kind !== 'status' || notice.text.endsWith('…')) return;
    const t = setTimeout(() => setNotice((n) => (n === notice ? null : n)), 6000);
    return () => clearTimeout(t);
  }, [notice]);
  const redoText = redoLabel(history);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'inspect', label: 'Inspector' },
    { id: 'pathway', label: 'Pathway' },
    { id: 'problems', label: `Problems${errors + warnings ? ` (${errors + warnings})` : ''}` },
    { id: 'versions', label: 'Versions' },
    { id: 'simulate', label: 'Simulate' },
  ];

  const inspector = (
    <fieldset className="ed-plain" disabled={!design}>
      {selectedNode ? (
        <NodeInspector
          key={selectedNode.id}
          node={selectedNode}
          def={def}
          problems={problemMap.problems.filter(
            (p) => p.target.kind === 'node' && p.target.id === selectedNode.id,
          )}
          commit={commit}
          onRename={(newId) => {
            commit({ type: 'node.update', id: selectedNode.id, patch: { id: newId } });
            setSelection({ nodes: new Set([newId]), edges: NONE });
          }}
          onSelectEdge={(k) => selectEdge(k, true)}
          onConnect={(to) => connect(selectedNode.id, to)}
          onDelete={() => {
            commit({ type: 'remove', nodes: [selectedNode.id], transitions: [] });
            setSelection(NO_SELECTION);
          }}
        />
      ) : selectedEdge && selectedEdgeKey ? (
        <EdgeInspector
          key={selectedEdgeKey}
          transition={selectedEdge}
          index={selectedEdgeIndex}
          def={def}
          problems={problemMap.problems.filter(
            (p) => p.target.kind === 'edge' && p.target.id === selectedEdgeKey,
          )}
          commit={commit}
          commitKeepSelected={(c) => {
            const next = applyChange(docRef.current, c);
            commit(c);
            const k = transitionKeys(next.def.transitions)[selectedEdgeIndex];
            if (k) setSelection({ nodes: NONE, edges: new Set([k]) });
          }}
          onSelectNode={(n) => selectNode(n, true)}
          onDelete={() => {
            commit({ type: 'remove', nodes: [], transitions: [selectedEdgeIndex] });
            setSelection(NO_SELECTION);
          }}
        />
      ) : many ? (
        <div className="ed-empty-inspector">
          <h2>{selection.nodes.size + selection.edges.size} items selected</h2>
          <p className="ed-muted">Drag to move them together, or delete them.</p>
          <button type="button" className="danger" onClick={deleteSelection}>
            Delete selected
          </button>
        </div>
      ) : (
        <div className="ed-empty-inspector">
          <h2>Nothing selected</h2>
          <p className="ed-muted">
            Select a node or a transition on the canvas to edit it here. Add nodes from the palette;
            connect them by dragging from a node’s lower handle.
          </p>
          <button type="button" onClick={() => setTab('pathway')}>
            Edit pathway settings and parameters
          </button>
        </div>
      )}
    </fieldset>
  );

  return (
    <CanvasActionsContext.Provider value={canvasActions}>
      <div className={`ed ed-editor${diff ? ' in-diff' : ''}${design ? '' : ' read-only'}`}>
        <EditorToolbar
          id={id}
          title={def.title}
          live={live}
          latest={latest}
          design={design}
          publisher={publisher}
          dirty={dirty}
          comparing={!!diff}
          undoText={undoText}
          redoText={redoText}
          help={help}
          validity={{ pending: validated.pending, errors, warnings }}
          onHelp={setHelp}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
          onTidy={tidy}
          onFit={() => fitAll(flow, 300)}
          onExport={() => void exportSide('draft')}
          onSave={() => void save()}
          onPublish={() => setPublishing(true)}
          onShowProblems={() => setTab('problems')}
        />
        <div className="ed-notices">
          <p role="status" className="ed-notice">
            {notice?.kind === 'status' ? notice.text : ''}
          </p>
          {notice?.kind === 'alert' && (
            <p role="alert" className="ed-notice alert">
              {notice.text}{' '}
              <button type="button" className="ed-link" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
        </div>
        <div className="ed-body">
          {!diff && design && <Palette onAdd={(k) => addNode(k)} />}
          <Canvas
            nodes={shown.nodes}
            edges={shown.edges}
            overlay={
              traffic.available && !diff ? (
                <div className="ed-traffic">
                  <TrafficToggle
                    on={showTraffic}
                    onChange={setShowTraffic}
                    version={traffic.version}
                  />
                  {trafficOn && traffic.view && versions && (
                    <TrafficLegend
                      view={traffic.view}
                      versions={versions}
                      onVersion={traffic.setVersion}
                      onRefresh={() => void traffic.reload()}
                    />
                  )}
                </div>
              ) : undefined
            }
            readOnly={!!diff || !design}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onDropKind={addNode}
            onPaneClick={() =>
              diff ? setDiff((d) => d && { ...d, selected: null }) : setSelection(NO_SELECTION)
            }
          />
          <aside className={`ed-side${wideSide ? ' wide' : ''}`} aria-label="Side panel">
            {diff ? (
              <DiffPanel
                overlay={diff.overlay}
                fromLabel={diff.fromLabel}
                toLabel={diff.toLabel}
                onLeave={leaveDiff}
                onSelect={(sel) => {
                  setDiff((d) => d && { ...d, selected: sel });
                  const n = diff.overlay.nodes.find((x) => x.node.id === sel);
                  const e = diff.overlay.edges.find((x) => x.id === sel);
                  const pos = (nid: string) =>
                    diff.overlay.nodes.find((x) => x.node.id === nid)?.position;
                  if (n) centerOn(n.position);
                  else if (e) {
                    const a = pos(e.transition.from);
                    const b = pos(e.transition.to);
                    if (a && b) centerOn({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
                  }
                }}
              />
            ) : (
              <>
                <div role="tablist" aria-label="Side panel" className="ed-tabs">
                  {tabs.map((t) => (
                    <button
                      key={t.id}
                      type="button"
                      role="tab"
                      id={`ed-tab-${t.id}`}
                      aria-selected={tab === t.id}
                      aria-controls={`ed-panel-${t.id}`}
                      className={t.id === 'problems' && errors ? 'has-errors' : undefined}
                      onClick={() => {
                        setTab(t.id);
                        if (t.id === 'simulate' && validDefinition) setSimOpen(true);
                      }}
                    >
                      {t.label}
                    </button>
                  ))}
                </div>
                <div
                  className="ed-panels"
                  ref={panels}
                  onScroll={(e) => (panelsScrolled.current = e.currentTarget.scrollTop > 0)}
                >
                  {tab === 'inspect' && (
                    <div role="tabpanel" id="ed-panel-inspect" aria-labelledby="ed-tab-inspect">
                      {inspector}
                    </div>
                  )}
                  {tab === 'pathway' && (
                    <div role="tabpanel" id="ed-panel-pathway" aria-labelledby="ed-tab-pathway">
                      <fieldset className="ed-plain" disabled={!design}>
                        <PathwayPanel
                          def={def}
                          problems={problemMap.problems.filter(
                            (p) => p.target.kind === 'pathway' || p.target.kind === 'parameter',
                          )}
                          commit={commit}
                          focusParameter={focusParam}
                        />
                      </fieldset>
                    </div>
                  )}
                  {tab === 'problems' && (
                    <div role="tabpanel" id="ed-panel-problems" aria-labelledby="ed-tab-problems">
                      <ProblemsPanel
                        problems={problemMap.problems}
                        pending={validated.pending}
                        onGo={goTo}
                      />
                    </div>
                  )}
                  {tab === 'versions' && (
                    <div role="tabpanel" id="ed-panel-versions" aria-labelledby="ed-tab-versions">
                      <VersionsPanel
                        versions={versions}
                        canPublish={publisher}
                        canPublishNow={valid}
                        onPublish={() => setPublishing(true)}
                        onSetLive={(v) => void setLive(v)}
                        onExport={(s) => void exportSide(s)}
                        onCompare={(a, b) => void onCompare(a, b)}
                      />
                    </div>
                  )}
                  <div
                    role="tabpanel"
                    id="ed-panel-simulate"
                    aria-labelledby="ed-tab-simulate"
                    hidden={tab !== 'simulate'}
                  >
                    <SimulateTab
                      definition={validDefinition}
                      pending={validated.pending}
                      errors={errors}
                      open={simOpen}
                      params={simParams}
                      onOpen={() => setSimOpen(true)}
                      onEnd={() => {
                        setSimOpen(false);
                        setSim(null);
                      }}
                      onProgress={setSim}
                      onShowProblems={() => setTab('problems')}
                    />
                  </div>
                </div>
              </>
            )}
          </aside>
        </div>
        {leaving.proceed && (
          <LeaveDialog
            title={def.title || id}
            onSave={save}
            onLeave={leaving.proceed}
            onStay={leaving.stay}
          />
        )}
        {publishing && (
          <PublishDialog
            nextVersion={(latest?.version ?? 0) + 1}
            dirty={dirty}
            valid={valid}
            errors={errors}
            onPublish={onPublish}
            onClose={() => setPublishing(false)}
          />
        )}
      </div>
    </CanvasActionsContext.Provider>
  );
}
