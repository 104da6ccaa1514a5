// Rule session-times: a session must end after it starts (Sessions, End); one that does not is an
// error and is left out, with the rows that refer to it. Pure.
import type { Located, SessionRow } from '../../../templates/contract/index.js';
import { ERROR_CODES } from '../issues.js';
import { at, leaveOut, type Rule } from './rule.js';

export const sessionTimes: Rule = {
  name: ERROR_CODES.sessionTimes,
  sheets: ['Sessions'],
  apply(ctx) {
    const { sheets, issues } = ctx;
    const s = sheets.Sessions;
    leaveOut(ctx, 'Sessions', (r) => {
      const row = r as Located<SessionRow>;
      if (row.end === undefined || row.start === undefined || row.end > row.start) return true;
      issues.push({
        severity: 'error', code: ERROR_CODES.sessionTimes, sheet: 'Sessions', cell: at(s!, 'end', row.row), row: row.row,
        found: row.end, expected: `a time after the start ${row.start}`,
        message: `Session ${row.sessionId} ends (${row.end}) at or before its start (${row.start}).`,
      });
      return 'with an end not after its start';
    });
  },
};
