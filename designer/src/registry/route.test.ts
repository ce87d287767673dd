import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../shell/route.js';

describe('the registry route', () => {
  it('is reachable at #/registry and links back to itself', () => {
    expect(parseRoute('#/registry')).toEqual({ page: 'registry' });
    expect(href({ page: 'registry' })).toBe('#/registry');
    expect(parseRoute(href({ page: 'registry' }))).toEqual({ page: 'registry' });
  });
});
