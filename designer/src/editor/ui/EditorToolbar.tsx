import { useId } from 'react';
import type { VersionSummary } from '../../api/client.js';
import { EDIT_NEEDS, PUBLISH_NEEDS } from '../model/publishing.js';
import { href } from '../../shell/route.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The editor's header: where you are, whether it is saved and valid, and the editing tools. */
export function EditorToolbar(p: {
  id: string;
  title: string;
  live: VersionSummary | undefined;
  latest: VersionSummary | undefined;
  design: boolean;
  publisher: boolean;
  dirty: boolean;
  comparing: boolean;
  undoText: string | null;
  redoText: string | null;
  help: boolean;
  validity: { pending: boolean; errors: number; warnings: number };
  onHelp(open: boolean): void;
  onUndo(): void;
  onRedo(): void;
  onTidy(): void;
  onFit(): void;
  onExport(): void;
  onSave(): void;
  onPublish(): void;
  onShowProblems(): void;
}) {
  const { pending, errors, warnings } = p.validity;
  const id = useId();
  // Why a control is off, said next to the title and tied to the control (aria-describedby).
  const editNeeds = p.design ? undefined : `${id}-edit`;
  const publishNeeds = p.publisher ? undefined : `${id}-publish`;
  const tone =
    pending && !errors && !warnings ? 'pending' : errors ? 'error' : warnings ? 'warning' : 'ok';
  // The accessible name is the visible words plus hidden ones (WCAG 2.5.3: the label is in the name).
  const sr = (text: string) => <span className="ed-sr">{text}</span>;
  const dot = <span aria-hidden="true"> · </span>;
  const words =
    tone === 'pending' ? (
      <>Checking{sr(' the pathway')}…</>
    ) : errors ? (
      <>
        {plural(errors, 'error')}
        {warnings ? dot : null}
        {sr(' and ')}
        {warnings ? plural(warnings, 'warning') : sr(plural(warnings, 'warning'))}
        {sr(': show problems')}
      </>
    ) : warnings ? (
      <>
        Valid{dot}
        {sr(' with ')}
        {plural(warnings, 'warning')}
        {sr(': show problems')}
      </>
    ) : (
      <>
        <span aria-hidden="true">✓ </span>
        {sr('The pathway is ')}Valid
      </>
    );
  return (
    <header className="ed-toolbar">
      <a className="ed-back" href={href({ page: 'pathways' })}>
        ← Pathways
      </a>
      <div className="ed-titlebox">
        <h1>{p.title || p.id}</h1>
        <p>
          <code>{p.id}</code>
          <span aria-hidden="true"> · </span>
          {p.live ? (
            <span className="ed-badge live">v{p.live.version} live</span>
          ) : (
            <span>not live</span>
          )}
          {p.latest && p.latest !== p.live && <span> · latest v{p.latest.version}</span>}
          <span aria-hidden="true"> · </span>
          {p.design ? (
            <span className={p.dirty ? 'ed-dirty' : 'ed-clean'}>
              {p.dirty ? 'Unsaved changes' : 'All changes saved'}
            </span>
          ) : (
            <span className="ed-badge">View only</span>
          )}
        </p>
        {(!p.design || !p.publisher) && (
          <p className="ed-needs">
            {!p.design && <span id={editNeeds}>{EDIT_NEEDS}.</span>}
            {!p.publisher && <span id={publishNeeds}>{PUBLISH_NEEDS}.</span>}
          </p>
        )}
      </div>
      <div className="ed-tools" role="toolbar" aria-label="Editing tools">
        <button
          type="button"
          onClick={p.onUndo}
          disabled={!p.undoText || p.comparing || !p.design}
          aria-describedby={editNeeds}
          title={p.undoText ? `Undo ${p.undoText}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={p.onRedo}
          disabled={!p.redoText || p.comparing || !p.design}
          aria-describedby={editNeeds}
          title={p.redoText ? `Redo ${p.redoText}` : 'Nothing to redo'}
        >
          Redo
        </button>
        <button
          type="button"
          onClick={p.onTidy}
          disabled={p.comparing || !p.design}
          aria-describedby={editNeeds}
        >
          Tidy layout
        </button>
        <button type="button" onClick={p.onFit}>
          Zoom to fit
        </button>
        <span className="ed-popover-anchor">
          <button type="button" aria-expanded={p.help} onClick={() => p.onHelp(!p.help)}>
            Shortcuts
          </button>
          {p.help && <ShortcutsHelp onClose={() => p.onHelp(false)} />}
        </span>
        <button type="button" onClick={p.onExport}>
          Export
        </button>
        {p.design && (
          <button
            type="button"
            className={p.dirty ? 'primary' : undefined}
            onClick={p.onSave}
            disabled={!p.dirty}
          >
            Save draft
          </button>
        )}
        <button
          type="button"
          onClick={p.onPublish}
          disabled={!p.publisher}
          aria-describedby={publishNeeds}
        >
          Publish…
        </button>
      </div>
      <button type="button" className={`ed-validity ${tone}`} onClick={p.onShowProblems}>
        {words}
      </button>
    </header>
  );
}
