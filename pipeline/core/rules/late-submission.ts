// Rule late-submission: a working paper or AOB received after the Meeting sheet's working paper
// deadline is a warning (Submissions, Received on); on the deadline day is on time. Pure.
import type { Located, SubmissionRow } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { isLate } from './late.js';
import { at, type Rule } from './rule.js';

export const lateSubmission: Rule = {
  name: WARNING_CODES.lateSubmission,
  sheets: ['Submissions'],
  apply({ sheets, meeting, issues }) {
    const deadline = meeting?.workingPaperDeadline;
    const s = sheets.Submissions;
    if (!deadline || !s) return;
    for (const r of s.rows) {
      const row = r as Located<SubmissionRow>;
      // A sheet lacking the Received on column is read with the columns it has: no date, no lateness.
      if (row.receivedOn === undefined || !isLate(row.receivedOn, deadline)) continue;
      issues.push({
        severity: 'warning', code: WARNING_CODES.lateSubmission, sheet: 'Submissions', cell: at(s, 'receivedOn', row.row), row: row.row,
        found: row.receivedOn, expected: `on or before the working paper deadline ${deadline}`,
        message: `Submission ${row.submissionId} was received after the working paper deadline.`,
      });
    }
  },
};
