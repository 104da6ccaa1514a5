// Online attendance from an attendance report: the field case and a Zoom-style variant, every
// expected row worked out by hand from the report's lines and the sessions below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessReportMapping, planOnlineAttendance, readAttendanceReport, type ReportSession } from './online-attendance.js';

const sessions: ReportSession[] = [
  { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00' },
  { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00' },
  { sessionId: 'S3', date: '2026-05-28', start: '10:00', end: '13:00' },
];
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the field case: a Teams-style report, UTF-16, tab-separated, in sections', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../../test/fixtures/field-cases/online-meeting-attendance-report-utf16.csv', import.meta.url)));
  // Read inside each test, so that a bug the test is to catch is there when it runs.
  const read = () => readAttendanceReport(bytes, 'online-meeting-attendance-report-utf16.csv');

  it('finds the participants table and maps name, e-mail, first join and last leave', () => {
    const table = read();
    expect([table.encoding, table.separator, table.headerLine]).toEqual(['UTF-16LE', '\t', 9]);
    expect(guessReportMapping(table.headers)).toEqual({ name: 0, email: 4, join: 1, leave: 2, delegation: -1 });
  });

  it('gives one Online row per person in the morning session, at their first join', () => {
    const table = read();
    const people = [
      { participantId: 'P0001', givenName: 'Zoé', familyName: 'Lefèvre', email: 'zoe@example.org' },
      { participantId: 'P0002', givenName: 'Jérôme', familyName: 'Müller', email: 'jerome@example.org' },
      { participantId: 'P0003', givenName: 'Ana', familyName: 'Núñez', email: 'ana@example.org' },
    ];
    const plan = planOnlineAttendance(table, guessReportMapping(table.headers), people, sessions, [], 'Europe/Zurich');
    // Zoé 09:58-13:02, Jérôme 10:02-12:40, Ana 10:03-13:00 on 27/05/26: all within S1 (10:00-13:00), none reaches S2 (15:00).
    expect(plan.rows.map((r) => [r.participantId, r.sessionId, r.checkedInAt, r.matchedBy])).toEqual([
      ['P0001', 'S1', '2026-05-27 09:58', 'email'],
      ['P0002', 'S1', '2026-05-27 10:02', 'email'],
      ['P0003', 'S1', '2026-05-27 10:03', 'email'],
    ]);
    expect([plan.already, plan.unmatched, plan.skipped]).toEqual([[], [], []]);
  });
});

