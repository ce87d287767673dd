import { useId, useState } from 'react';
import type { VersionSummary } from '../../api/client.js';
import { formatWhen } from '../download.js';
import { PUBLISH_NEEDS, setLiveSummary } from '../model/publishing.js';
import type { Side } from '../usePathwayServer.js';
import { Dialog } from './Dialog.js';

/** Published versions, the live one marked; set live, export, compare (version or draft). */
export function VersionsPanel({
  versions,
  canPublish,
  canPublishNow,
  onPublish,
  onSetLive,
  onExport,
  onCompare,
}: {
  versions: readonly VersionSummary[] | null;
  canPublish: boolean;
  canPublishNow: boolean;
  onPublish(): void;
  onSetLive(v: number): void;
  onExport(v: Side): void;
  onCompare(from: Side, to: Side): void;
}) {
  const id = useId();
  const list = versions ?? [];
  const live = list.find((v) => v.live);
  const latest = list[list.length - 1];
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('draft');
  const [confirming, setConfirming] = useState<number | null>(null);
  const fromValue = from || String(live?.version ?? latest?.version ?? '');
  const parse = (s: string): Side => (s === 'draft' ? 'draft' : Number(s));
  return (
    <section className="ed-versions" aria-labelledby={`${id}-h`}>
      <header className="ed-panel-head">
        <h2 id={`${id}-h`}>Versions</h2>
        <p className="ed-muted">
          Published versions never change. The live version is the one new patients start on;
          patients already in care stay on theirs.
        </p>
      </header>
      <div className="ed-actions">
        <button
          type="button"
          className="primary"
          onClick={onPublish}
          disabled={!canPublish || !canPublishNow}
          aria-describedby={canPublish ? undefined : `${id}-needs`}
        >
          Publish a new version…
        </button>
        <button type="button" onClick={() => onExport('draft')}>
          Export draft
        </button>
      </div>
      {!canPublish && (
        <p id={`${id}-needs`} className="ed-muted">
          {PUBLISH_NEEDS}.
        </p>
      )}
      {versions === null && <p role="status">Loading versions…</p>}
      {versions && list.length === 0 && <p className="ed-empty">Not published yet.</p>}
      {list.length > 0 && (
        <ol className="ed-version-list" reversed>
          {[...list].reverse().map((v) => (
            <li key={v.version} className={v.live ? 'is-live' : undefined}>
              <div className="ed-version-head">
                <strong>Version {v.version}</strong>
                {v.live && <span className="ed-badge live">Live</span>}
                <span className="ed-muted">{formatWhen(v.publishedAt)}</span>
              </div>
              {v.note && <p className="ed-version-note">{v.note}</p>}
              <div className="ed-row wrap">
                {canPublish && !v.live && (
                  <button
                    type="button"
                    className="ed-small"
                    onClick={() => setConfirming(v.version)}
                  >
                    Set version {v.version} live
                  </button>
                )}
                <button
                  type="button"
                  className="ed-small"
                  onClick={() => onCompare(v.version, 'draft')}
                >
                  Compare v{v.version} with draft
                </button>
                <button type="button" className="ed-small" onClick={() => onExport(v.version)}>
                  Export v{v.version}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.length > 0 && (
        <form
          className="ed-compare"
          aria-labelledby={`${id}-ch`}
          onSubmit={(e) => {
            e.preventDefault();
            if (fromValue && fromValue !== to) onCompare(parse(fromValue), parse(to));
          }}
        >
          <h3 id={`${id}-ch`}>Compare two versions</h3>
          <div className="ed-row wrap">
            <label htmlFor={`${id}-from`}>From</label>
            <select id={`${id}-from`} value={fromValue} onChange={(e) => setFrom(e.target.value)}>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                  {v.live ? ' (live)' : ''}
                </option>
              ))}
              <option value="draft">Draft</option>
            </select>
            <label htmlFor={`${id}-to`}>to</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                  {v.live ? ' (live)' : ''}
                </option>
              ))}
              <option value="draft">Draft</option>
            </select>
            <button type="submit" disabled={!fromValue || fromValue === to}>
              Compare
            </button>
          </div>
        </form>
      )}
      {confirming !== null && (
        <Dialog title={`Set version ${confirming} live?`} onClose={() => setConfirming(null)}>
          <p>{setLiveSummary(confirming, live?.version)}</p>
          <div className="ed-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirming(null);
                onSetLive(confirming);
              }}
            >
              Set live
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
