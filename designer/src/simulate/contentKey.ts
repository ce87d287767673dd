/**
 * A short key for a definition's content, so the simulation restarts (and replays) when the
 * pathway's meaning changes but not when the editor hands over an equal copy or only moves nodes.
 */
const keys = new WeakMap<object, string>();

/** FNV-1a, 32 bit: enough to tell versions of one pathway apart in one session. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function contentKey(definition: object, params: unknown = {}): string {
  let k = keys.get(definition);
  if (k === undefined) {
    // Layout is designer-only: it changes nothing the engine does.
    const { layout: _layout, ...rest } = definition as Record<string, unknown>;
    k = hash(JSON.stringify(rest));
    keys.set(definition, k);
  }
  return `${k}.${hash(JSON.stringify(params ?? {}))}`;
}
