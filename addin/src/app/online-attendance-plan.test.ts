// planOnlineAttendance on small report tables given directly (no file): which session a connection
// counts for at the edges of its window, the check-in time of repeated connections, who is matched
// and why not, and in what order the rows come. Every expected row is worked out by hand.
import { describe, expect, it } from 'vitest';
import { guessReportMapping, planOnlineAttendance, reportHeaderKey, type ReportMapping, type ReportPerson, type ReportSession } from './online-attendance.js';

const sessions: ReportSession[] = [
  { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00' },
  { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00' },
];
/** name, e-mail, join, leave. */
const mapping: ReportMapping = { name: 0, email: 1, join: 2, leave: 3, delegation: -1 };
const person = (participantId: string, givenName: string, familyName: string, email?: string, more: Partial<ReportPerson> = {}): ReportPerson =>
  ({ participantId, givenName, familyName, ...(email === undefined ? {} : { email }), ...more });
const table = (rows: string[][]) => ({ rows, rowLines: rows.map((_, i) => i + 10) });
const plan = (rows: string[][], people: readonly ReportPerson[], more: { existing?: { participantId: string; sessionId: string }[]; sessions?: ReportSession[]; mapping?: ReportMapping; names?: Map<string, string> } = {}) =>
  planOnlineAttendance(table(rows), more.mapping ?? mapping, people, more.sessions ?? sessions, more.existing ?? [], 'Europe/Zurich', more.names);
const five = ['a', 'b', 'c', 'd', 'e'].map((x, i) => person(`P${i + 1}`, x.toUpperCase(), 'Person', `${x}@example.org`));

describe('the report\'s headers', () => {
  it('a header names its column whatever its case, accents, trailing colon, asterisk or parenthesis', () => {
    expect(['Name', ' E-mail * ', 'Join Time (UTC)', 'Join time(UTC)', 'Join time (UTC) ', 'Heure de départ:', 'DÉLÉGATION', 'Duration (Minutes)', 'Guest', 'Join (first) time'].map(reportHeaderKey))
      .toEqual(['name', 'email', 'join', 'join', 'join', 'leave', 'delegation', undefined, undefined, undefined]);
  });

  it('each column is the first header naming it, -1 when none does', () => {
    expect(guessReportMapping(['Email', 'Name', 'User Email', 'Join time', 'Left'])).toEqual({ name: 1, email: 0, join: 3, leave: 4, delegation: -1 });
    expect(guessReportMapping([])).toEqual({ name: -1, email: -1, join: -1, leave: -1, delegation: -1 });
  });
});

describe('which sessions a connection counts for', () => {
  it('with a leave time: every session it overlaps, a join at the end or a leave at the start not counting', () => {
    const p = plan([
      ['A', 'a@example.org', '2026-05-27 09:00', '2026-05-27 10:00'],
      ['B', 'b@example.org', '2026-05-27 13:00', '2026-05-27 14:00'],
      ['C', 'c@example.org', '2026-05-27 12:59', '2026-05-27 15:01'],
      ['D', 'd@example.org', '2026-05-27 09:30', '2026-05-27 10:01'],
      ['E', 'e@example.org', '2026-05-27 17:59', '2026-05-27 18:30'],
    ], five);
    expect(p.rows).toEqual([
      { participantId: 'P3', sessionId: 'S1', matchedBy: 'email', reportName: 'C', checkedInAt: '2026-05-27 12:59', lines: [12] },
      // Connected since 09:30, before S1's window opens at 09:45: there at its start.
      { participantId: 'P4', sessionId: 'S1', matchedBy: 'email', reportName: 'D', checkedInAt: '2026-05-27 10:00', lines: [13] },
      // Connected since 12:59, long before S2: there at its start, not at the morning join.
      { participantId: 'P3', sessionId: 'S2', matchedBy: 'email', reportName: 'C', checkedInAt: '2026-05-27 15:00', lines: [12] },
      { participantId: 'P5', sessionId: 'S2', matchedBy: 'email', reportName: 'E', checkedInAt: '2026-05-27 17:59', lines: [14] },
    ]);
    expect(p.skipped).toEqual([
      { line: 10, name: 'A', email: 'a@example.org', reason: 'joined at 2026-05-27 09:00 and left at 10:00, within no session' },
      { line: 11, name: 'B', email: 'b@example.org', reason: 'joined at 2026-05-27 13:00 and left at 14:00, within no session' },
    ]);
    expect([p.already, p.unmatched]).toEqual([[], []]);
  });

  it('a join exactly 15 minutes before the start, with a leave time, is the check-in; a minute earlier, the start is', () => {
    const p = plan([['A', 'a@example.org', '2026-05-27 09:45', '2026-05-27 10:30'], ['B', 'b@example.org', '2026-05-27 09:44', '2026-05-27 10:30']], five);
    expect(p.rows.map((r) => [r.participantId, r.checkedInAt])).toEqual([['P1', '2026-05-27 09:45'], ['P2', '2026-05-27 10:00']]);
  });

  it('without a leave time: the session whose window, 15 minutes before its start to its end, holds the join', () => {
    const p = plan([
      ['A', 'a@example.org', '2026-05-27 12:59', ''],
      ['B', 'b@example.org', '2026-05-27 13:00', ''],
      ['C', 'c@example.org', '2026-05-27 14:45', ''],
      ['D', 'd@example.org', '2026-05-27 14:44', ''],
      ['E', 'e@example.org', '2026-05-27 18:00', ''],
    ], five);
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['S1', 'P1', '2026-05-27 12:59'], ['S2', 'P3', '2026-05-27 14:45']]);
    expect(p.skipped.map((s) => [s.line, s.reason])).toEqual([
      [11, 'joined at 2026-05-27 13:00, within no session'],
      [13, 'joined at 2026-05-27 14:44, within no session'],
      [14, 'joined at 2026-05-27 18:00, within no session'],
    ]);
  });

  it('a person connected several times to a session counts once, at the earliest join, with every line', () => {
    const p = plan([
      ['Zoé Lefèvre', 'zoe@example.org', '2026-05-27 10:30', ''],
      ['Zoé L.', ' ZOE@example.org ', '2026-05-27 09:55', '2026-05-27 10:10'],
      ['Zoé Lefèvre', 'zoe@example.org', '2026-05-27 11:00', ''],
      ['Zoé', 'zoe@example.org', '2026-05-27 10:45', ''],
    ], [person('P1', 'Zoé', 'Lefèvre', 'zoe@example.org')]);
    expect(p.rows).toEqual([{ participantId: 'P1', sessionId: 'S1', matchedBy: 'email', reportName: 'Zoé', checkedInAt: '2026-05-27 09:55', lines: [10, 11, 12, 13] }]);
  });

  it('a connection from before a session\'s window checks in at its start even when a later one joins after it', () => {
    const p = plan([['A', 'a@example.org', '2026-05-27 10:20', ''], ['A', 'a@example.org', '2026-05-27 08:00', '2026-05-27 12:00']], five);
    expect(p.rows).toEqual([{ participantId: 'P1', sessionId: 'S1', matchedBy: 'email', reportName: 'A', checkedInAt: '2026-05-27 10:00', lines: [10, 11] }]);
  });

  it('rows come by session, in the meeting\'s order, then by participant ID', () => {
    const s = [{ sessionId: 'PM', date: '2026-05-27', start: '15:00', end: '18:00' }, { sessionId: 'AM', date: '2026-05-28', start: '10:00', end: '13:00' }];
    const people = [person('P9', 'Nine', 'Person', 'nine@example.org'), person('P10', 'Ten', 'Person', 'ten@example.org')];
    const p = plan([
      ['Nine', 'nine@example.org', '2026-05-28 10:00', ''],
      ['Nine', 'nine@example.org', '2026-05-27 15:00', ''],
      ['Ten', 'ten@example.org', '2026-05-28 10:00', ''],
      ['Ten', 'ten@example.org', '2026-05-27 15:00', ''],
    ], people, { sessions: s });
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.lines])).toEqual([['PM', 'P10', [13]], ['PM', 'P9', [11]], ['AM', 'P10', [12]], ['AM', 'P9', [10]]]);
  });

  it('what the Attendance sheet has for that person and session is set aside, the rest is new', () => {
    const p = plan([['A', 'a@example.org', '2026-05-27 09:50', '2026-05-27 15:30']], five, { existing: [{ participantId: 'P1', sessionId: 'S2' }, { participantId: 'P2', sessionId: 'S1' }] });
    expect(p.rows.map((r) => [r.sessionId, r.participantId])).toEqual([['S1', 'P1']]);
    expect(p.already.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['S2', 'P1', '2026-05-27 15:00']]);
  });
});

