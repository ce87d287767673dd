import { useMemo } from 'react';
import { factCatalogue, type PathwayDefinition } from '@care-pathways/engine';
import { factDescription, flattenFacts, instrumentFacts } from './facts.js';
import { formatChange, formatDate, formatValue, type DateOptions } from './format.js';
import { bandLabel } from './instrumentForm.js';
import { isInstrumentId } from '@care-pathways/engine';

/** The facts conditions read: scores per instrument first, then care facts, then everything. */
export function FactsView(props: {
  facts: Record<string, unknown>;
  def: Pick<PathwayDefinition, 'instruments' | 'parameters' | 'nodes'> | null;
  dates?: DateOptions;
}) {
  const { facts, def } = props;
  const ids = def?.instruments ?? [];
  const rows = instrumentFacts(facts, ids);
  const catalogue = useMemo(() => (def ? factCatalogue(def) : []), [def]);
  const all = useMemo(() => flattenFacts(facts), [facts]);
  const contacts = (facts.contacts ?? {}) as Record<string, unknown>;
  return (
    <div className="facts">
      {rows.length > 0 && (
        <table className="table compact">
          <caption className="sr-only">Scores by instrument</caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Latest</th>
              <th scope="col">Baseline</th>
              <th scope="col">Change</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <span className="cell-note">
                    {r.count} score{r.count === 1 ? '' : 's'}
                    {r.lastAt && `, last ${formatDate(r.lastAt, props.dates)}`}
                  </span>
                </th>
                <td>{r.latest ?? (r.risk ? `risk ${r.risk}` : '—')}</td>
                <td>{formatValue(r.baseline)}</td>
                <td>{formatChange(r.change)}</td>
                <td>{isInstrumentId(r.id) ? bandLabel(r.id, r.band) : formatValue(r.band)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="kv">
        <div>
          <dt>Weeks in care</dt>
          <dd>{formatValue(facts.weeksInCare)}</dd>
        </div>
        <div>
          <dt>Step level</dt>
          <dd>{formatValue(facts.stepLevel)}</dd>
        </div>
        <div>
          <dt>Enrolled</dt>
          <dd>{formatValue(facts.enrolled)}</dd>
        </div>
        <div>
          <dt>Contacts</dt>
          <dd>
            {formatValue(contacts.count)} ({formatValue(contacts.minutes)} min)
          </dd>
        </div>
        <div>
          <dt>Days in this node</dt>
          <dd>{formatValue(facts.daysInNode)}</dd>
        </div>
      </dl>
      <details className="all-facts">
        <summary>All facts ({all.length})</summary>
        <table className="table compact">
          <caption className="sr-only">All facts</caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {all.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{formatValue(value)}</td>
                <td className="muted">{factDescription(name, catalogue) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
