import { describe, expect, it } from 'vitest';
import { lastWeekEnd } from './match-notices.ts';

describe('the weeks of match notices', () => {
  it('end on Mondays at midnight UTC', () => {
    expect(lastWeekEnd(new Date('2026-12-03T07:00:00Z'))).toBe('2026-11-30T00:00:00.000Z');
    expect(lastWeekEnd(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-11-30T00:00:00.000Z');
    expect(lastWeekEnd(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07T00:00:00.000Z');
    expect(lastWeekEnd(new Date('2026-12-07T01:00:00Z'))).toBe('2026-12-07T00:00:00.000Z');
    // Across a month and a year.
    expect(lastWeekEnd(new Date('2027-01-03T12:00:00Z'))).toBe('2026-12-28T00:00:00.000Z');
  });
});
