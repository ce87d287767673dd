import { describe, expect, it } from 'vitest';
import {
  dueStatus,
  formatChange,
  formatDate,
  formatDateTime,
  formatValue,
  fromLocalInput,
  humanize,
  instrumentName,
  roleTitle,
  spanWords,
  toLocalInput,
} from './format.js';

const NOW = '2026-01-05T09:00:00.000Z';
const H = 3_600_000;
const plus = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe('words for people', () => {
  it('names roles, slugs and instruments', () => {
    expect(roleTitle('care-manager')).toBe('Care manager');
    expect(roleTitle('peer-support', [{ id: 'peer-support', title: 'Peer support worker' }])).toBe(
      'Peer support worker',
    );
    expect(roleTitle('night-nurse')).toBe('Night nurse');
    expect(humanize('treat-in-primary-care')).toBe('Treat in primary care');
    expect(instrumentName('phq9')).toBe('PHQ-9');
    expect(instrumentName('nope')).toBe('nope');
  });

  it('says when work is due or overdue in words, not only colour', () => {
    expect(dueStatus(null, NOW)).toEqual({ kind: 'none', text: 'No due date' });
    expect(dueStatus(plus(-2 * 24 * H), NOW)).toEqual({
      kind: 'overdue',
      text: 'Overdue by 2 days',
    });
    expect(dueStatus(plus(-30 * 60_000), NOW).text).toBe('Overdue by less than an hour');
    expect(dueStatus(plus(4 * H), NOW)).toEqual({ kind: 'due-soon', text: 'Due in 4 hours' });
    expect(dueStatus(plus(21 * 24 * H), NOW)).toEqual({ kind: 'upcoming', text: 'Due in 3 weeks' });
    expect(spanWords(H)).toBe('1 hour');
    expect(spanWords(24 * H)).toBe('1 day');
  });

  it('formats dates in the zone asked for', () => {
    expect(formatDateTime(NOW, { timeZone: 'UTC' })).toBe('Mon, 5 Jan 2026, 09:00');
    expect(formatDate(NOW, { timeZone: 'UTC' })).toBe('5 Jan 2026');
  });

  it('round-trips datetime-local values', () => {
    const v = toLocalInput(NOW);
    expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(v)).toBe(NOW);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });

  it('formats fact values and changes', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(0.3333)).toBe('0.33');
    expect(formatValue([])).toBe('none');
    expect(formatValue(['a', 1])).toBe('a, 1');
    expect(formatChange(-0.5)).toBe('−50%');
    expect(formatChange(0.25)).toBe('+25%');
    expect(formatChange(0)).toBe('0%');
    expect(formatChange(null)).toBe('—');
  });
});
