import type { PathwayDefinition } from '../definition/schema.js';
import { FLAGS } from '../runtime/state.js';
import { instruments } from '../instruments/index.js';
import type { InstrumentId } from '../instruments/types.js';

/**
 * Every fact a condition may read (DESIGN.md §4), with its type and range. The validator uses it
 * to reject unknown variables and impossible constants; the designer's condition builder lists it.
 */
export type FactType = 'number' | 'boolean' | 'string' | 'string[]' | 'number[]' | 'time';

export interface FactInfo {
  name: string;
  type: FactType;
  description: string;
  /** Inclusive range for numbers. */
  range?: { min: number; max: number };
  /** Allowed values for strings (and members of string lists). */
  values?: readonly string[];
  /** May be null before the first score. */
  nullable?: boolean;
}

function instrumentFacts(id: InstrumentId): FactInfo[] {
  const inst = instruments[id];
  const range = inst.totalRange ?? undefined;
  const n = inst.shortTitle;
  const facts: FactInfo[] = [
    {
      name: `${id}.latest`,
      type: 'number',
      description: `${n}: latest total`,
      range,
      nullable: true,
    },
    {
      name: `${id}.previous`,
      type: 'number',
      description: `${n}: total before the latest`,
      range,
      nullable: true,
    },
    {
      name: `${id}.baseline`,
      type: 'number',
      description: `${n}: baseline total (at enrolment: the latest within 7 days before, else the next one; before enrolment: the first)`,
      range,
      nullable: true,
    },
    { name: `${id}.items`, type: 'number[]', description: `${n}: latest answers (form positions)` },
    {
      name: `${id}.band`,
      type: 'string',
      description: `${n}: latest severity band`,
      values: inst.bandIds,
      nullable: true,
    },
    {
      name: `${id}.positive`,
      type: 'boolean',
      description: `${n}: latest screen positive (tailored threshold)`,
    },
    {
      name: `${id}.critical`,
      type: 'boolean',
      description: `${n}: a critical (safety) item was positive in the latest`,
    },
    {
      name: `${id}.change`,
      type: 'number',
      description: `${n}: change from baseline as a fraction of baseline (−0.5 = 50% better)`,
      range: { min: -1, max: 100 },
      nullable: true,
    },
    {
      name: `${id}.count`,
      type: 'number',
      description: `${n}: number of scores in this episode`,
      range: { min: 0, max: 10_000 },
    },
    {
      name: `${id}.lastAt`,
      type: 'time',
      description: `${n}: when the latest was completed`,
      nullable: true,
    },
    {
      name: `${id}.daysSinceLast`,
      type: 'number',
      description: `${n}: days since the latest`,
      range: { min: 0, max: 100_000 },
      nullable: true,
    },
  ];
  if (inst.totalRange === null) {
    facts.push({
      name: `${id}.risk`,
      type: 'string',
      description: `${n}: latest risk level`,
      values: inst.bandIds,
      nullable: true,
    });
  }
  if (inst.remissionBelow !== undefined) {
    facts.push(
      { name: `${id}.response`, type: 'boolean', description: `${n}: ≥50% below a baseline ≥10` },
      {
        name: `${id}.partialResponse`,
        type: 'boolean',
        description: `${n}: 25–50% below a baseline ≥10`,
      },
      {
        name: `${id}.remission`,
        type: 'boolean',
        description: `${n}: latest below ${inst.remissionBelow}, from a baseline ≥ 10`,
      },
      {
        name: `${id}.remissionStreak`,
        type: 'number',
        description: `${n}: consecutive latest totals below ${inst.remissionBelow} (any baseline)`,
        range: { min: 0, max: 10_000 },
      },
    );
  }
  return facts;
}

const CARE_FACTS: FactInfo[] = [
  {
    name: 'weeksInCare',
    type: 'number',
    description: 'Whole weeks since enrolment (or since the pathway started, before enrolment)',
    range: { min: 0, max: 5200 },
  },
  {
    name: 'daysInCare',
    type: 'number',
    description: 'Whole days since enrolment (or since the pathway started)',
    range: { min: 0, max: 36_500 },
  },
  {
    name: 'daysInNode',
    type: 'number',
    description: 'Whole days since the current node was entered',
    range: { min: 0, max: 36_500 },
  },
  {
    name: 'stepLevel',
    type: 'number',
    description: 'Current stepped-care level',
    range: { min: 0, max: 10 },
  },
  { name: 'enrolled', type: 'boolean', description: 'The patient has been enrolled' },
  { name: 'flags', type: 'string[]', description: 'Derived flags', values: FLAGS },
  {
    name: 'patient.age',
    type: 'number',
    description: 'Age in years',
    range: { min: 0, max: 130 },
    nullable: true,
  },
  {
    name: 'patient.sex',
    type: 'string',
    description: 'Sex',
    values: ['female', 'male', 'other', 'unknown'],
    nullable: true,
  },
  {
    name: 'contacts.count',
    type: 'number',
    description: 'Care-team contacts logged',
    range: { min: 0, max: 100_000 },
  },
  {
    name: 'contacts.minutes',
    type: 'number',
    description: 'Minutes of contact logged in this episode',
    range: { min: 0, max: 10_000_000 },
  },
  {
    name: 'contacts.daysSinceLast',
    type: 'number',
    description: 'Days since the last logged contact',
    range: { min: 0, max: 100_000 },
    nullable: true,
  },
  {
    name: 'daysSinceEngagement',
    type: 'number',
    description:
      'Days since the patient last engaged (a contact or a completed instrument), or since the start',
    range: { min: 0, max: 100_000 },
  },
];

/** All facts readable by conditions in this pathway. */
export function factCatalogue(
  def: Pick<PathwayDefinition, 'instruments' | 'parameters' | 'nodes'>,
): FactInfo[] {
  const facts: FactInfo[] = [...CARE_FACTS];
  for (const id of new Set(def.instruments))
    if (id in instruments) facts.push(...instrumentFacts(id));
  for (const [name, p] of Object.entries(def.parameters ?? {})) {
    facts.push({
      name: `params.${name}`,
      type: p.type === 'boolean' ? 'boolean' : 'number',
      description: p.description,
      range: p.min !== undefined && p.max !== undefined ? { min: p.min, max: p.max } : undefined,
    });
  }
  for (const node of def.nodes) {
    if (node.kind === 'task') {
      facts.push({
        name: `outcomes.${node.id}`,
        type: 'string',
        description: `Outcome of task "${node.title}"`,
        values: node.outcomes,
        nullable: true,
      });
    } else if (node.kind === 'refer') {
      facts.push({
        name: `outcomes.${node.id}`,
        type: 'string',
        description: `Status of referral to ${node.service}`,
        values: ['accepted', 'declined', 'completed', 'no-show'],
        nullable: true,
      });
    }
  }
  return facts;
}
