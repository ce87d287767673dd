import { useId, useState } from 'react';
import type { Def } from '../model/doc.js';
import type { Change } from '../model/edits.js';
import type { LocatedProblem } from '../model/problems.js';
import {
  checkSteps,
  ENGINE_DEFAULT_STEPS as DEFAULT,
  levelsUsed,
  STEP_LABELS,
  stepsText,
  type StepsField,
  type StepsText,
} from '../model/steps.js';

const FIELDS: StepsField[] = ['min', 'initial', 'max'];

/**
 * Stepped-care levels: lowest, starting and highest. A field that is wrong keeps what was typed
 * and says why beside it; nothing reaches the pathway until all three are right (then one edit,
 * typing coalesced by the history). The engine's own problems with `steps` show here too.
 */
export function StepsEditor({
  def,
  problems,
  commit,
}: {
  def: Def;
  problems: readonly LocatedProblem[];
  commit(c: Change): void;
}) {
  const id = useId();
  const saved = def.steps;
  // A draft belongs to the steps it was typed over: undo or redo elsewhere discards it.
  const [draft, setDraft] = useState<{ base: Def['steps']; text: StepsText } | null>(null);
  const text = draft && draft.base === saved ? draft.text : stepsText(saved ?? DEFAULT);
  const { problems: local } = checkSteps(text);
  const engine = problems.filter((p) => p.path === '$.steps' || p.path.startsWith('$.steps.'));
  const used = levelsUsed(def);

  const edit = (f: StepsField, value: string) => {
    const next = { ...text, [f]: value };
    const { steps } = checkSteps(next);
    if (steps) {
      const same =
        saved &&
        saved.min === steps.min &&
        saved.max === steps.max &&
        saved.initial === steps.initial;
      if (!same) commit({ type: 'pathway.update', patch: { steps } });
      setDraft(null);
    } else setDraft({ base: saved, text: next });
  };

  return (
    <fieldset className="ed-field ed-steps" aria-describedby={`${id}-help`}>
      <legend>Stepped-care levels</legend>
      <p id={`${id}-help`} className="ed-hint">
        A step level is how intensive a patient’s care is. In stepped care everyone starts at the
        least intensive step that may help and moves up when they are not improving, down when they
        are: step 1 assessment and active monitoring, step 2 low-intensity support (guided
        self-help), step 3 high-intensity therapy or medication, step 4 specialist and crisis care
        (NICE CG90 and CG113; clinical-reference B6). Step nodes move patients between these levels;
        conditions read the level as <code>stepLevel</code>.
      </p>
      <div className="ed-grid3">
        {FIELDS.map((f) => {
          const problem = local[f] ?? null;
          return (
            <div key={f} className={`ed-field${problem ? ' has-problem' : ''}`}>
              <label htmlFor={`${id}-${f}`}>{STEP_LABELS[f]}</label>
              <input
                id={`${id}-${f}`}
                type="number"
                inputMode="numeric"
                step={1}
                className="ed-num"
                value={text[f]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-${f}-problem` : undefined}
                onChange={(e) => edit(f, e.target.value)}
              />
              {problem && (
                <span id={`${id}-${f}-problem`} className="ed-problem">
                  {problem}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <p className="ed-hint">
        {saved
          ? `This pathway’s own levels. `
          : `Not set: the engine’s default, levels ${DEFAULT.min}–${DEFAULT.max} starting at ${DEFAULT.initial}. `}
        {used.length
          ? `Step nodes use ${used.map((u) => `level ${u.level} (${u.id})`).join(', ')}.`
          : 'No step node sets a level.'}
      </p>
      {engine.length > 0 && (
        <ul className="ed-inline-problems" aria-label="Problems with the step levels">
          {engine.map((p, i) => (
            <li key={i} className={`sev-${p.severity}`}>
              <span className="ed-sr">{p.severity}: </span>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {saved && (
        <div className="ed-actions">
          <button
            type="button"
            onClick={() => {
              setDraft(null);
              commit({ type: 'pathway.update', patch: { steps: undefined } });
            }}
          >
            Use the default levels ({DEFAULT.min}–{DEFAULT.max})
          </button>
        </div>
      )}
    </fieldset>
  );
}
