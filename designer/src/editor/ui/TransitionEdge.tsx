import { memo } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../model/convert.js';
import { edgeGeometry } from '../model/edgePath.js';
import { useCanvasActions, useEdgeLabelHost } from './canvasActions.js';
import { edgeTrafficText } from '../model/traffic.js';

/** The tone of an edge decides its colour and arrowhead (markers are defined once per tone). */
export function edgeTone(e: Pick<FlowEdge, 'selected' | 'data'>): string {
  const d = e.data;
  if (d?.diff && d.diff !== 'same') return d.diff;
  if (d?.issue) return d.issue.severity;
  if (d?.taken) return 'taken';
  if (e.selected) return 'selected';
  return 'default';
}

/** A transition: a curve with its label (order, condition or "otherwise") and any problem. */
export const TransitionEdge = memo(function TransitionEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, selected } = props;
  const { selectEdge } = useCanvasActions();
  const labelHost = useEdgeLabelHost();
  const { path, labelX, labelY } = edgeGeometry(id, sourceX, sourceY, targetX, targetY);
  const tone = edgeTone({ selected: !!selected, data });
  const issue = data?.issue;
  const traffic = data?.traffic;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`ed-edge tone-${tone}${data?.fallback ? ' fallback' : ''}${traffic && !traffic.instances ? ' no-traffic' : ''}`}
        {...(traffic ? { style: { strokeWidth: traffic.width } } : {})}
        markerEnd={`url(#ed-arrow-${tone})`}
        interactionWidth={16}
      />
      {labelHost &&
        createPortal(
          <div
            className={`ed-edge-label tone-${tone}${selected ? ' is-selected' : ''}${data?.fallback ? ' fallback' : ''} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={issue ? issue.messages.join('\n') : (data?.label ?? '')}
            onClick={() => selectEdge(id)}
          >
            {issue && (
              <span className="ed-edge-issue" aria-hidden="true">
                {issue.severity === 'error' ? '!' : '▲'}
              </span>
            )}
            {traffic && (
              <span
                className={`ed-edge-traffic${traffic.instances ? '' : ' zero'}`}
                title={`Taken by ${edgeTrafficText(traffic)}`}
              >
                {traffic.instances}
              </span>
            )}
            {data?.order !== undefined && <span className="ed-edge-order">{data.order}.</span>}
            <span className="ed-edge-text">{data?.label}</span>
          </div>,
          labelHost,
        )}
    </>
  );
});

const TONES: Record<string, string> = {
  default: '#57606a',
  selected: '#0b5cad',
  error: '#b3261e',
  warning: '#9a6700',
  taken: '#1a7f37',
  added: '#1a7f37',
  removed: '#b3261e',
  changed: '#9a6700',
};

/** Arrowheads, one per tone, referenced by url(#ed-arrow-<tone>). */
export function EdgeMarkers() {
  return (
    <svg className="ed-markers" aria-hidden="true" focusable="false">
      <defs>
        {Object.entries(TONES).map(([tone, color]) => (
          <marker
            key={tone}
            id={`ed-arrow-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="12"
            markerHeight="12"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
