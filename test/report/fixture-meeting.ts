// A small meeting as typed rows, with every figure worked out by hand in statistics.test.ts.
// The names and e-mails are distinctive so that tests can prove they never leave the workbook.
import type { AttendanceRow, DelegationRow, Located, MeetingData, ParticipantRow, SessionRow, SpeakerRow } from '../../templates/contract/index.js';

let row = 1;
const at = <T>(r: T): Located<T> => ({ ...r, row: ++row });

function person(id: string, delegationId: string, gender: ParticipantRow['gender'], role: ParticipantRow['role'], status: ParticipantRow['status'] = 'Confirmed'): Located<ParticipantRow> {
  return at({
    participantId: id,
    delegationId,
    title: 'Dr',
    givenName: `Zebulonia${id}`,
    familyName: `Quixotrix${id}`,
    gender,
    role,
    email: `zeb.secret.${id.toLowerCase()}@example.org`,
    participation: 'In person',
    registeredOn: '2026-05-01',
    status,
  });
}

const session = (sessionId: string, date: string, start: string, end: string, title: string): Located<SessionRow> =>
  at({ sessionId, date, start, end, title, kind: 'Plenary', room: undefined });
const attend = (participantId: string, sessionId: string, mode: AttendanceRow['mode']): Located<AttendanceRow> =>
  at({ participantId, sessionId, mode, checkedInAt: undefined });
const speak = (sessionId: string, participantId: string, minutes?: number): Located<SpeakerRow> =>
  at({ sessionId, participantId, itemId: undefined, minutes });
const delegation = (delegationId: string, category: DelegationRow['category']): Located<DelegationRow> =>
  at({ delegationId, name: `Delegation ${delegationId}`, category, countryCode: undefined });

export function fixtureMeeting(): MeetingData {
  return {
    meeting: {
      code: 'CSP-T',
      title: 'Test meeting of States Parties',
      venue: 'CICG',
      city: 'Geneva',
      startDate: '2026-08-24',
      endDate: '2026-08-25',
      timeZone: 'Europe/Zurich',
      registrationDeadline: undefined,
      workingPaperDeadline: undefined,
      documentsDate: undefined,
      livestream: undefined,
    },
    // Out of order on purpose: the summary lists sessions by date and start.
    sessions: [
      session('S3', '2026-08-25', '10:00', '13:00', 'Closing (nobody came)'),
      session('S1', '2026-08-24', '10:00', '13:00', 'Opening'),
      session('S2', '2026-08-24', '15:00', '18:00', 'Transparency'),
    ],
    agenda: null,
    delegations: [delegation('D1', 'State Party'), delegation('D2', 'Civil Society or NGO'), delegation('D3', 'Observer State'), delegation('D4', 'Industry')],
    participants: [
      person('P1', 'D1', 'Woman', 'Head of delegation'),
      person('P2', 'D1', 'Man', 'Delegate'),
      person('P3', 'D2', 'Man', 'Head of delegation'),
      person('P4', 'D2', 'Not stated', 'Delegate'),
      person('P5', 'D2', 'Other', 'Adviser'),
      person('P6', 'D3', 'Woman', 'Head of delegation', 'Cancelled'),
      person('P7', 'D1', 'Woman', 'Delegate', 'Registered'),
      person('P8', 'D3', 'Man', 'Head of delegation'),
    ],
    attendance: [
      attend('P1', 'S1', 'In person'),
      attend('P1', 'S1', 'In person'), // checked in twice: counts once
      attend('P2', 'S1', 'Online'),
      attend('P3', 'S1', 'In person'),
      attend('P4', 'S1', 'In person'),
      attend('P6', 'S1', 'In person'), // cancelled: counts nowhere
      attend('P9', 'S1', 'In person'), // unknown participant: skipped
      attend('P1', 'S9', 'In person'), // unknown session: skipped
      attend('P1', 'S2', 'Online'),
      attend('P5', 'S2', 'Online'),
      attend('P8', 'S2', 'In person'),
      attend('P3', 'S2', 'In person'),
    ],
    speakers: [
      speak('S1', 'P1', 5),
      speak('S1', 'P3', 3.5),
      speak('S1', 'P1'),
      speak('S1', 'P6', 4), // cancelled: skipped
      speak('S9', 'P1', 1), // unknown session: skipped
      speak('S2', 'P5', 2),
      speak('S2', 'P8'),
    ],
    submissions: null,
  };
}
