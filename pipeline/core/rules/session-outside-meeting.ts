// Rule session-outside-meeting: a session's date must fall within the meeting's days, first and
// last included (Sessions, Date); one outside is an error and is left out. Pure.
import type { Located, SessionRow } from '../../../templates/contract/index.js';
import { ERROR_CODES } from '../issues.js';
import { at, leaveOut, meetingDays, type Rule } from './rule.js';

export const sessionOutsideMeeting: Rule = {
  name: ERROR_CODES.sessionOutsideMeeting,
  sheets: ['Sessions'],
  apply(ctx) {
    const { sheets, meeting, issues } = ctx;
    const days = meetingDays(meeting);
    if (!days) return;
    const s = sheets.Sessions;
    leaveOut(ctx, 'Sessions', (r) => {
      const row = r as Located<SessionRow>;
      if (row.date === undefined || (row.date >= days.start && row.date <= days.end)) return true;
      issues.push({
        severity: 'error', code: ERROR_CODES.sessionOutsideMeeting, sheet: 'Sessions', cell: at(s!, 'date', row.row), row: row.row,
        found: row.date, expected: `a date from ${days.start} to ${days.end}`,
        message: `Session ${row.sessionId} is dated outside the meeting's days.`,
      });
      return 'dated outside the meeting';
    });
  },
};
