import type { PathwayDefinition } from '@care-pathways/engine';

/**
 * The contract between the editor and the simulator. The editor renders this panel beside the
 * canvas and lights up what `onProgress` reports.
 */
export interface SimulationProgress {
  status: 'active' | 'completed' | 'exited';
  /** Node ids the simulated patient is at. */
  active: string[];
  /** Transitions the patient has taken, as "from→to". */
  taken: string[];
}

export interface SimulationPanelProps {
  /** A valid definition (the editor only offers simulation when the draft validates). */
  definition: PathwayDefinition;
  /** Parameter values to simulate with (defaults when omitted). */
  params?: Record<string, number | boolean>;
  onProgress(progress: SimulationProgress): void;
}

export function SimulationPanel(_props: SimulationPanelProps) {
  return <p>Simulation (to be built)</p>;
}
