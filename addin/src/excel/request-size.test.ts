import { describe, expect, it } from 'vitest';
import { planReads, READ_BYTES_PER_CELL, splitIntoRequests } from './request-size.js';

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

describe('planReads', () => {
  it('reads a meeting of a thousand people in one request', () => {
    // Participants 1,001 x 11, Attendance 8,001 x 4, Sessions 9 x 7.
    expect(planReads([{ rows: 1001, columns: 11 }, { rows: 8001, columns: 4 }, { rows: 9, columns: 7 }])).toEqual([
      [{ sheet: 0, start: 0, count: 1001 }, { sheet: 1, start: 0, count: 8001 }, { sheet: 2, start: 0, count: 9 }],
    ]);
  });

  it('cuts a large sheet into row blocks whose responses fit the budget, covering every row once', () => {
    const budget = 10 * 2 * READ_BYTES_PER_CELL; // ten rows of two columns
    const plan = planReads([{ rows: 3, columns: 2 }, { rows: 25, columns: 2 }, { rows: 0, columns: 5 }], budget);
    expect(plan).toEqual([
      [{ sheet: 0, start: 0, count: 3 }, { sheet: 1, start: 0, count: 7 }],
      [{ sheet: 1, start: 7, count: 10 }],
      [{ sheet: 1, start: 17, count: 8 }],
    ]);
  });

  it('reads 240,000 attendance rows in requests each under the budget', () => {
    const plan = planReads([{ rows: 240_001, columns: 4 }]);
    expect(plan.length).toBeGreaterThan(1);
    expect(plan.flat().reduce((n, b) => n + b.count, 0)).toBe(240_001);
    for (const request of plan) expect(request.reduce((n, b) => n + b.count * 4 * READ_BYTES_PER_CELL, 0)).toBeLessThanOrEqual(4_000_000);
  });
});
