import { useId, useState } from 'react';
import { SCENARIO_START, type Problem } from '@care-pathways/engine';
import { fromLocalInput, toLocalInput } from '../care/format.js';
import type { Setup } from './driver.js';

type Sex = NonNullable<Setup['patient']['sex']>;

/** The synthetic patient: age, sex and when the pathway starts. */
export function PatientSetup(props: { problems: Problem[]; onStart(setup: Setup): void }) {
  const id = useId();
  const [age, setAge] = useState('45');
  const [sex, setSex] = useState<Sex | ''>('female');
  const [at, setAt] = useState(() => toLocalInput(SCENARIO_START));
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="sim-setup"
      aria-label="Synthetic patient"
      onSubmit={(e) => {
        e.preventDefault();
        const n = age.trim() === '' ? undefined : Number(age);
        if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 130))
          return setError('Age must be a whole number of years from 0 to 130, or left blank.');
        const when = fromLocalInput(at);
        if (!when) return setError('Enter the date and time the pathway starts.');
        setError(null);
        props.onStart({
          at: when,
          patient: { ...(n !== undefined ? { age: n } : {}), ...(sex ? { sex } : {}) },
        });
      }}
    >
      <p className="hint">
        Create a synthetic patient, then record answers, complete tasks and move the clock to see
        where the pathway takes them. Nothing is saved.
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-age`}>Age (years)</label>
          <input
            id={`${id}-age`}
            type="number"
            inputMode="numeric"
            min={0}
            max={130}
            value={age}
            onChange={(e) => setAge(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sex`}>Sex</label>
          <select id={`${id}-sex`} value={sex} onChange={(e) => setSex(e.target.value as Sex | '')}>
            <option value="female">Female</option>
            <option value="male">Male</option>
            <option value="other">Other</option>
            <option value="unknown">Unknown</option>
            <option value="">Not recorded</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>Pathway starts</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          required
        />
      </div>
      {(error || props.problems.length > 0) && (
        <div role="alert" className="error">
          {error && <p>{error}</p>}
          {props.problems.map((p, i) => (
            <p key={i}>{p.message}</p>
          ))}
        </div>
      )}
      <button type="submit" className="primary">
        Start simulation
      </button>
    </form>
  );
}
