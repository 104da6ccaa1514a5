// Figures a reader of the report relies on, on a meeting small enough to count by hand: the heads'
// headline counts those who attended (not every registered head), "did not attend" per category is
// registered minus attended gender by gender, a group is small by its women + men + other (not by
// everyone in it), and an intervention timed at 0 minutes is still a timed intervention.
// Found by planting small bugs in figures.ts and statistics.ts that no other test noticed.
import { describe, expect, it } from 'vitest';
import { cellText, figureTables, figureText, groupNote, headlines, shareFigure, SMALL_NOTE } from '../../pipeline/core/figures.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import type { AttendanceRow, DelegationRow, Located, MeetingData, ParticipantRow, SessionRow, SpeakerRow } from '../../templates/contract/index.js';

let n = 1;
const located = <T>(r: T): Located<T> => ({ ...r, row: ++n });
const person = (participantId: string, delegationId: string, gender: ParticipantRow['gender'], role: ParticipantRow['role']) =>
  located<ParticipantRow>({ participantId, delegationId, title: undefined, givenName: participantId, familyName: 'F', gender, role, email: undefined, participation: 'In person', registeredOn: undefined, status: 'Confirmed' });
const attend = (participantId: string) => located<AttendanceRow>({ participantId, sessionId: 'S1', mode: 'In person', checkedInAt: undefined });
const speak = (participantId: string, minutes: number | undefined) => located<SpeakerRow>({ sessionId: 'S1', participantId, itemId: undefined, minutes });
const delegation = (delegationId: string, category: DelegationRow['category']) => located<DelegationRow>({ delegationId, name: delegationId, category, countryCode: undefined });

/**
 * D1 and D3 are States Parties, D2 civil society. Heads: H1 (woman, attends), H2 (man, D2, does
 * not attend), H3 (man, attends). O1 (other, D1) does not attend; O2 (other, D2) and N1 (not
 * stated, D1) attend.
 */
function meeting(): MeetingData {
  return {
    meeting: { code: 'M', title: 'Meet', venue: undefined, city: 'Geneva', startDate: '2026-05-27', endDate: '2026-05-27', timeZone: 'Europe/Zurich', registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: undefined },
    sessions: [located<SessionRow>({ sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening', kind: 'Plenary', room: undefined })],
    agenda: null,
    delegations: [delegation('D1', 'State Party'), delegation('D2', 'Civil Society or NGO'), delegation('D3', 'State Party')],
    participants: [
      person('H1', 'D1', 'Woman', 'Head of delegation'),
      person('H2', 'D2', 'Man', 'Head of delegation'),
      person('H3', 'D3', 'Man', 'Head of delegation'),
      person('O1', 'D1', 'Other', 'Delegate'),
      person('O2', 'D2', 'Other', 'Delegate'),
      person('N1', 'D1', 'Not stated', 'Delegate'),
    ],
    attendance: [attend('H1'), attend('H3'), attend('O2'), attend('N1')],
    // H1 took the floor for under half a minute, written 0; H3 for 4 minutes; N1 untimed.
    speakers: [speak('H1', 0), speak('H3', 4), speak('N1', undefined)],
    submissions: null,
  };
}

describe('the heads of delegation headline', () => {
  it('counts the heads who attended (H1 and H3: 1 of 2, 50.0%), not every registered head (1 of 3)', () => {
    const heads = headlines(computeSummary(meeting()))[1]!;
    expect(heads.key).toBe('headsOfDelegation');
    expect(heads.figure).toEqual({ women: 1, known: 2, notStated: 0, total: 2, share: 0.5 });
    expect(figureText(heads.figure, heads.noun)).toBe('50.0% (1 of 2 heads of delegation who attended; small group (n under 10))');
  });
});

describe('registered and attended by category', () => {
  const table = () => figureTables(computeSummary(meeting())).find((t) => t.sheet === 'Registered vs attended')!;
  const row = (label: string) => table().rows.find((r) => r[0] === label);

  it('a State Party delegate of other gender who never came is the one "did not attend" (women, men, other, not stated, total, share, note)', () => {
    // Registered State Party: H1 woman, H3 man, O1 other, N1 not stated; attended: H1, H3, N1.
    expect(row('Registered: State Party')).toEqual(['Registered: State Party', 1, 1, 1, 1, 4, 1 / 3, SMALL_NOTE]);
    expect(row('Attended: State Party')).toEqual(['Attended: State Party', 1, 1, 0, 1, 3, 0.5, SMALL_NOTE]);
    expect(row('Did not attend: State Party')).toEqual(['Did not attend: State Party', 0, 0, 1, 0, 1, 0, SMALL_NOTE]);
  });

  it('a civil society head who never came is the one "did not attend" of that category', () => {
    // Registered: H2 man, O2 other; attended: O2.
    expect(row('Did not attend: Civil Society or NGO')).toEqual(['Did not attend: Civil Society or NGO', 0, 1, 0, 0, 1, 0, SMALL_NOTE]);
  });
});

describe('a small group', () => {
  it('is judged by its women, men and other: 9 of known gender and 1 not stated is small, 10 and 2 not stated is not', () => {
    expect(groupNote(shareFigure({ woman: 3, man: 6, other: 0, notStated: 1 }))).toBe('small group (n under 10)');
    expect(groupNote(shareFigure({ woman: 4, man: 5, other: 1, notStated: 2 }))).toBe('');
  });
});

describe('minutes of interventions', () => {
  it('an intervention timed at 0 minutes is timed: 2 timed interventions, 4 minutes, all by men', () => {
    const s = computeSummary(meeting());
    expect(s.speakers!.minutes).toEqual({ total: 4, byGender: { woman: 0, man: 4, other: 0, notStated: 0 }, timedInterventions: 2 });
    expect(s.sessions[0]!.speakers!.minutes.timedInterventions).toBe(2);
  });
});

describe('how a cell of minutes reads', () => {
  it('with one decimal at most and thousands separated: 3.75 minutes is "3.8", 1234.5 is "1,234.5", 12 is "12"', () => {
    expect(cellText(3.75, 'number')).toBe('3.8');
    expect(cellText(1234.5, 'number')).toBe('1,234.5');
    expect(cellText(12, 'number')).toBe('12');
  });
});
