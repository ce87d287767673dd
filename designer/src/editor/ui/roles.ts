import { BUILT_IN_ROLES } from '@care-pathways/engine';
import type { Def } from '../model/doc.js';

const LABEL: Record<string, string> = {
  pcp: 'Primary care provider',
  'care-manager': 'Care manager',
  'psychiatric-consultant': 'Psychiatric consultant',
  'behavioral-health-clinician': 'Behavioral health clinician',
  'medical-assistant': 'Medical assistant',
  patient: 'Patient',
};

/** Built-in roles and the practice's own, as select options. */
export function roleOptions(def: Def): { value: string; label: string }[] {
  return [
    ...BUILT_IN_ROLES.map((r) => ({ value: r, label: LABEL[r] ?? r })),
    ...(def.roles ?? []).map((r) => ({ value: r.id, label: `${r.title} (practice role)` })),
  ];
}

export const roleLabel = (def: Def, id: string) =>
  roleOptions(def).find((r) => r.value === id)?.label ?? id;

/** The role a node kind falls back to when none is given (authoring.md, node kinds). */
export const DEFAULT_ROLE: Partial<Record<string, string>> = {
  screen: 'medical-assistant',
  assess: 'care-manager',
  monitor: 'care-manager',
  refer: 'pcp',
};
