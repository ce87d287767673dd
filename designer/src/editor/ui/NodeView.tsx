import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../model/convert.js';
import { KIND_INFO } from '../model/kinds.js';
import { nodeTrafficText } from '../model/traffic.js';

const DIFF_WORD = { added: 'Added', removed: 'Removed', changed: 'Changed', same: '' } as const;

/**
 * One pathway node on the canvas. Memoised: React Flow hands it the same data object until the
 * node's own inputs change (see createConverter), so a 300-node canvas re-renders only edits.
 */
export const NodeView = memo(function NodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const { node, title, summary, issue, isStart, isSafety, active, diff, traffic } = data;
  const info = KIND_INFO[node.kind] ?? { label: String(node.kind), glyph: '?' };
  const classes = [
    'ed-node',
    `kind-${node.kind}`,
    issue ? `issue-${issue.severity}` : '',
    selected ? 'is-selected' : '',
    active ? 'is-active' : '',
    diff ? `diff-${diff}` : '',
    traffic ? 'has-traffic' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const tip = issue ? issue.messages.join('\n') : undefined;
  return (
    <div className={classes} title={tip}>
      <Handle type="target" position={Position.Top} className="ed-handle" />
      <div className="ed-node-head">
        <span className="ed-node-kind">
          <span aria-hidden="true">{info.glyph}</span> {info.label}
        </span>
        {isStart && <span className="ed-pill start">Start</span>}
        {isSafety && <span className="ed-pill safety">Safety route</span>}
        {active && <span className="ed-pill active">Patient here</span>}
        {diff && diff !== 'same' && (
          <span className={`ed-pill diff-${diff}`}>{DIFF_WORD[diff]}</span>
        )}
        {issue && (
          <span className={`ed-node-issue ${issue.severity}`} aria-hidden="true">
            {issue.severity === 'error' ? '!' : '▲'}
          </span>
        )}
      </div>
      {traffic && <span className="ed-node-traffic">{nodeTrafficText(traffic)}</span>}
      <div className="ed-node-title">{title}</div>
      <div className="ed-node-sub">{summary || <code>{id}</code>}</div>
      {issue && (
        <span id={`issue-${id}`} className="ed-sr">
          {issue.severity === 'error' ? 'Error' : 'Warning'}: {issue.messages.join('. ')}
        </span>
      )}
      {node.kind !== 'end' && (
        <Handle type="source" position={Position.Bottom} className="ed-handle" />
      )}
    </div>
  );
});
