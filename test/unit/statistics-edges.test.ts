// computeSummary on a small meeting full of edge cases: a repeated delegation, participant and
// session ID, attendance and interventions that point nowhere, a person whose delegation is
// unknown, a cancelled person, sessions out of order, minutes from a person of unstated gender.
// Every expected figure is worked out by hand in the comments; computed inside each test.
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../pipeline/core/statistics.js';
import type { AttendanceRow, DelegationRow, Located, MeetingData, ParticipantRow, SessionRow, SpeakerRow } from '../../templates/contract/index.js';

let n = 1;
const located = <T>(r: T): Located<T> => ({ ...r, row: ++n });
const person = (participantId: string, delegationId: string, gender: ParticipantRow['gender'], role: ParticipantRow['role'], status: ParticipantRow['status'] = 'Confirmed') =>
  located<ParticipantRow>({ participantId, delegationId, title: undefined, givenName: 'G', familyName: 'F', gender, role, email: undefined, participation: 'In person', registeredOn: undefined, status });
const session = (sessionId: string, date: string, start: string, title = sessionId) => located<SessionRow>({ sessionId, date, start, end: '23:00', title, kind: 'Plenary', room: undefined });
const attend = (participantId: string, sessionId: string, mode: AttendanceRow['mode'] = 'In person') => located<AttendanceRow>({ participantId, sessionId, mode, checkedInAt: undefined });
const speak = (sessionId: string, participantId: string, minutes?: number) => located<SpeakerRow>({ sessionId, participantId, itemId: undefined, minutes });
const delegation = (delegationId: string, category: DelegationRow['category']) => located<DelegationRow>({ delegationId, name: delegationId, category, countryCode: undefined });

const g = (woman: number, man: number, other: number, notStated: number) => ({ woman, man, other, notStated });
const bd = (woman: number, man: number, other: number, notStated: number, womenShare: number | null) => ({ total: woman + man + other + notStated, byGender: g(woman, man, other, notStated), womenShare });
const none = bd(0, 0, 0, 0, null);
const noSpeakers = { interventions: 0, byGender: g(0, 0, 0, 0), womenShare: null, minutes: { total: 0, byGender: g(0, 0, 0, 0), timedInterventions: 0 } };

function meeting(withSpeakers: boolean): MeetingData {
  return {
    meeting: { code: 'M', title: 'Meet', venue: undefined, city: 'Geneva', startDate: '2026-05-27', endDate: '2026-05-28', timeZone: 'Europe/Zurich', registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: undefined },
    // Listed out of order; S1a repeated (the repeat, last by date, is left out); S2 and S3 start together.
    sessions: [session('S2', '2026-05-28', '10:00'), session('S1b', '2026-05-27', '15:00'), session('S1a', '2026-05-27', '10:00'), session('S3', '2026-05-28', '10:00'), session('S1a', '2026-05-28', '15:00', 'repeat')],
    agenda: null,
    // D1 repeated under another category: the first row counts. D3 sends nobody.
    delegations: [delegation('D1', 'State Party'), delegation('D2', 'Civil Society or NGO'), delegation('D1', 'Industry'), delegation('D3', 'Observer State')],
    participants: [
      person('A', 'D1', 'Woman', 'Head of delegation'),
      person('B', 'D1', 'Man', 'Delegate'),
      person('G', 'D1', 'Man', 'Deputy head of delegation'), // never attends
      person('C', 'D2', 'Not stated', 'Head of delegation'),
      person('D', 'D2', 'Other', 'Delegate'),
      person('E', 'DX', 'Woman', 'Adviser'), // delegation unknown: counted by gender and role, in no category
      person('F', 'D2', 'Man', 'Observer', 'Cancelled'),
      person('A', 'D2', 'Man', 'Delegate'), // a repeated ID: the first row counts
    ],
    attendance: [
      attend('A', 'S1a'),
      attend('A', 'S1a', 'Online'), // repeat: counts once, in person
      attend('B', 'S1a', 'Online'),
      attend('C', 'S1a'),
      attend('E', 'S1a'),
      attend('F', 'S1a'), // cancelled
      attend('Z', 'S1a'), // unknown person
      attend('B', 'SX'), // unknown session
      attend('D', 'S2', 'Online'),
      attend('A', 'S2'),
    ],
    speakers: withSpeakers ? [speak('S1a', 'A', 5), speak('S1a', 'C', 3), speak('S1a', 'B'), speak('SX', 'A', 2), speak('S2', 'Z', 4), speak('S2', 'D', 1)] : null,
    submissions: null,
  };
}

