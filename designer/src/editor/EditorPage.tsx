export function EditorPage({ id }: { id: string }) {
  return <p>Editor for {id} (to be built)</p>;
}
