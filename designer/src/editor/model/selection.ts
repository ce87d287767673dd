/** React Flow's select changes applied to a set of selected ids (nodes or edges alike). */
export function applySelects(
  selected: ReadonlySet<string>,
  selects: readonly { id: string; selected: boolean }[],
): Set<string> {
  const next = new Set(selected);
  for (const c of selects) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return next;
}
