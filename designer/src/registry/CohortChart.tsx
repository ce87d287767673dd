import { useId, useMemo } from 'react';
import { OUTCOMES, cohortBars, percentText, type CohortGroup, type Outcome } from './registry.js';

/** Outcome colours, best (green) to unknown (grey); the legend and the table carry the words. */
const COLOURS: Record<Outcome, string> = {
  remission: '#116329',
  response: '#2da44e',
  partial: '#8fd19e',
  'in-treatment': '#b6c2cf',
  'not-improving': '#c2410c',
  'below-threshold': '#e3d3a8',
  'no-baseline': '#eaeef2',
};
/** Text on each fill, chosen for contrast (≥ 4.5:1). */
const INK: Record<Outcome, string> = {
  remission: '#ffffff',
  response: '#0a2e14',
  partial: '#0a2e14',
  'in-treatment': '#1f2328',
  'not-improving': '#ffffff',
  'below-threshold': '#1f2328',
  'no-baseline': '#1f2328',
};

const LABEL_W = 220;
const BAR_H = 28;
const GAP = 12;

/**
 * The caseload's outcomes per pathway as 100%-stacked bars (SVG, titled and described), with a
 * legend and the same figures as a table for screen readers and for reading exact numbers.
 */
export function CohortChart({ groups, width = 760 }: { groups: CohortGroup[]; width?: number }) {
  const id = useId();
  const plotWidth = Math.max(200, width - LABEL_W - 16);
  const bars = useMemo(
    () =>
      cohortBars(groups, { left: LABEL_W, width: plotWidth, top: 8, barHeight: BAR_H, gap: GAP }),
    [groups, plotWidth],
  );
  if (!groups.length) return null;
  const height = 8 + groups.length * (BAR_H + GAP) + 4;
  const summary = groups
    .map(
      (g) =>
        `${g.title}, ${g.total} patient${g.total === 1 ? '' : 's'}: ${g.counts
          .filter((c) => c.count > 0)
          .map((c) => `${c.label} ${c.count} (${percentText(c.share)})`)
          .join(', ')}`,
    )
    .join('. ');
  return (
    <figure className="cohort-chart">
      <ul className="legend" aria-label="Outcome groups">
        {OUTCOMES.map((o) => (
          <li key={o.id}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={COLOURS[o.id]} stroke="#57606a" strokeWidth="1" />
            </svg>
            {o.label}
          </li>
        ))}
      </ul>
      <svg
        className="chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>Cohort outcomes by pathway</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {bars.map((b) => (
          <g key={b.pathwayId}>
            <text
              x={LABEL_W - 8}
              y={b.y + BAR_H / 2}
              className="tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {b.title.length > 30 ? `${b.title.slice(0, 29)}…` : b.title} ({b.total})
            </text>
            {b.segments.map((s) => (
              <g key={s.outcome}>
                <rect
                  x={s.x}
                  y={b.y}
                  width={s.width}
                  height={BAR_H}
                  fill={COLOURS[s.outcome]}
                  stroke="#ffffff"
                  strokeWidth="1"
                >
                  <title>{`${b.title}: ${s.label}, ${s.text}`}</title>
                </rect>
                {s.width >= 34 && (
                  <text
                    x={s.x + s.width / 2}
                    y={b.y + BAR_H / 2}
                    className="segment-label"
                    textAnchor="middle"
                    dominantBaseline="middle"
                    fill={INK[s.outcome]}
                    aria-hidden="true"
                  >
                    {s.count}
                  </text>
                )}
              </g>
            ))}
          </g>
        ))}
      </svg>
      <details className="chart-table">
        <summary>Outcomes as a table</summary>
        <table className="table compact">
          <caption className="sr-only">Cohort outcomes by pathway</caption>
          <thead>
            <tr>
              <th scope="col">Pathway</th>
              {OUTCOMES.map((o) => (
                <th key={o.id} scope="col">
                  {o.label}
                </th>
              ))}
              <th scope="col">Patients</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.pathwayId}>
                <th scope="row">{g.title}</th>
                {g.counts.map((c) => (
                  <td key={c.outcome}>
                    {c.count} <span className="muted">({percentText(c.share)})</span>
                  </td>
                ))}
                <td>{g.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
