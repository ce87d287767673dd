import { describe, expect, it } from 'vitest';
import { homeFor, isRootHash, parseRoute } from './route.js';

describe('home page by role', () => {
  it('lands a clinician on the worklist and everyone else on the pathways', () => {
    expect(homeFor('clinician')).toEqual({ page: 'worklist' });
    for (const role of ['admin', 'designer', 'publisher', 'viewer'])
      expect(homeFor(role), role).toEqual({ page: 'pathways' });
  });

  it('treats only an address with no page as the root', () => {
    for (const hash of ['', '#', '#/']) expect(isRootHash(hash), hash).toBe(true);
    for (const hash of ['#/pathways', '#/worklist', '#/patients/p1'])
      expect(isRootHash(hash), hash).toBe(false);
    expect(parseRoute('')).toEqual({ page: 'pathways' });
  });
});
