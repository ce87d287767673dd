export function PatientsPage() {
  return <p>Patients (to be built)</p>;
}
export function PatientPage({ id }: { id: string }) {
  return <p>Patient {id} (to be built)</p>;
}
