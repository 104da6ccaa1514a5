// Heads of delegation: a cancelled registration is nobody's head (rules), and "headed by a woman"
// is not "has a woman" (statistics). Expected values worked out by hand from the rows below.
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import type { DelegationRow, Located, MeetingData, ParticipantRow } from '../../templates/contract/index.js';
import { meetingSheets, PARTICIPANT_HEADER, rawWorkbook } from './raw-workbook.js';

const codes = (participants: string[][]) => {
  const v = validateWorkbook(rawWorkbook(meetingSheets({ Participants: [PARTICIPANT_HEADER, ...participants] })));
  return v.issues.filter((i) => i.code.startsWith('delegation-')).map((i) => `${i.code} ${i.cell}`);
};

describe('a cancelled head of delegation is not the head', () => {
  it('a delegation whose only head cancelled has no head', () => {
    expect(
      codes([
        ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-01', 'Cancelled'],
        ['P3', 'D-A', '', 'Cy', 'Cole', 'Man', 'Delegate', '', 'In person', '2026-05-01', 'Confirmed'],
        ['P2', 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'Online', '2026-05-01', 'Confirmed'],
      ]),
    ).toEqual(['delegation-no-head Delegations!A2']);
  });

  it('a cancelled head beside a new one is not a second head', () => {
    expect(
      codes([
        ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-01', 'Cancelled'],
        ['P3', 'D-A', '', 'Cy', 'Cole', 'Man', 'Head of delegation', '', 'In person', '2026-05-01', 'Registered'],
        ['P2', 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'Online', '2026-05-01', 'Confirmed'],
      ]),
    ).toEqual([]);
  });

  it('two heads not cancelled are reported on the second, naming the first', () => {
    const v = validateWorkbook(
      rawWorkbook(
        meetingSheets({
          Participants: [
            PARTICIPANT_HEADER,
            ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-01', 'Confirmed'],
            ['P3', 'D-A', '', 'Cy', 'Cole', 'Man', 'Head of delegation', '', 'In person', '2026-05-01', 'Registered'],
            ['P2', 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'Online', '2026-05-01', 'Confirmed'],
          ],
        }),
      ),
    );
    const several = v.issues.filter((i) => i.code === 'delegation-several-heads');
    expect(several).toEqual([
      {
        severity: 'warning', code: 'delegation-several-heads', sheet: 'Participants', cell: 'Participants!G3', row: 3,
        found: '2 heads: P1, P3', expected: 'one Head of delegation',
        message: 'Delegation D-A has 2 heads of delegation; the first is P1 (Participants!G2).',
      },
    ]);
  });
});

describe('womanHeaded: headed by a woman, not merely with a woman', () => {
  let row = 1;
  const person = (participantId: string, delegationId: string, gender: ParticipantRow['gender'], role: ParticipantRow['role'], status: ParticipantRow['status'] = 'Confirmed'): Located<ParticipantRow> => ({
    participantId, delegationId, title: undefined, givenName: 'G', familyName: participantId, gender, role,
    email: undefined, participation: 'In person', registeredOn: undefined, status, row: ++row,
  });
  const delegation = (delegationId: string, category: DelegationRow['category']): Located<DelegationRow> => ({ delegationId, name: delegationId, category, countryCode: undefined, row: ++row });
  const data: MeetingData = {
    meeting: { code: 'T', title: 'T', venue: undefined, city: undefined, startDate: '2026-05-27', endDate: '2026-05-27', timeZone: 'Europe/Zurich', registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: undefined },
    sessions: [],
    agenda: null,
    // D-W: headed by a woman. D-M: a woman delegate under a man as head. D-C: the woman head cancelled.
    // D-O: men and a head of gender Other. D-N: men only.
    delegations: [delegation('D-W', 'State Party'), delegation('D-M', 'State Party'), delegation('D-C', 'Civil Society or NGO'), delegation('D-O', 'Industry'), delegation('D-N', 'Industry')],
    participants: [
      person('W1', 'D-W', 'Woman', 'Head of delegation'),
      person('W2', 'D-W', 'Man', 'Delegate'),
      person('M1', 'D-M', 'Man', 'Head of delegation'),
      person('M2', 'D-M', 'Woman', 'Delegate'),
      person('C1', 'D-C', 'Woman', 'Head of delegation', 'Cancelled'),
      person('C2', 'D-C', 'Man', 'Adviser'),
      person('O1', 'D-O', 'Other', 'Head of delegation'),
      person('O2', 'D-O', 'Man', 'Delegate'),
      person('N1', 'D-N', 'Man', 'Head of delegation'),
    ],
    attendance: [],
    speakers: null,
    submissions: null,
  };

  it('counts D-W only as headed by a woman; D-W and D-M as with a woman; D-C and D-N as men only', () => {
    const s = computeSummary(data);
    expect({ total: s.delegations.total, withWoman: s.delegations.withWoman, womanHeaded: s.delegations.womanHeaded, menOnly: s.delegations.menOnly }).toEqual({ total: 5, withWoman: 2, womanHeaded: 1, menOnly: 2 });
    expect(s.delegations.byCategory['State Party']).toEqual({ total: 2, withWoman: 2, womanHeaded: 1, menOnly: 0 });
    expect(s.delegations.byCategory['Civil Society or NGO']).toEqual({ total: 1, withWoman: 0, womanHeaded: 0, menOnly: 1 });
    expect(s.delegations.byCategory.Industry).toEqual({ total: 2, withWoman: 0, womanHeaded: 0, menOnly: 1 });
    expect(s.delegations.byCategory['Observer State']).toEqual({ total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 });
  });
});
