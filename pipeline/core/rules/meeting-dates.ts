// Rule meeting-dates: the meeting must not end before it starts (Meeting sheet, End date). Pure.
import { ERROR_CODES } from '../issues.js';
import type { Rule } from './rule.js';

export const meetingDates: Rule = {
  name: ERROR_CODES.meetingDates,
  sheets: ['Meeting'],
  apply({ meeting, read, issues }) {
    if (!meeting || meeting.startDate <= meeting.endDate) return;
    issues.push({
      severity: 'error', code: ERROR_CODES.meetingDates, sheet: 'Meeting', cell: read.meeting!.cells.get('endDate'),
      found: meeting.endDate, expected: `a date on or after the start date ${meeting.startDate}`,
      message: `The meeting ends (${meeting.endDate}) before it starts (${meeting.startDate}).`,
    });
  },
};
