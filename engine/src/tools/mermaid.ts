import type { JsonLogic, PathwayDefinition, PathwayNode } from '../definition/schema.js';
import { instruments } from '../instruments/index.js';
import { describe } from '../logic/evaluate.js';

const id = (nodeId: string) => `n_${nodeId.replace(/-/g, '_')}`;
const esc = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

function label(n: PathwayNode): string {
  const title = n.title ?? n.id;
  switch (n.kind) {
    case 'screen':
    case 'assess':
      return `${title}<br/><i>${n.kind} · ${instruments[n.instrument].shortTitle}</i>`;
    case 'monitor':
      return `${title}<br/><i>monitor · ${instruments[n.instrument].shortTitle} every ${every(n.every)}</i>`;
    case 'task':
      return `${title}<br/><i>task · ${n.role}${n.priority && n.priority !== 'routine' ? ` · ${n.priority}` : ''}</i>`;
    case 'refer':
      return `${title}<br/><i>refer · ${n.service} · ${n.urgency}</i>`;
    case 'wait':
      return `${title}<br/><i>wait ${every(n.duration)}</i>`;
    case 'step':
      return `${title}<br/><i>step ${n.direction}${n.level !== undefined ? ` ${n.level}` : ''}</i>`;
    case 'end':
      return `${title}<br/><i>end · ${n.outcome}</i>`;
    case 'decision':
      return title;
  }
}

function every(d: { hours?: number; days?: number; weeks?: number; param?: string }): string {
  if (d.param) return d.param;
  if (d.weeks) return `${d.weeks} wk`;
  if (d.days) return `${d.days} d`;
  return `${d.hours} h`;
}

function shape(n: PathwayNode, text: string): string {
  const t = `"${esc(text)
    .replace(/#lt;br\/#gt;/g, '<br/>')
    .replace(/#lt;(\/?)i#gt;/g, '<$1i>')}"`;
  switch (n.kind) {
    case 'decision':
      return `{${t}}`;
    case 'screen':
    case 'assess':
      return `[/${t}/]`;
    case 'monitor':
      return `([${t}])`;
    case 'refer':
      return `[[${t}]]`;
    case 'wait':
      return `>${t}]`;
    case 'end':
      return `((${t}))`;
    case 'step':
      return `[/${t}\\]`;
    case 'task':
      return `[${t}]`;
  }
}

/** A Mermaid flowchart of the pathway, for READMEs and code review. Layout is not used. */
export function toMermaid(def: PathwayDefinition): string {
  const lines = ['flowchart TD'];
  for (const n of def.nodes) lines.push(`  ${id(n.id)}${shape(n, label(n))}`);
  for (const t of def.transitions) {
    const text =
      t.label ??
      (t.otherwise ? 'otherwise' : t.when !== undefined ? describe(t.when as JsonLogic) : '');
    lines.push(
      text ? `  ${id(t.from)} -->|"${esc(text)}"| ${id(t.to)}` : `  ${id(t.from)} --> ${id(t.to)}`,
    );
  }
  if (def.safety) {
    lines.push(
      `  safety_any(["any positive critical item"]) -.->|"safety-risk"| ${id(def.safety.route)}`,
    );
    lines.push('  style safety_any fill:#fdd,stroke:#b00');
  }
  lines.push(`  style ${id(def.start)} stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}
