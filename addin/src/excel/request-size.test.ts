import { describe, expect, it } from 'vitest';
import { splitIntoRequests } from './request-size.js';

describe('splitIntoRequests', () => {
  it('keeps a block that fits in one request whole', () => {
    expect(splitIntoRequests([['a', 1], ['b', 2]])).toEqual([{ start: 0, count: 2 }]);
    expect(splitIntoRequests([])).toEqual([]);
  });

  it('cuts before the row that would pass the budget', () => {
    // Each row: 2 + ('x' * 10 -> 33) = 35 bytes; a budget of 100 holds two rows.
    const rows = Array.from({ length: 5 }, () => ['x'.repeat(10)]);
    expect(splitIntoRequests(rows, 100)).toEqual([{ start: 0, count: 2 }, { start: 2, count: 2 }, { start: 4, count: 1 }]);
  });

  it('gives an oversized row a run of its own rather than dropping it', () => {
    expect(splitIntoRequests([['y'.repeat(100)], ['z']], 50)).toEqual([{ start: 0, count: 1 }, { start: 1, count: 1 }]);
  });

  it('splits 60,000 registrations with long text under the 5 MB cap', () => {
    const row = ['P00001', 'D-CHE', 'Ms', 'Given name', 'Family name', 'Woman', 'Head of delegation', 'someone.long@example.org', 'In person', 46150, 'Confirmed'];
    const runs = splitIntoRequests(Array.from({ length: 60_000 }, () => row));
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.reduce((n, r) => n + r.count, 0)).toBe(60_000);
    // Real JSON size of each run stays under 5 MB.
    for (const r of runs) expect(JSON.stringify(Array.from({ length: r.count }, () => row)).length).toBeLessThan(5_000_000);
  });
});
