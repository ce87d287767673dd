import { useCallback, useEffect, useState, type RefObject } from 'react';
import { ApiError, type Api, type VersionSummary } from '../api/client.js';
import { downloadJson } from './download.js';
import { diffOverlay, type DiffOverlay, type DiffSide } from './model/diff.js';
import { fromStored, toStored, type EditorDoc } from './model/doc.js';

export type Side = number | 'draft';
export type Notice = { kind: 'status' | 'alert'; text: string };
export const message = (e: unknown) =>
  e instanceof ApiError ? e.message : 'Cannot reach the server';

/**
 * The editor's conversations with the server: the versions list, saving the draft, publishing,
 * setting live, exporting and fetching versions to compare. Results and failures come back as
 * notices (role=status / role=alert in the page).
 */
export function usePathwayServer({
  api,
  id,
  design,
  doc,
  dirty,
  notify,
  onSaved,
}: {
  api: Api;
  id: string;
  design: boolean;
  doc: RefObject<EditorDoc>;
  dirty: boolean;
  notify(n: Notice): void;
  onSaved(saved: EditorDoc): void;
}) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const loadVersions = useCallback(() => {
    api
      .versions(id)
      .then(setVersions)
      .catch((e: unknown) =>
        notify({ kind: 'alert', text: `Could not load versions: ${message(e)}` }),
      );
  }, [api, id, notify]);
  useEffect(loadVersions, [loadVersions]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!design) return false;
    const current = doc.current;
    notify({ kind: 'status', text: 'Saving…' });
    try {
      await api.saveDraft(id, toStored(current));
      onSaved(current);
      notify({ kind: 'status', text: `Draft saved at ${new Date().toLocaleTimeString()}.` });
      return true;
    } catch (e) {
      notify({ kind: 'alert', text: `Could not save the draft: ${message(e)}` });
      return false;
    }
  }, [api, design, doc, id, notify, onSaved]);

  /** Publishes the draft (saving it first); true when a version was made. */
  const publish = async (note: string): Promise<boolean> => {
    if (dirty && design && !(await save())) return false;
    try {
      const v = await api.publish(id, note || undefined);
      notify({
        kind: 'status',
        text: `Published version ${v.version}. Set it live in Versions when ready.`,
      });
      loadVersions();
      return true;
    } catch (e) {
      notify({ kind: 'alert', text: `Could not publish: ${message(e)}` });
      return false;
    }
  };

  const setLive = async (v: number) => {
    try {
      await api.setLive(id, v);
      notify({ kind: 'status', text: `Version ${v} is now live: new patients start on it.` });
      loadVersions();
    } catch (e) {
      notify({ kind: 'alert', text: `Could not set version ${v} live: ${message(e)}` });
    }
  };

  const exportSide = async (s: Side) => {
    try {
      if (s === 'draft') downloadJson(`${id}.json`, toStored(doc.current));
      else downloadJson(`${id}-v${s}.json`, (await api.version(id, s)).definition);
      notify({ kind: 'status', text: `Exported ${s === 'draft' ? 'the draft' : `version ${s}`}.` });
    } catch (e) {
      notify({ kind: 'alert', text: `Could not export: ${message(e)}` });
    }
  };

  /** The visual diff of two sides (a version or the draft in hand, unsaved edits included). */
  const compare = async (
    from: Side,
    to: Side,
  ): Promise<{ overlay: DiffOverlay; fromLabel: string; toLabel: string } | null> => {
    const side = async (s: Side): Promise<DiffSide> => {
      if (s === 'draft')
        return {
          label: dirty ? 'Draft (unsaved)' : 'Draft',
          def: doc.current.def,
          layout: doc.current.layout,
        };
      const v = await api.version(id, s);
      const { def, layout } = fromStored(v.definition);
      return { label: `Version ${s}`, def, layout };
    };
    try {
      const [a, b] = await Promise.all([side(from), side(to)]);
      return { overlay: diffOverlay(a, b), fromLabel: a.label, toLabel: b.label };
    } catch (e) {
      notify({ kind: 'alert', text: `Could not compare: ${message(e)}` });
      return null;
    }
  };

  return { versions, save, publish, setLive, exportSide, compare };
}
