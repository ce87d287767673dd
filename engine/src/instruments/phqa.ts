/** PHQ-A / PHQ-9 Modified for Teens (clinical-reference A3, A15, E5). */
import { DIFFICULTY, FREQUENCY_2_WEEKS, NO_YES, scoredItem, unscoredItem } from './forms.js';
import { PHQ_SEVERITY_BANDS } from './phq9.js';
import { optionalValue, phqAlgorithm, yesNoValue } from './phqAlgorithm.js';
import { defineSumInstrument } from './scoring.js';

export const phqa = defineSumInstrument({
  id: 'phqa',
  name: 'PHQ-A',
  title: 'PHQ-9 Modified for Teens (PHQ-A)',
  shortTitle: 'PHQ-A',
  citation:
    'Johnson JG, Harris ES, Spitzer RL, Williams JBW. The Patient Health Questionnaire for Adolescents. J Adolesc Health 2002;30(3):196–204. Richardson LP et al. Pediatrics 2010;126(6):1117–1123.',
  reference: 'clinical-reference A3',
  // clinical-reference A15 [V]; item codes for the teen form are not in the reference.
  loinc: { panel: '89206-7', total: '89204-2' },
  items: [
    // Items 1 and 2 are SWAPPED relative to the adult PHQ-9 (A3 [V], E5); item 4 adds weight loss,
    // item 7 names school work (NIMH ASQ toolkit PHQ-A page).
    scoredItem(1, 'Feeling down, depressed, irritable, or hopeless', FREQUENCY_2_WEEKS),
    scoredItem(2, 'Little interest or pleasure in doing things', FREQUENCY_2_WEEKS),
    scoredItem(3, 'Trouble falling or staying asleep, or sleeping too much', FREQUENCY_2_WEEKS),
    scoredItem(4, 'Poor appetite, weight loss, or overeating', FREQUENCY_2_WEEKS),
    scoredItem(5, 'Feeling tired or having little energy', FREQUENCY_2_WEEKS),
    scoredItem(6, 'Feeling bad about yourself, or that you are a failure', FREQUENCY_2_WEEKS),
    scoredItem(
      7,
      'Trouble concentrating on things like school work, reading, or watching TV',
      FREQUENCY_2_WEEKS,
    ),
    scoredItem(8, 'Moving or speaking slowly, or being fidgety or restless', FREQUENCY_2_WEEKS),
    scoredItem(9, 'Thoughts of being better off dead or of self-harm', FREQUENCY_2_WEEKS, {
      critical: true,
    }),
    // Extra items, not in the total (A3 [V]); each may be left blank.
    unscoredItem(10, 'Past year: felt depressed or sad most days (dysthymia screen)', NO_YES, {
      optional: true,
    }),
    unscoredItem(11, 'Difficulty these problems caused (functional impairment)', DIFFICULTY, {
      optional: true,
    }),
    // Yes to either extra suicide question → clinical interview (GLAD-PC). A3 [V], E5
    unscoredItem(12, 'Past month: serious thoughts about ending your life', NO_YES, {
      optional: true,
      critical: true,
    }),
    unscoredItem(13, 'Ever tried to kill yourself or made a suicide attempt', NO_YES, {
      optional: true,
      critical: true,
    }),
  ],
  // The 13-item form, or just the 9 scored items (extras not asked).
  counts: [9, 13],
  bands: PHQ_SEVERITY_BANDS,
  threshold: {
    default: 10,
    min: 10,
    max: 11,
    note: 'GLAD-PC: ≥10 screen; Richardson 2010: ≥11 was optimal (89.5% sensitivity, 77.5% specificity). clinical-reference A3 [V]',
  },
  // PHQ-9M < 5 is remission in CMS159. clinical-reference D2 [V]
  remissionBelow: 5,
  details: ({ points }) => ({
    algorithm: phqAlgorithm(points.slice(0, 9)),
    // PHQ-A item 1 = depressed/irritable mood (adult PHQ-9 item 2); item 2 = anhedonia (adult item 1).
    depressedMood: points[0],
    anhedonia: points[1],
    pastYearDepressed: yesNoValue(points[9]),
    difficulty: optionalValue(points[10]),
    pastMonthSeriousSuicidalThoughts: yesNoValue(points[11]),
    lifetimeSuicideAttempt: yesNoValue(points[12]),
  }),
});
