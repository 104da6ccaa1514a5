// Rule duplicate-person: the same e-mail anywhere, or the same name within one delegation, is
// probably one person registered twice: a warning on the later row (Participants). Cancelled
// registrations are not compared. Pure.
import { fold, type Located, type ParticipantRow } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { at, has, type Rule } from './rule.js';

/** The key two registrations share when they have the same e-mail address: the address in lower case. */
export function emailKey(email: string | undefined): string | undefined {
  return email?.toLowerCase();
}

/** The key two registrations share when they have the same name in the same delegation (names folded: case, accents, spaces). */
export function nameKey(delegationId: string, givenName: string, familyName: string): string {
  return `${delegationId}\u0000${fold(givenName)}\u0000${fold(familyName)}`;
}

export const duplicatePerson: Rule = {
  name: WARNING_CODES.duplicatePerson,
  sheets: ['Participants'],
  apply({ sheets, issues }) {
    const s = sheets.Participants;
    if (!s) return;
    const namesKnown = has(s, 'delegationId', 'givenName', 'familyName');
    const byEmail = new Map<string, Located<ParticipantRow>>();
    const byName = new Map<string, Located<ParticipantRow>>();
    for (const r of s.rows) {
      const row = r as Located<ParticipantRow>;
      if (row.status === 'Cancelled') continue;
      const email = emailKey(row.email);
      const name = namesKnown ? nameKey(row.delegationId, row.givenName, row.familyName) : undefined;
      const sameEmail = email !== undefined ? byEmail.get(email) : undefined;
      const sameName = name === undefined ? undefined : byName.get(name);
      const first = sameEmail ?? sameName;
      if (first) {
        issues.push({
          severity: 'warning', code: WARNING_CODES.duplicatePerson, sheet: 'Participants', cell: at(s, sameEmail ? 'email' : 'givenName', row.row), row: row.row,
          found: sameEmail ? JSON.stringify(row.email) : JSON.stringify(`${row.givenName} ${row.familyName}`),
          expected: 'one row per person',
          message: `Participant ${row.participantId} is probably the same person as ${first.participantId} (${at(s, 'participantId', first.row)}): ${sameEmail ? 'same e-mail address' : 'same name in the same delegation'}.`,
        });
      }
      if (email !== undefined && !byEmail.has(email)) byEmail.set(email, row);
      if (name !== undefined && !byName.has(name)) byName.set(name, row);
    }
  },
};
