import type { PathwayDefinition } from '@care-pathways/engine';
import { SimulationPanel, type SimulationProgress } from '../../simulate/SimulationPanel.js';

/** The Simulate tab: offered only for a valid draft; the panel itself is another engineer's. */
export function SimulateTab({
  definition,
  pending,
  errors,
  open,
  params,
  onOpen,
  onEnd,
  onProgress,
  onShowProblems,
}: {
  definition: PathwayDefinition | undefined;
  pending: boolean;
  errors: number;
  open: boolean;
  params: Record<string, number | boolean>;
  onOpen(): void;
  onEnd(): void;
  onProgress(p: SimulationProgress): void;
  onShowProblems(): void;
}) {
  if (!definition)
    return (
      <div className="ed-empty-inspector">
        <h2>Simulate</h2>
        <p className="ed-muted">
          {pending
            ? 'Checking the pathway…'
            : `Simulation needs a valid pathway. Fix the ${errors} error${errors === 1 ? '' : 's'} first.`}
        </p>
        {!pending && (
          <button type="button" onClick={onShowProblems}>
            Show problems
          </button>
        )}
      </div>
    );
  if (!open)
    return (
      <div className="ed-empty-inspector">
        <h2>Simulate</h2>
        <p className="ed-muted">
          Walk a synthetic patient through this draft and watch the canvas light up.
        </p>
        <button type="button" className="primary" onClick={onOpen}>
          Start simulation
        </button>
      </div>
    );
  return (
    <>
      <div className="ed-sim-head">
        <p className="ed-muted">
          The patient’s current node is lit on the canvas; taken transitions turn green.
        </p>
        <button type="button" onClick={onEnd}>
          End simulation
        </button>
      </div>
      <SimulationPanel definition={definition} params={params} onProgress={onProgress} />
    </>
  );
}
