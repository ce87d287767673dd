import { describe, expect, it } from 'vitest';
import {
  rememberedRole,
  rememberRole,
  roleChoices,
  sortWorklist,
  worklistSummary,
  ROLE_KEY,
} from './worklist.js';

const t = (priority: string, due: string | null, createdAt = '2026-01-01T00:00:00Z') => ({
  priority: priority as 'routine',
  due,
  createdAt,
});

describe('the worklist', () => {
  it('puts emergent before urgent before routine, then the earliest due, undated last', () => {
    const sorted = sortWorklist([
      t('routine', '2026-01-02T00:00:00Z'),
      t('routine', null),
      t('urgent', '2026-02-01T00:00:00Z'),
      t('routine', '2026-01-01T09:00:00Z'),
      t('emergent', null),
      t('urgent', '2026-01-15T00:00:00+02:00'),
    ]);
    expect(sorted.map((x) => `${x.priority}:${x.due}`)).toEqual([
      'emergent:null',
      'urgent:2026-01-15T00:00:00+02:00',
      'urgent:2026-02-01T00:00:00Z',
      'routine:2026-01-01T09:00:00Z',
      'routine:2026-01-02T00:00:00Z',
      'routine:null',
    ]);
  });

  it('offers the built-in roles and any other role on a task', () => {
    expect(
      roleChoices(['pcp', 'care-manager'], [{ role: 'peer-support' }, { role: 'pcp' }]),
    ).toEqual(['pcp', 'care-manager', 'peer-support']);
  });

  it('remembers the role, and survives storage that throws', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(rememberedRole(storage)).toBe('');
    rememberRole(storage, 'pcp');
    expect(store.get(ROLE_KEY)).toBe('pcp');
    expect(rememberedRole(storage)).toBe('pcp');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(rememberedRole(broken)).toBe('');
    expect(() => rememberRole(broken, 'pcp')).not.toThrow();
    expect(rememberedRole(undefined)).toBe('');
  });

  it('summarises in words', () => {
    expect(worklistSummary([{ overdue: true }, { overdue: false }], 'all roles')).toBe(
      '2 open tasks for all roles, 1 overdue.',
    );
    expect(worklistSummary([], 'pcps')).toBe('0 open tasks for pcps.');
  });
});