describe('times as the report writes them', () => {
  const june: ReportSession[] = [{ sessionId: 'J1', date: '2026-06-05', start: '10:00', end: '13:00' }];

  it('a leave column that cannot tell day from month is read in the join column\'s order', () => {
    const p = plan([
      ['A', 'a@example.org', '05/06/2026 10:05', '05/06/2026 12:00'],
      ['B', 'b@example.org', '13/06/2026 10:00', ''],
    ], five, { sessions: june });
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['J1', 'P1', '2026-06-05 10:05']]);
    expect(p.skipped.map((s) => [s.line, s.reason])).toEqual([[11, 'joined at 2026-06-13 10:00, within no session']]);
  });

  it('a leave column that tells its own order is read in it', () => {
    // The joins are ISO dates; the leave column's 13/06 says its own dates are day first.
    const p = plan([
      ['A', 'a@example.org', '2026-06-05 10:05', '05/06/2026 12:00'],
      ['B', 'b@example.org', '2026-06-13 10:00', '13/06/2026 11:00'],
    ], five, { sessions: june });
    expect(p.rows.map((r) => [r.participantId, r.checkedInAt])).toEqual([['P1', '2026-06-05 10:05']]);
    expect(p.skipped.map((s) => [s.line, s.reason])).toEqual([[11, 'joined at 2026-06-13 10:00 and left at 11:00, within no session']]);
  });

  it('the join column\'s order is told from its own values, wherever the column is', () => {
    const p = plan([
      ['13/06/2026 10:00', 'A', 'a@example.org'],
      ['05/06/2026 10:05', 'B', 'b@example.org'],
    ], five, { sessions: june, mapping: { join: 0, name: 1, email: 2, leave: -1, delegation: -1 } });
    expect(p.rows.map((r) => [r.participantId, r.checkedInAt])).toEqual([['P2', '2026-06-05 10:05']]);
    expect(p.skipped.map((s) => [s.line, s.reason])).toEqual([[10, 'joined at 2026-06-13 10:00, within no session']]);
  });

  it('a session just after midnight counts a join from the evening before, across the end of a month', () => {
    const night: ReportSession[] = [{ sessionId: 'N1', date: '2026-07-01', start: '00:05', end: '01:00' }];
    const p = plan([['A', 'a@example.org', '2026-06-30 23:55', '']], five, { sessions: night });
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.checkedInAt])).toEqual([['N1', 'P1', '2026-06-30 23:55']]);
  });

  it('times that cannot be read are listed with what was expected', () => {
    const p = plan([
      ['A', 'a@example.org', '05/06/2026 10:05', ''],
      ['B', 'b@example.org', 'soon', ''],
      ['C', 'c@example.org', '2026-06-05 10:05', 'later'],
      ['D', 'd@example.org', '', ''],
    ], five, { sessions: june });
    expect(p.rows).toEqual([]);
    expect(p.skipped).toEqual([
      { line: 10, name: 'A', email: 'a@example.org', reason: 'the join time "05/06/2026 10:05" cannot be read: expected a date and time such as 2026-05-27 09:45; day and month cannot be told apart in "05/06/2026 10:05"' },
      { line: 11, name: 'B', email: 'b@example.org', reason: 'the join time "soon" cannot be read: expected a date and time such as 2026-05-27 09:45' },
      { line: 12, name: 'C', email: 'c@example.org', reason: 'the leave time "later" cannot be read: expected a date and time such as 2026-05-27 09:45' },
      { line: 13, name: 'D', email: 'd@example.org', reason: 'the join time "" cannot be read: expected a date and time such as 2026-05-27 09:45' },
    ]);
  });

  it('without a leave column, joins alone are read; a row shorter than the mapping reads as empty cells', () => {
    const p = plan([['A', 'a@example.org', '2026-05-27 10:00'], ['B', 'b@example.org']], five, { mapping: { name: 0, email: 1, join: 2, leave: -1, delegation: -1 } });
    expect(p.rows.map((r) => [r.participantId, r.checkedInAt])).toEqual([['P1', '2026-05-27 10:00']]);
    expect(p.skipped.map((s) => [s.line, s.reason])).toEqual([[11, 'the join time "" cannot be read: expected a date and time such as 2026-05-27 09:45']]);
  });
});

