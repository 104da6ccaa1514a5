// Boundary tests of duplicate-attendance: one row per person per session.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { duplicateAttendance } from './duplicate-attendance.js';

describe('duplicate-attendance', () => {
  it('accepts one person in two sessions and two people in one', () => {
    const g = meetingGrids();
    g.Attendance!.push(['P1', 'S2', 'Online']);
    expect(runRules([duplicateAttendance], g).issues).toEqual([]);
  });

  it('warns of the second row of the same person in the same session, and counts it once', () => {
    const g = meetingGrids();
    g.Attendance!.push(['P1', 'S1', 'Online']);
    const { issues, leftOut, validation } = runRules([duplicateAttendance], g);
    expect(issues).toEqual(['warning duplicate-attendance Attendance!A5']);
    expect(validation.issues[0]!.message).toBe('Participant P1 is already checked into session S1 at row 2; this row counts once.');
    expect(leftOut).toEqual([{ sheet: 'Attendance', count: 1, reasons: ['1 row repeating an attendance already counted'] }]);
  });

  it('cannot tell repeats without the Session ID column (only the reader\'s missing header is reported)', () => {
    const g = meetingGrids();
    g.Attendance = g.Attendance!.map(([p, , m]) => [p!, m!]);
    g.Attendance.push(['P1', 'In person']);
    expect(runRules([duplicateAttendance], g).issues).toEqual(['error missing-header Attendance']);
  });
});
