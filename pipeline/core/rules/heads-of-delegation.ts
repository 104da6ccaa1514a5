// Rules delegation-no-head and delegation-several-heads: each delegation that sends people should
// have exactly one Head of delegation among those not cancelled; none (on Delegations) or more than
// one (on Participants, the second head's Role) is a warning. Pure.
import type { DelegationRow, Located, ParticipantRow } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { at, has, type Rule } from './rule.js';

export const headsOfDelegation: Rule = {
  name: 'heads-of-delegation',
  sheets: ['Delegations', 'Participants'],
  apply({ sheets, issues }) {
    const participants = sheets.Participants;
    const delegations = sheets.Delegations;
    // Without the columns that say who heads what, every delegation would look headless.
    if (!has(participants, 'delegationId', 'role') || !has(delegations, 'delegationId')) return;
    const members = new Map<string, (Located<ParticipantRow>)[]>();
    for (const r of participants.rows) {
      const row = r as Located<ParticipantRow>;
      if (row.status === 'Cancelled') continue;
      const list = members.get(row.delegationId);
      if (list) list.push(row);
      else members.set(row.delegationId, [row]);
    }
    for (const r of delegations.rows) {
      const row = r as Located<DelegationRow>;
      const people = members.get(row.delegationId);
      if (!people) continue; // a delegation that sends nobody needs no head
      const hs = people.filter((p) => p.role === 'Head of delegation');
      if (hs.length === 0) {
        issues.push({
          severity: 'warning', code: WARNING_CODES.delegationNoHead, sheet: 'Delegations', cell: at(delegations, 'delegationId', row.row), row: row.row,
          found: `${people.length} participant${people.length === 1 ? '' : 's'}, no head`, expected: 'one Head of delegation',
          message: `Delegation ${row.delegationId} has no Head of delegation among its ${people.length} participant${people.length === 1 ? '' : 's'}.`,
        });
      } else if (hs.length > 1) {
        const second = hs[1]!;
        issues.push({
          severity: 'warning', code: WARNING_CODES.delegationSeveralHeads, sheet: 'Participants', cell: at(participants, 'role', second.row), row: second.row,
          found: `${hs.length} heads: ${hs.map((h) => h.participantId).join(', ')}`, expected: 'one Head of delegation',
          message: `Delegation ${row.delegationId} has ${hs.length} heads of delegation; the first is ${hs[0]!.participantId} (${at(participants, 'role', hs[0]!.row)}).`,
        });
      }
    }
  },
};