describe('a Zoom-style report: repeats, early joins, people across sessions, names, strangers', () => {
  const report = [
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)',
    'Zoé Lefèvre,zoe@example.org,05/27/2026 09:50:00 AM,,',
    'Zoé Lefèvre,ZOE@example.org,05/27/2026 11:00:00 AM,05/27/2026 04:00:00 PM,300',
    '"MÜLLER, Jérôme",,05/27/2026 02:50:00 PM,,',
    'Ana Núñez (Ana N.),ana@example.org,2026-05-27T08:05:00Z,2026-05-27T10:30:00Z,145',
    'Li Wei,li@example.org,05/27/2026 10:00:00 AM,05/27/2026 11:00:00 AM,60',
    'Guest Person,guest@example.net,05/27/2026 10:10:00 AM,05/27/2026 11:00:00 AM,50',
    'Sam Roe,sam@example.org,05/27/2026 10:00:00 AM,05/27/2026 12:00:00 PM,120',
    'Zoé Lefèvre,zoe@example.org,05/27/2026 01:30:00 PM,,',
    'Jérôme Müller,,05/27/2026 09:40:00 AM,05/27/2026 09:44:00 AM,4',
  ].join('\n');
  const people = [
    { participantId: 'P1', givenName: 'Zoé', familyName: 'Lefèvre', email: 'zoe@example.org' },
    { participantId: 'P2', givenName: 'Jérôme', familyName: 'Müller' },
    { participantId: 'P3', givenName: 'Ana', familyName: 'Núñez', email: 'ana@example.org' },
    { participantId: 'P4', givenName: 'Li', familyName: 'Wei', email: 'li@example.org', status: 'Cancelled' },
    { participantId: 'P5', givenName: 'Sam', familyName: 'Roe', email: 'sam@example.org' },
  ];
  // Planned inside each test, so that a bug the test is to catch is there when it runs.
  const planned = () => {
    const table = readAttendanceReport(utf8(report), 'zoom.csv');
    return planOnlineAttendance(table, guessReportMapping(table.headers), people, sessions, [{ participantId: 'P5', sessionId: 'S1' }], 'Europe/Zurich');
  };

  it('writes each person once per session, from the earliest join; across the break counts for both', () => {
    const plan = planned();
    expect(plan.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt, r.matchedBy, r.lines])).toEqual([
      // Zoé: line 2 joins at 09:50 with no leave time, within 15 minutes of S1's start; line 3 (11:00-16:00) repeats S1 and reaches S2.
      ['S1', 'P1', '2026-05-27 09:50', 'email', [2, 3]],
      // Ana: 08:05Z-10:30Z is 10:05-12:30 in Geneva (UTC+2 in May).
      ['S1', 'P3', '2026-05-27 10:05', 'email', [5]],
      // Connected since 11:00, long before S2's window: checked in to S2 at its start, 15:00, not at 11:00.
      ['S2', 'P1', '2026-05-27 15:00', 'email', [3]],
      // "MÜLLER, Jérôme" has no e-mail: matched by name, to be confirmed; 14:50 is within 15 minutes of S2's start.
      ['S2', 'P2', '2026-05-27 14:50', 'name', [4]],
    ]);
  });

  it('skips what the Attendance sheet already has, and lists who is not a participant', () => {
    const plan = planned();
    expect(plan.already.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['S1', 'P5', '2026-05-27 10:00']]);
    expect(plan.unmatched.map((u) => [u.line, u.name, u.reason])).toEqual([
      [6, 'Li Wei', 'this person\'s registration is cancelled'],
      [7, 'Guest Person', 'no participant has this e-mail address or name'],
    ]);
    expect(plan.skipped.map((u) => [u.line, u.reason])).toEqual([
      [9, 'joined at 2026-05-27 13:30, within no session'],
      [10, 'joined at 2026-05-27 09:40 and left at 09:44, within no session'],
    ]);
  });

  it('a later line with an earlier join of the same session gives the earlier check-in', () => {
    // Ana's lines: 10:30-11:00 first, then 10:05-10:20, both in S1 (10:00-13:00): one row, at 10:05, from both lines.
    const t = readAttendanceReport(utf8('Name,Email,Join time,Leave time\nAna,ana@example.org,2026-05-27 10:30,2026-05-27 11:00\nAna,ana@example.org,2026-05-27 10:05,2026-05-27 10:20\n'), 'x.csv');
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt, r.lines])).toEqual([['S1', 'P3', '2026-05-27 10:05', [2, 3]]]);
  });

  it('a cancelled person\'s e-mail under another name is reported as cancelled, not as unknown', () => {
    // li@example.org is Li Wei's, whose registration is cancelled; the report names the connection otherwise.
    const t = readAttendanceReport(utf8('Name,Email,Join time,Leave time\nLW laptop,li@example.org,2026-05-27 10:00,2026-05-27 11:00\n'), 'x.csv');
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows).toEqual([]);
    expect(p.unmatched.map((u) => [u.line, u.name, u.reason])).toEqual([[2, 'LW laptop', 'this person\'s registration is cancelled']]);
  });

  it('a join alone counts from 15 minutes before the start, not 16', () => {
    const t = readAttendanceReport(utf8('Name,Email,Join time\nA,zoe@example.org,2026-05-27 09:45\nB,ana@example.org,2026-05-27 09:44\n'), 'x.csv');
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows.map((r) => r.participantId)).toEqual(['P1']);
    expect(p.skipped.map((s) => s.line)).toEqual([3]);
  });

  it('two participants with the name are not guessed between', () => {
    const t = readAttendanceReport(utf8('Nom,Courriel,Heure d\'arrivée\nAna Núñez,,2026-05-27 10:00\n'), 'x.csv');
    const twins = [...people, { participantId: 'P9', givenName: 'Ana', familyName: 'NUNEZ', email: 'other@example.org' }];
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), twins, sessions, [], 'Europe/Zurich');
    expect(p.rows).toEqual([]);
    expect(p.unmatched.map((u) => u.reason)).toEqual(['2 participants have this name (P3, P9): check them in by hand']);
  });

  it('a name shared across delegations is told apart by the report\'s organisation column', () => {
    const t = readAttendanceReport(utf8('Nombre,Organización,Hora de entrada\nAna Núñez,Example Network,2026-05-27 10:00\nAna Núñez,Nowhere Institute,2026-05-27 10:00\n'), 'x.csv');
    expect(guessReportMapping(t.headers)).toEqual({ name: 0, email: -1, join: 2, leave: -1, delegation: 1 });
    const twins = [{ participantId: 'P3', delegationId: 'D-NGO', givenName: 'Ana', familyName: 'Núñez' }, { participantId: 'P9', delegationId: 'D-CHE', givenName: 'Ana', familyName: 'Nunez' }];
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), twins, sessions, [], 'Europe/Zurich', new Map([['D-NGO', 'Example Network'], ['D-CHE', 'Switzerland']]));
    expect(p.rows.map((r) => [r.participantId, r.sessionId, r.matchedBy])).toEqual([['P3', 'S1', 'name']]);
    expect(p.unmatched.map((u) => [u.line, u.reason])).toEqual([[3, 'no participant of "Nowhere Institute" has this name (P3 is in D-NGO, P9 is in D-CHE)']]);
  });

  it('a Spanish Teams report (Nombre, Primera unión, Última salida) is mapped without help', () => {
    const t = readAttendanceReport(utf8('Nombre\tPrimera unión\tÚltima salida\tDuración en la reunión\tCorreo electrónico\tRol\nAna Núñez\t27/05/2026, 9:58:01\t27/05/2026, 13:02:44\t3h 4m 43s\tana@example.org\tAsistente\n'), 'x.csv');
    expect(guessReportMapping(t.headers)).toEqual({ name: 0, email: 4, join: 1, leave: 2, delegation: -1 });
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['S1', 'P3', '2026-05-27 09:58']]);
  });

  it('connected across the break: each session\'s check-in is when the person was there for it, never the morning join', () => {
    // 09:40-17:45 covers S1 (10:00-13:00, joined 20 minutes before: its start) and S2 (15:00-18:00: its start);
    // 14:50-18:05 covers S2 from 14:50, within 15 minutes of its start (the real join is kept).
    const t = readAttendanceReport(utf8('Name,Email,Join time,Leave time\nA,zoe@example.org,2026-05-27 09:40,2026-05-27 17:45\nB,ana@example.org,2026-05-27 14:50,2026-05-27 18:05\n'), 'x.csv');
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([
      ['S1', 'P1', '2026-05-27 10:00'],
      ['S2', 'P1', '2026-05-27 15:00'],
      ['S2', 'P3', '2026-05-27 14:50'],
    ]);
  });

  it('a Zoom webinar attendee report: sections headed by a title line, no blank line between; the attendees table is taken', () => {
    const report = '\uFEFFAttendee Report\r\nReport Generated:,"5/27/2026 6:00 PM"\r\n'
      + 'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered\r\nPrep,812 3456 7890,"May 27, 2026 09:55 AM",345,5\r\n'
      + 'Host Details\r\nAttended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name\r\n'
      + 'Yes,Host,host@example.org,"May 27, 2026 09:50 AM","May 27, 2026 05:40 PM",350,Switzerland\r\n'
      + 'Attendee Details\r\nAttended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name\r\n'
      + 'Yes,Zoé Lefèvre,Zoé,Lefèvre,zoe@example.org,"May 20, 2026 10:00 AM",approved,"May 27, 2026 09:58 AM","May 27, 2026 12:58 PM",180,No,France\r\n'
      + 'Yes,Ana Núñez,Ana,Núñez,ana@example.org,"May 21, 2026 10:00 AM",approved,"May 27, 2026 03:05 PM","May 27, 2026 05:00 PM",115,No,Spain\r\n';
    const t = readAttendanceReport(utf8(report), 'webinar.csv');
    // Line 9 is the attendees' header (line 5 "Host Details", 6 the host's header, 7 the host, 8 "Attendee Details").
    expect([t.headerLine, t.rowLines]).toEqual([9, [10, 11]]);
    expect(guessReportMapping(t.headers)).toEqual({ name: 1, email: 4, join: 7, leave: 8, delegation: -1 });
    const p = planOnlineAttendance(t, guessReportMapping(t.headers), people, sessions, [], 'Europe/Zurich');
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt, r.lines])).toEqual([['S1', 'P1', '2026-05-27 09:58', [10]], ['S2', 'P3', '2026-05-27 15:05', [11]]]);
    expect([p.unmatched, p.skipped]).toEqual([[], []]);
    // The host's table, chosen by hand, ends at the next section's title line.
    expect(readAttendanceReport(utf8(report), 'webinar.csv', 6).rowLines).toEqual([7]);
  });
});
