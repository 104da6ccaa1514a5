// Boundary tests of meeting-dates: ending on the day it starts is fine, the day before is not.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { meetingDates } from './meeting-dates.js';

describe('meeting-dates', () => {
  it('accepts a meeting that ends on the day it starts', () => {
    const g = meetingGrids();
    g.Meeting![4]![1] = '2026-05-27';
    expect(runRules([meetingDates], g).issues).toEqual([]);
  });

  it('reports an end date one day before the start, on the End date cell', () => {
    const g = meetingGrids();
    g.Meeting![4]![1] = '2026-05-26';
    const { issues, validation } = runRules([meetingDates], g);
    expect(issues).toEqual(['error meeting-dates Meeting!B5']);
    expect(validation.issues[0]!.message).toBe('The meeting ends (2026-05-26) before it starts (2026-05-27).');
  });
});
