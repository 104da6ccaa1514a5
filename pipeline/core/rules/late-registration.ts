// Rule late-registration: a participant registered after the Meeting sheet's registration deadline
// is a warning (Participants, Registered on); on the deadline day is on time. Pure.
import type { Located, ParticipantRow } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { isLate } from './late.js';
import { at, type Rule } from './rule.js';

export const lateRegistration: Rule = {
  name: WARNING_CODES.lateRegistration,
  sheets: ['Participants'],
  apply({ sheets, meeting, issues }) {
    const deadline = meeting?.registrationDeadline;
    const s = sheets.Participants;
    if (!deadline || !s) return;
    for (const r of s.rows) {
      const row = r as Located<ParticipantRow>;
      if (row.registeredOn === undefined || !isLate(row.registeredOn, deadline)) continue;
      issues.push({
        severity: 'warning', code: WARNING_CODES.lateRegistration, sheet: 'Participants', cell: at(s, 'registeredOn', row.row), row: row.row,
        found: row.registeredOn, expected: `on or before the registration deadline ${deadline}`,
        message: `Participant ${row.participantId} registered after the registration deadline.`,
      });
    }
  },
};
