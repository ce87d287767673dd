export function WorklistPage() {
  return <p>Worklist (to be built)</p>;
}
