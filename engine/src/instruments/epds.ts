/** EPDS, Edinburgh Postnatal Depression Scale (clinical-reference A9, A15, E9). */
import { scoredItem } from './forms.js';
import type { ItemExtras } from './forms.js';
import { defineSumInstrument } from './scoring.js';

/**
 * The EPDS response wording is © Royal College of Psychiatrists and may not be republished
 * (clinical-reference A9 [P]), so options carry neutral labels by printed position.
 */
const OPTIONS = [
  'Response 1 (printed first)',
  'Response 2',
  'Response 3',
  'Response 4 (printed last)',
] as const;
/** Items 3 and 5–10 are reverse-scored on the printed form (top answer = 3). clinical-reference A9 [V] */
const REVERSE = [3, 2, 1, 0] as const;

const item = (number: number, text: string, extras: ItemExtras = {}) =>
  scoredItem(number, text, OPTIONS, extras);

export const epds = defineSumInstrument({
  id: 'epds',
  name: 'EPDS',
  title: 'Edinburgh Postnatal Depression Scale (EPDS)',
  shortTitle: 'EPDS',
  citation:
    'Cox JL, Holden JM, Sagovsky R. Detection of postnatal depression: development of the 10-item Edinburgh Postnatal Depression Scale. Br J Psychiatry 1987;150:782–786.',
  reference: 'clinical-reference A9',
  // Panel 71354-5 [V]; the total-score code (99046-5) is [U] and left out. clinical-reference A15
  loinc: { panel: '71354-5' },
  items: [
    item(1, 'Able to laugh and see the funny side of things'),
    item(2, 'Looked forward with enjoyment to things'),
    item(3, 'Blamed myself unnecessarily when things went wrong', { points: REVERSE }),
    item(4, 'Anxious or worried for no good reason'),
    item(5, 'Scared or panicky for no very good reason', { points: REVERSE }),
    item(6, 'Things have been getting on top of me', { points: REVERSE }),
    item(7, 'So unhappy that I have had difficulty sleeping', { points: REVERSE }),
    item(8, 'Felt sad or miserable', { points: REVERSE }),
    item(9, 'So unhappy that I have been crying', { points: REVERSE }),
    // Item 10 > 0 points → immediate assessment, whatever the total. clinical-reference A9 [V], E9
    item(10, 'The thought of harming myself has occurred to me', {
      points: REVERSE,
      critical: true,
    }),
  ],
  counts: [10],
  // clinical-reference A9 [V]: ≥10 possible depression, ≥13 probable depression.
  bands: [
    { id: 'unlikely', label: 'Depression unlikely', min: 0, max: 9 },
    { id: 'possible', label: 'Possible depression', min: 10, max: 12 },
    { id: 'probable', label: 'Probable depression', min: 13, max: 30 },
  ],
  threshold: {
    default: 13,
    min: 10,
    max: 13,
    note: '≥13 probable depression; ≥10 possible depression, for greater sensitivity (clinical-reference A9 [V]).',
  },
});
