import { describe, expect, it } from 'vitest';
import { iso, ms } from './time.js';

const native = (t: number): string => new Date(t).toISOString();

describe('iso', () => {
  it('formats like toISOString at the edges of every year form and of the range', () => {
    const edges = [
      0,
      -1,
      1,
      Date.UTC(2026, 0, 5, 9, 0, 0),
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 1, 28, 12),
      Date.UTC(2100, 2, 1),
      Date.parse('0000-01-01T00:00:00.000Z'),
      Date.parse('9999-12-31T23:59:59.999Z'),
      Date.parse('0009-12-31T23:59:59.999Z'),
      Date.parse('0099-12-31T23:59:59.999Z'),
      Date.parse('0999-12-31T23:59:59.999Z'),
    ];
    for (const t of edges) expect(iso(t), String(t)).toBe(native(t));
  });

  it('formats every day of four centuries, and times of day, like toISOString', () => {
    const start = Date.UTC(1900, 0, 1);
    const wrong: number[] = [];
    for (let d = 0; d < 146_097 + 400; d++) {
      const t = start + d * 86_400_000 + ((d * 7_919_993) % 86_400_000);
      if (iso(t) !== native(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });

  it('formats random times over the whole four-digit range like toISOString', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const lo = Date.parse('0000-01-01T00:00:00.000Z');
    const hi = Date.parse('9999-12-31T23:59:59.999Z');
    const wrong: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const t = Math.floor(lo + next() * (hi - lo));
      if (iso(t) !== native(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves fractions, six-digit years and invalid times to toISOString', () => {
    for (const t of [1.5, -1.5, 1e15, -1e15, 8.64e15]) expect(iso(t), String(t)).toBe(native(t));
    expect(() => iso(Number.NaN)).toThrow(RangeError);
    expect(() => iso(8.64e15 + 1)).toThrow(RangeError);
  });
});

describe('ms', () => {
  it('parses like Date.parse, cached or not', () => {
    for (const s of ['2026-01-05T09:00:00Z', '2026-01-05T09:00:00+02:00', 'nonsense', ''])
      for (let i = 0; i < 2; i++) expect(ms(s)).toBe(Date.parse(s));
    const wrong: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString();
      if (ms(s) !== Date.parse(s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });
});
