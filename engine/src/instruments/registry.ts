/** The instrument registry: id → definition. */
import { asq } from './asq.js';
import { audit } from './audit.js';
import { auditc } from './auditc.js';
import { cssrs } from './cssrs.js';
import { dast10 } from './dast10.js';
import { epds } from './epds.js';
import { gad2 } from './gad2.js';
import { gad7 } from './gad7.js';
import { pcptsd5 } from './pcptsd5.js';
import { phq2 } from './phq2.js';
import { phq9 } from './phq9.js';
import { phqa } from './phqa.js';
import { INSTRUMENT_IDS } from './types.js';
import type { InstrumentDefinition, InstrumentId } from './types.js';

export const instruments: Readonly<Record<InstrumentId, InstrumentDefinition>> = Object.freeze({
  phq9,
  phq2,
  phqa,
  gad7,
  gad2,
  auditc,
  audit,
  dast10,
  epds,
  pcptsd5,
  cssrs,
  asq,
});

export function isInstrumentId(x: unknown): x is InstrumentId {
  return typeof x === 'string' && (INSTRUMENT_IDS as readonly string[]).includes(x);
}

export function getInstrument(id: string): InstrumentDefinition | undefined {
  return isInstrumentId(id) ? instruments[id] : undefined;
}
