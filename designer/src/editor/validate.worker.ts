import { validatePathway } from '@care-pathways/engine';

/** Validates large drafts off the main thread so typing stays smooth. */
interface Request {
  seq: number;
  def: unknown;
}
// The DOM lib types `self` as a Window; in a dedicated worker postMessage takes one argument.
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = (e) => {
  scope.postMessage({ seq: e.data.seq, result: validatePathway(e.data.def) });
};
