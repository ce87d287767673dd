import { describe, expect, it } from 'vitest';
import { setLiveSummary } from './publishing.js';

describe('the set-live confirmation', () => {
  it('names the version new patients move to and the one they start on now', () => {
    expect(setLiveSummary(3, 2)).toBe(
      'New patients will start on version 3 (now: version 2). Patients already enrolled stay on their version.',
    );
  });

  it('says when no version is live yet', () => {
    expect(setLiveSummary(1, undefined)).toBe(
      'New patients will start on version 1 (now: no version is live). Patients already enrolled stay on their version.',
    );
  });
});