describe('computeSummary at the edges', () => {
  it('gives the meeting, venue null when not given, and sessions by date then start, each once', () => {
    const s = computeSummary(meeting(true));
    expect(s.meeting).toEqual({ code: 'M', title: 'Meet', venue: null, city: 'Geneva', startDate: '2026-05-27', endDate: '2026-05-28' });
    expect(s.sessions.map((x) => [x.id, x.date, x.start, x.end, x.title, x.kind])).toEqual([
      ['S1a', '2026-05-27', '10:00', '23:00', 'S1a', 'Plenary'],
      ['S1b', '2026-05-27', '15:00', '23:00', 'S1b', 'Plenary'],
      ['S2', '2026-05-28', '10:00', '23:00', 'S2', 'Plenary'],
      ['S3', '2026-05-28', '10:00', '23:00', 'S3', 'Plenary'],
    ]);
  });

  it('counts S1a: A once (in person), B online, C and E in person; F, Z and the repeat left out', () => {
    const a = computeSummary(meeting(true)).sessions[0]!.attendees;
    expect(a).toEqual({
      total: 4,
      byGender: g(2, 1, 0, 1),
      womenShare: 2 / 3,
      byMode: { inPerson: bd(2, 0, 0, 1, 1), online: bd(0, 1, 0, 0, 0) },
      byCategory: {
        'State Party': bd(1, 1, 0, 0, 0.5),
        'Signatory State': none,
        'Observer State': none,
        'International or Regional Organization': none,
        'Civil Society or NGO': bd(0, 0, 0, 1, null),
        Industry: none,
      },
      headsOfDelegation: bd(1, 0, 0, 1, 1),
    });
  });

  it('counts S2 (D online, A in person) and leaves S1b and S3 empty', () => {
    const [, s1b, s2, s3] = computeSummary(meeting(true)).sessions;
    expect(s2!.attendees.byGender).toEqual(g(1, 0, 1, 0));
    expect(s2!.attendees.womenShare).toBe(0.5);
    expect(s2!.attendees.byMode).toEqual({ inPerson: bd(1, 0, 0, 0, 1), online: bd(0, 0, 1, 0, 0) });
    expect(s2!.attendees.byCategory['State Party']).toEqual(bd(1, 0, 0, 0, 1));
    expect(s2!.attendees.byCategory['Civil Society or NGO']).toEqual(bd(0, 0, 1, 0, 0));
    expect(s2!.attendees.headsOfDelegation).toEqual(bd(1, 0, 0, 0, 1));
    for (const s of [s1b!, s3!]) {
      expect(s.attendees.total).toBe(0);
      expect(s.attendees.womenShare).toBeNull();
      expect(s.attendees.byMode).toEqual({ inPerson: none, online: none });
      expect(s.speakers).toEqual(noSpeakers);
    }
  });

  it('counts registered (A, B, G, C, D, E), attended (all but G) and the no-show G', () => {
    const p = computeSummary(meeting(true)).participants;
    expect(p.registered).toEqual({
      ...bd(2, 2, 1, 1, 0.4),
      byCategory: {
        'State Party': bd(1, 2, 0, 0, 1 / 3),
        'Signatory State': none,
        'Observer State': none,
        'International or Regional Organization': none,
        'Civil Society or NGO': bd(0, 0, 1, 1, 0),
        Industry: none,
      },
      byRole: {
        'Head of delegation': bd(1, 0, 0, 1, 1),
        'Deputy head of delegation': bd(0, 1, 0, 0, 0),
        Delegate: bd(0, 1, 1, 0, 0),
        Adviser: bd(1, 0, 0, 0, 1),
        Observer: none,
      },
    });
    expect(p.attended).toEqual({
      ...bd(2, 1, 1, 1, 0.5),
      byCategory: {
        'State Party': bd(1, 1, 0, 0, 0.5),
        'Signatory State': none,
        'Observer State': none,
        'International or Regional Organization': none,
        'Civil Society or NGO': bd(0, 0, 1, 1, 0),
        Industry: none,
      },
      byRole: {
        'Head of delegation': bd(1, 0, 0, 1, 1),
        'Deputy head of delegation': none,
        Delegate: bd(0, 1, 1, 0, 0),
        Adviser: bd(1, 0, 0, 0, 1),
        Observer: none,
      },
    });
    expect(p.noShows).toEqual(bd(0, 1, 0, 0, 0));
  });

  it('counts delegations that sent someone: D1 (with and headed by a woman) and D2, each once, under its first category', () => {
    expect(computeSummary(meeting(true)).delegations).toEqual({
      total: 2, withWoman: 1, womanHeaded: 1, menOnly: 0,
      byCategory: {
        'State Party': { total: 1, withWoman: 1, womanHeaded: 1, menOnly: 0 },
        'Signatory State': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'Observer State': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'International or Regional Organization': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'Civil Society or NGO': { total: 1, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        Industry: { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
      },
    });
  });

  it('counts interventions and minutes (minutes of a person of unstated gender included), skipping those that point nowhere', () => {
    const s = computeSummary(meeting(true));
    // S1a: A 5 min, C 3 min, B untimed. S2: D 1 min (Z unknown). SX unknown.
    expect(s.sessions[0]!.speakers).toEqual({ interventions: 3, byGender: g(1, 1, 0, 1), womenShare: 0.5, minutes: { total: 8, byGender: g(5, 0, 0, 3), timedInterventions: 2 } });
    expect(s.sessions[2]!.speakers).toEqual({ interventions: 1, byGender: g(0, 0, 1, 0), womenShare: 0, minutes: { total: 1, byGender: g(0, 0, 1, 0), timedInterventions: 1 } });
    expect(s.speakers).toEqual({ interventions: 4, byGender: g(1, 1, 1, 1), womenShare: 1 / 3, minutes: { total: 9, byGender: g(5, 0, 1, 3), timedInterventions: 3 } });
    expect(s.headline).toEqual({ attendees: 0.5, headsOfDelegation: 1, speakers: 1 / 3 });
  });

  it('without a Speakers sheet, speaker figures are null, not zero', () => {
    const s = computeSummary(meeting(false));
    expect(s.speakers).toBeNull();
    expect(s.headline.speakers).toBeNull();
    expect(s.sessions.map((x) => x.speakers)).toEqual([null, null, null, null]);
  });
});

describe('minutes', () => {
  it('adds the minutes of every gender into the total', () => {
    const m = meeting(true);
    const s = computeSummary({ ...m, speakers: [speak('S1a', 'B', 7), speak('S1a', 'D', 2), speak('S1a', 'A', 1)] });
    expect(s.speakers?.minutes).toEqual({ total: 10, byGender: g(1, 7, 2, 0), timedInterventions: 3 });
  });
});