describe('who the report\'s people are', () => {
  it('by e-mail first, case and spaces aside, even when the name is another participant\'s', () => {
    const people = [person('P1', 'Ana', 'One', ' Ana@Example.org '), person('P2', 'Ben', 'Two', 'ben@example.org')];
    const p = plan([['Ben Two', 'ANA@example.org', '2026-05-27 10:00', '']], people);
    expect(p.rows.map((r) => [r.participantId, r.matchedBy, r.reportName])).toEqual([['P1', 'email', 'Ben Two']]);
  });

  it('by name when the e-mail is unknown: either order, "Family, Given", without "(Guest)", accents and case aside', () => {
    const people = [person('P1', 'Zoé', 'Lefèvre', 'zoe@example.org'), person('P2', 'Jérôme', 'Müller')];
    const p = plan([
      ['LEFEVRE Zoe', 'zoe.private@example.net', '2026-05-27 10:00', ''],
      ['Müller, Jérôme (Guest)', '', '2026-05-27 15:00', ''],
    ], people);
    expect(p.rows.map((r) => [r.sessionId, r.participantId, r.matchedBy])).toEqual([['S1', 'P1', 'name'], ['S2', 'P2', 'name']]);
  });

  it('a participant whose e-mail cell holds only spaces has no e-mail: a row without one is matched by name', () => {
    const p = plan([['Ana One', '', '2026-05-27 10:00', '']], [person('P1', 'Ana', 'One', '  ')]);
    expect(p.rows.map((r) => [r.participantId, r.matchedBy])).toEqual([['P1', 'name']]);
  });

  it('a note in parentheses is left out only at the end of a name, with or without a space before it; a comma parts the names', () => {
    const people = [person('P1', 'Zoé', 'Lefèvre'), person('P2', 'Jérôme', 'Müller'), person('P3', 'Ana', 'Núñez (née Silva) ')];
    const p = plan([
      ['Zoé Lefèvre(Guest)', '', '2026-05-27 10:00', ''],
      ['Zoé (Zo) Lefèvre', '', '2026-05-27 10:00', ''],
      ['MÜLLER,Jérôme', '', '2026-05-27 10:00', ''],
      ['Ana Núñez', '', '2026-05-27 10:00', ''],
    ], people);
    expect(p.rows.map((r) => [r.participantId, r.lines])).toEqual([['P1', [10]], ['P2', [12]], ['P3', [13]]]);
    expect(p.unmatched.map((u) => [u.line, u.reason])).toEqual([[11, 'no participant has this e-mail address or name']]);
  });

  it('a participant whose given and family names are the same is one participant, not two', () => {
    const p = plan([['Wei Wei', '', '2026-05-27 10:00', '']], [person('P1', 'Wei', 'Wei')]);
    expect(p.rows.map((r) => [r.participantId, r.matchedBy])).toEqual([['P1', 'name']]);
    expect(p.unmatched).toEqual([]);
  });

  it('an e-mail address two participants share is not guessed between', () => {
    const people = [person('P1', 'Ana', 'One', 'desk@example.org'), person('P2', 'Ben', 'Two', 'DESK@example.org')];
    const p = plan([['Ana One', 'desk@example.org', '2026-05-27 10:00', '']], people);
    expect(p.rows).toEqual([]);
    expect(p.unmatched).toEqual([{ line: 10, name: 'Ana One', email: 'desk@example.org', reason: '2 participants have this e-mail address (P1, P2)' }]);
  });

  it('a cancelled registration is matched by nobody: said so when its e-mail is given, a stranger otherwise', () => {
    const people = [person('P1', 'Li', 'Wei', ' Li@Example.org', { status: 'Cancelled' }), person('P2', 'Sam', 'Roe', undefined, { status: 'Cancelled' })];
    const p = plan([
      ['Li Wei', 'LI@example.org', '2026-05-27 10:00', ''],
      ['Sam Roe', '', '2026-05-27 10:00', ''],
      ['', '', '2026-05-27 10:00', ''],
    ], people);
    expect(p.rows).toEqual([]);
    expect(p.unmatched).toEqual([
      { line: 10, name: 'Li Wei', email: 'LI@example.org', reason: 'this person\'s registration is cancelled' },
      { line: 11, name: 'Sam Roe', email: '', reason: 'no participant has this e-mail address or name' },
      { line: 12, name: '', email: '', reason: 'no participant has this e-mail address or name' },
    ]);
  });

  it('a cancelled e-mail with the name of a registered participant is that participant, by name', () => {
    const people = [person('P1', 'Li', 'Wei', 'li@example.org', { status: 'Cancelled' }), person('P2', 'Li', 'Wei', 'li.wei@example.org', { status: 'Registered' })];
    const p = plan([['Li Wei', 'li@example.org', '2026-05-27 10:00', '']], people);
    expect(p.rows.map((r) => [r.participantId, r.matchedBy])).toEqual([['P2', 'name']]);
  });

  it('the report\'s delegation column: by Delegation ID or name, folded; an empty cell does not narrow', () => {
    const withDelegation: ReportMapping = { name: 0, email: -1, join: 1, leave: -1, delegation: 2 };
    const people = [
      person('P1', 'Ana', 'Núñez', undefined, { delegationId: 'D-CHE' }),
      person('P2', 'Ana', 'Nunez', undefined, { delegationId: 'D-NGO' }),
      person('P3', 'Ben', 'Two'),
      person('P4', 'Cy', 'Three', undefined, { delegationId: 'D-CHE' }),
    ];
    const names = new Map([['D-CHE', 'Switzerland'], ['D-NGO', 'Example Network']]);
    const p = plan([
      ['Ana Núñez', '2026-05-27 10:00', 'd che'],
      ['Ana Nunez', '2026-05-27 10:00', 'EXAMPLE NETWORK'],
      ['Ana Núñez', '2026-05-27 10:00', ''],
      ['Ben Two', '2026-05-27 10:00', 'Switzerland'],
      ['Cy Three', '2026-05-27 10:00', ''],
    ], people, { mapping: withDelegation, names });
    expect(p.rows.map((r) => [r.participantId, r.lines])).toEqual([['P1', [10]], ['P2', [11]], ['P4', [14]]]);
    expect(p.unmatched).toEqual([
      { line: 12, name: 'Ana Núñez', email: '', reason: '2 participants have this name (P1, P2): check them in by hand' },
      { line: 13, name: 'Ben Two', email: '', reason: 'no participant of "Switzerland" has this name (P3 is in no delegation)' },
    ]);
  });

  it('a delegation the names map does not know is compared by ID only', () => {
    const withDelegation: ReportMapping = { name: 0, email: -1, join: 1, leave: -1, delegation: 2 };
    const p = plan([['Ben Two', '2026-05-27 10:00', 'Nowhere']], [person('P3', 'Ben', 'Two', undefined, { delegationId: 'D-XYZ' })], { mapping: withDelegation });
    expect(p.unmatched.map((u) => u.reason)).toEqual(['no participant of "Nowhere" has this name (P3 is in D-XYZ)']);
  });
});
