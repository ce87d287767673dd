import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { instruments, type InstrumentId } from '@care-pathways/engine';
import { chartLayout } from './chart.js';
import { formatDate, formatDateTime } from './format.js';
import type { Series } from './trajectory.js';

const COLOURS = ['#0b5cad', '#a04a00', '#6f42c1', '#1a7f37'];
const DASHES = ['', '7 4', '2 4', '10 4 2 4'];
const SHADES = ['#e6f4ea', '#eef6e0', '#fdf5d8', '#fde9d6', '#fbe0dd'];

const shade = (severity: number) => SHADES[Math.round(severity * (SHADES.length - 1))]!;

/**
 * Scores over time as an SVG line chart: one line per instrument, the severity bands of one
 * instrument shaded behind, every point titled; a table carries the same data in text.
 */
export function TrajectoryChart(props: {
  series: readonly Series[];
  start: string;
  end: string;
  /** The instrument whose bands to shade first (the pathway's primary measure). */
  primary?: InstrumentId | null;
  title: string;
}) {
  const id = useId();
  const withBands = props.series.filter((s) => instruments[s.instrument].bands.length > 0);
  const [bandsOf, setBandsOf] = useState<InstrumentId | null>(
    () =>
      withBands.find((s) => s.instrument === props.primary)?.instrument ??
      withBands[0]?.instrument ??
      null,
  );
  const offset = -new Date().getTimezoneOffset() * 60_000;
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 720);
  const layout = useMemo(
    () =>
      chartLayout(props.series, {
        width,
        height: Math.round(Math.min(340, Math.max(220, width * 0.4))),
        start: Date.parse(props.start),
        end: Date.parse(props.end),
        bandsOf,
        offset,
      }),
    [props.series, props.start, props.end, bandsOf, offset, width],
  );
  if (!props.series.length)
    return (
      <p className="muted">
        No scores yet: the chart appears after the first instrument is recorded.
      </p>
    );

  const { plot } = layout;
  const summary = props.series
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points[s.points.length - 1]!;
      return s.points.length === 1
        ? `${s.name}: one score, ${first.total} (${first.bandLabel}) on ${formatDate(first.at)}`
        : `${s.name}: ${s.points.length} scores, from ${first.total} (${first.bandLabel}) on ${formatDate(first.at)} to ${last.total} (${last.bandLabel}) on ${formatDate(last.at)}`;
    })
    .join('. ');

  return (
    <figure className="trajectory" ref={box}>
      <div className="chart-controls">
        <ul className="legend" aria-label="Lines">
          {layout.lines.map((l, i) => (
            <li key={l.instrument}>
              <svg width="28" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="28"
                  y2="5"
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth="2.5"
                  strokeDasharray={DASHES[i % DASHES.length]}
                />
              </svg>
              {l.name}
            </li>
          ))}
        </ul>
        {withBands.length > 1 && (
          <label className="inline">
            Shade bands of
            <select
              value={bandsOf ?? ''}
              onChange={(e) => setBandsOf((e.target.value || null) as InstrumentId | null)}
            >
              {withBands.map((s) => (
                <option key={s.instrument} value={s.instrument}>
                  {s.name}
                </option>
              ))}
              <option value="">None</option>
            </select>
          </label>
        )}
      </div>
      <svg
        className="chart"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {layout.bands.map((b) => (
          <g key={b.id}>
            <rect
              x={plot.left}
              y={b.y}
              width={plot.right - plot.left}
              height={b.height}
              fill={shade(b.severity)}
            />
            <text
              x={plot.right + 6}
              y={b.y + b.height / 2}
              className="band-label"
              dominantBaseline="middle"
            >
              {b.label}
            </text>
          </g>
        ))}
        {layout.yTicks.map((t) => (
          <g key={t.v}>
            <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} className="grid" />
            <text
              x={plot.left - 6}
              y={t.y}
              className="tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {t.v}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <g key={t.t}>
            <line x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} className="grid" />
            <text x={t.x} y={plot.bottom + 16} className="tick" textAnchor="middle">
              {formatDate(new Date(t.t).toISOString()).replace(/ \d{4}$/, '')}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className="axis" />
        <text
          x={12}
          y={(plot.top + plot.bottom) / 2}
          className="axis-label"
          transform={`rotate(-90 12 ${(plot.top + plot.bottom) / 2})`}
          textAnchor="middle"
        >
          Score
        </text>
        {layout.lines.map((l, i) => (
          <g key={l.instrument}>
            <path
              d={l.path}
              fill="none"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth="2.5"
              strokeDasharray={DASHES[i % DASHES.length]}
            />
            {l.points.map((p, j) => (
              <circle
                key={j}
                cx={p.x}
                cy={p.y}
                r="4.5"
                fill="#fff"
                stroke={COLOURS[i % COLOURS.length]}
                strokeWidth="2.5"
              >
                <title>{`${l.name} ${p.total} (${p.bandLabel}) on ${formatDateTime(p.at)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <details className="chart-table">
        <summary>Scores as a table</summary>
        <table className="table compact">
          <caption className="sr-only">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Instrument</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {props.series
              .flatMap((s) => s.points.map((p) => ({ ...p, name: s.name })))
              .sort((a, b) => a.t - b.t)
              .map((p) => (
                <tr key={`${p.instrument}-${p.seq}`}>
                  <td>{formatDateTime(p.at)}</td>
                  <td>{p.name}</td>
                  <td>{p.total}</td>
                  <td>{p.bandLabel}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The element's width, followed as it resizes, so text in the chart keeps its size. */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, Math.floor(el.clientWidth)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
