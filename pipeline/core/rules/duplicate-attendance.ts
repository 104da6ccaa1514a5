// Rule duplicate-attendance: one Attendance row per person per session; a repeat is a warning and
// counts once (the later row is left out of the figures). Pure.
import type { AttendanceRow, Located } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { at, has, leaveOut, type Rule } from './rule.js';

export const duplicateAttendance: Rule = {
  name: WARNING_CODES.duplicateAttendance,
  sheets: ['Attendance'],
  apply(ctx) {
    const { sheets, issues } = ctx;
    const s = sheets.Attendance;
    // Repeats can only be told when both columns are there.
    if (!has(s, 'participantId', 'sessionId')) return;
    const seen = new Map<string, number>();
    leaveOut(ctx, 'Attendance', (r) => {
      const row = r as Located<AttendanceRow>;
      const key = `${row.participantId}\u0000${row.sessionId}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, row.row);
        return true;
      }
      issues.push({
        severity: 'warning', code: WARNING_CODES.duplicateAttendance, sheet: 'Attendance', cell: at(s, 'participantId', row.row), row: row.row,
        found: `${row.participantId} in ${row.sessionId}`, expected: 'one row per person per session',
        message: `Participant ${row.participantId} is already checked into session ${row.sessionId} at row ${first}; this row counts once.`,
      });
      return 'repeating an attendance already counted';
    });
  },
};
