// Rule duplicate-person: the same e-mail anywhere, or the same name within one delegation, is
// probably one person registered twice: a warning on the later row (Participants). Cancelled
// registrations are not compared. Pure.
import type { Located, ParticipantRow } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { probableDuplicates } from '../people-rules.js';
import { at, has, type Rule } from './rule.js';

// The keys two registrations of one person share live with the rule itself, which the import
// preview calls too (people-rules.ts).
export { emailKey, nameKey } from '../people-rules.js';

export const duplicatePerson: Rule = {
  name: WARNING_CODES.duplicatePerson,
  sheets: ['Participants'],
  apply({ sheets, issues }) {
    const s = sheets.Participants;
    if (!s) return;
    const rows = s.rows as Located<ParticipantRow>[];
    const found = probableDuplicates(rows, has(s, 'delegationId', 'givenName', 'familyName'));
    for (const row of rows) {
      const dup = found.get(row);
      if (!dup) continue;
      const { first } = dup;
      const sameEmail = dup.by === 'email';
      issues.push({
        severity: 'warning', code: WARNING_CODES.duplicatePerson, sheet: 'Participants', cell: at(s, sameEmail ? 'email' : 'givenName', row.row), row: row.row,
        found: sameEmail ? JSON.stringify(row.email) : JSON.stringify(`${row.givenName} ${row.familyName}`),
        expected: 'one row per person',
        message: `Participant ${row.participantId} is probably the same person as ${first.participantId} (${at(s, 'participantId', first.row)}): ${sameEmail ? 'same e-mail address' : 'same name in the same delegation'}.`,
      });
    }
  },
};
