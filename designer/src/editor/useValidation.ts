import { useEffect, useMemo, useRef, useState } from 'react';
import { validatePathway, type ValidationResult } from '@care-pathways/engine';
import type { Def } from './model/doc.js';

/** Up to this many nodes the engine validates on the main thread within a frame or two. */
const SYNC_MAX_NODES = 80;
const DEBOUNCE_MS = 150;

export interface Validated {
  result: ValidationResult;
  /** The definition the result describes (problem paths index into it). */
  def: Def;
  pending: boolean;
}

/**
 * Live validation of the structural definition (positions are not part of it, so dragging never
 * re-validates). Small pathways validate synchronously; large ones in a worker, debounced, and
 * the last result stays on screen meanwhile. `pending` is derived (the result describes an older
 * definition), not state: setting it on every keystroke cost a re-render of the whole editor.
 */
export function useValidation(def: Def): Validated {
  const large = def.nodes.length > SYNC_MAX_NODES;
  const sync = useMemo(() => (large ? null : { result: validatePathway(def), def }), [def, large]);
  const [async, setAsync] = useState<{ result: ValidationResult; def: Def } | null>(null);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const sent = useRef(new Map<number, Def>());

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(() => {
      const n = ++seq.current;
      try {
        if (!worker.current) {
          worker.current = new Worker(new URL('./validate.worker.ts', import.meta.url), {
            type: 'module',
          });
          worker.current.onmessage = (
            e: MessageEvent<{ seq: number; result: ValidationResult }>,
          ) => {
            const d = sent.current.get(e.data.seq);
            sent.current.delete(e.data.seq);
            if (!d || e.data.seq !== seq.current) return; // a newer request is on its way
            setAsync({ result: e.data.result, def: d });
          };
        }
        sent.current.set(n, def);
        worker.current.postMessage({ seq: n, def });
      } catch {
        // No workers (an old browser or a locked-down page): validate here.
        setAsync({ result: validatePathway(def), def });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [def, large]);

  if (sync) return { ...sync, pending: false };
  return async
    ? { ...async, pending: async.def !== def }
    : { result: { valid: false, errors: [], warnings: [] }, def, pending: true };
}
