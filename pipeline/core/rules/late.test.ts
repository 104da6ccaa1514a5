// Boundary test of isLate: the deadline day is on time, the next day late.
import { describe, expect, it } from 'vitest';
import { isLate } from './late.js';

describe('isLate', () => {
  it('is false on the deadline and the day before, true the day after', () => {
    expect(isLate('2026-05-22', '2026-05-22')).toBe(false);
    expect(isLate('2026-05-21', '2026-05-22')).toBe(false);
    expect(isLate('2026-05-23', '2026-05-22')).toBe(true);
    expect(isLate('2026-06-01', '2026-05-31')).toBe(true);
  });
});
