export function PathwaysPage() {
  return <p>Pathways (to be built)</p>;
}
