/**
 * Words and dates for people, not machines: role and status labels, dates and "due in 3 days".
 * Pure; the time zone is a parameter so tests do not depend on the machine's.
 */
import { instruments, isInstrumentId } from '@care-pathways/engine';

const ROLE_TITLES: Record<string, string> = {
  pcp: 'Primary care provider',
  'care-manager': 'Care manager',
  'psychiatric-consultant': 'Psychiatric consultant',
  'behavioral-health-clinician': 'Behavioral health clinician',
  'medical-assistant': 'Medical assistant',
  patient: 'Patient',
};

/** "care-manager" → "Care manager"; a practice's own roles come with their titles. */
export function roleTitle(role: string, extra: readonly { id: string; title: string }[] = []) {
  return extra.find((r) => r.id === role)?.title ?? ROLE_TITLES[role] ?? humanize(role);
}

/** "step-up" → "Step up"; slugs shown to people read as words. */
export function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "phq9" → "PHQ-9"; unknown ids are shown as they are. */
export function instrumentName(id: string): string {
  return isInstrumentId(id) ? instruments[id].shortTitle : id;
}

export interface DateOptions {
  timeZone?: string;
  locale?: string;
}

/** "Mon 5 Jan 2026, 09:00". */
export function formatDateTime(iso: string, o: DateOptions = {}): string {
  return new Intl.DateTimeFormat(o.locale ?? 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
  }).format(new Date(iso));
}

/** "5 Jan 2026". */
export function formatDate(iso: string, o: DateOptions = {}): string {
  return new Intl.DateTimeFormat(o.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
  }).format(new Date(iso));
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A span in words: "3 days", "1 hour", "2 weeks", "less than an hour". */
export function spanWords(ms: number): string {
  const abs = Math.abs(ms);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (abs < HOUR) return 'less than an hour';
  if (abs < DAY) return plural(Math.floor(abs / HOUR), 'hour');
  const days = Math.floor(abs / DAY);
  if (days < 14) return plural(days, 'day');
  return plural(Math.floor(days / 7), 'week');
}

export type DueKind = 'none' | 'overdue' | 'due-soon' | 'upcoming';
export interface DueStatus {
  kind: DueKind;
  /** Words that carry the meaning without colour: "Overdue by 2 days". */
  text: string;
}

/** Whether a due time has passed, as words; "due soon" is within a day. */
export function dueStatus(due: string | null, now: string): DueStatus {
  if (!due) return { kind: 'none', text: 'No due date' };
  const diff = Date.parse(due) - Date.parse(now);
  if (diff < 0) return { kind: 'overdue', text: `Overdue by ${spanWords(diff)}` };
  if (diff <= DAY) return { kind: 'due-soon', text: `Due in ${spanWords(diff)}` };
  return { kind: 'upcoming', text: `Due in ${spanWords(diff)}` };
}

/** An ISO instant as the value of an <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> (browser's zone) as an ISO instant, or null. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** A fact value for display: numbers rounded, fractions as percentages where asked, lists joined. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : 'none';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** −0.5 → "−50%" (negative is better for symptom scores). */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  const pct = Math.round(change * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct)}%`;
}
