import { useId } from 'react';
import {
  instruments,
  type Answer,
  type InstrumentId,
  type ScoreOptions,
} from '@care-pathways/engine';
import { InstrumentForm } from '../care/InstrumentForm.js';

/** Choose one of the pathway's instruments (the awaited one first) and enter its answers. */
export function InstrumentEntry(props: {
  ids: readonly InstrumentId[];
  selected: InstrumentId;
  awaited: InstrumentId | null;
  options: ScoreOptions;
  /** Changes after each recorded event, so the form starts empty again. */
  formKey: string;
  onSelect(id: InstrumentId): void;
  onRecord(id: InstrumentId, answers: Answer[]): void;
}) {
  const id = useId();
  if (!props.ids.length) return <p className="muted">This pathway uses no instruments.</p>;
  return (
    <div className="instrument-entry">
      <div className="field">
        <label htmlFor={`${id}-inst`}>Instrument</label>
        <select
          id={`${id}-inst`}
          value={props.selected}
          onChange={(e) => props.onSelect(e.target.value as InstrumentId)}
        >
          {props.ids.map((i) => (
            <option key={i} value={i}>
              {instruments[i].shortTitle}
              {i === props.awaited ? ' (the current step waits for this)' : ''}
            </option>
          ))}
        </select>
      </div>
      <InstrumentForm
        key={`${props.selected}:${props.formKey}`}
        instrument={props.selected}
        options={props.options}
        samples
        onSubmit={(answers) => props.onRecord(props.selected, answers)}
      />
    </div>
  );
}
