// The task pane's pure app layer at its edges: proposed IDs, search, the session under way, the
// import's parsing and mapping, and the Report sheet's blocks. Expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { idProblem, proposeDelegationId, proposeId, ruleIssues } from '../../addin/src/app/records.js';
import { guessMapping, parseDelimited, previewImport } from '../../addin/src/app/registration-import.js';
import { fieldProblem, findPeople, formProblems, nextIds } from '../../addin/src/app/registration.js';
import { GENDER_HEADERS, reportBlocks } from '../../addin/src/app/report-tables.js';
import { defaultSession, localDateTime } from '../../addin/src/app/sessions.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { MeetingReader } from '../../pipeline/core/read-meeting.js';
import type { MeetingData } from '../../templates/contract/index.js';
import { meetingSheets, rawRows } from './raw-workbook.js';

describe('nextIds', () => {
  it('continues after the highest number, padding to the widest seen or the minimum, escaping the prefix', () => {
    expect(nextIds(['P.0041', 'P.7', 'PX0099', 'P.x'], 'P.', 2)).toEqual(['P.0042', 'P.0043']);
    expect(nextIds(['P00123', 'P9'], 'P', 1)).toEqual(['P00124']);
    expect(nextIds([], 'P', 2)).toEqual(['P0001', 'P0002']);
    expect(nextIds(['S3'], 'S', 1, 1)).toEqual(['S4']);
    expect(nextIds(['S3'], 'S', 0)).toEqual([]);
    expect(nextIds(['aP0005', 'P0005b'], 'P', 1)).toEqual(['P0001']);
  });
});

describe('findPeople', () => {
  const people = [
    { participantId: 'P1', delegationId: 'D-CHE', givenName: 'Anaïs', familyName: 'Müller' },
    { participantId: 'P2', delegationId: 'D-GHA', givenName: 'Kofi', familyName: 'Mensah' },
    { participantId: 'P3', delegationId: 'D-CHE', givenName: 'Jean', familyName: 'Dupont' },
  ];
  const names = new Map([['D-CHE', 'Switzerland'], ['D-GHA', 'Ghana']]);

  it('matches every word in name, ID, delegation ID or delegation name, and stops at the limit', () => {
    expect(findPeople(people, 'anais MULLER', names).map((p) => p.participantId)).toEqual(['P1']);
    expect(findPeople(people, 'switzerland', names).map((p) => p.participantId)).toEqual(['P1', 'P3']);
    expect(findPeople(people, 'ghana kofi', names).map((p) => p.participantId)).toEqual(['P2']);
    expect(findPeople(people, 'p3', new Map()).map((p) => p.participantId)).toEqual(['P3']);
    expect(findPeople(people, 'd-che', names, 1).map((p) => p.participantId)).toEqual(['P1']);
    expect(findPeople(people, '  ', names, 2).map((p) => p.participantId)).toEqual(['P1', 'P2']);
    expect(findPeople(people, 'nobody', names)).toEqual([]);
  });
});

describe('fieldProblem and formProblems', () => {
  it('an empty text is an empty cell; a required one says so, others say what they expect', () => {
    expect(fieldProblem('givenName', '')).toBe('Given name is required.');
    expect(fieldProblem('title', '')).toBeUndefined();
    expect(fieldProblem('gender', 'Q')).toBe('Expected a gender: one of Woman, Man, Other, Not stated.');
    expect(fieldProblem('registeredOn', '31 April 2026')).toBe('Expected a date such as 2026-05-27 or 27 May 2026; there is no 31 April 2026.');
    expect(formProblems({ participantId: 'P1', delegationId: 'D-A', givenName: 'A', familyName: 'B', gender: 'F', role: 'HoD', participation: 'Online' })).toEqual({});
    expect(Object.keys(formProblems({}))).toEqual(['participantId', 'delegationId', 'givenName', 'familyName', 'gender', 'role', 'participation']);
  });
});

describe('the session under way', () => {
  const sessions = [
    { sessionId: 'B', date: '2026-05-27', start: '15:00', end: '18:00' },
    { sessionId: 'A', date: '2026-05-27', start: '10:00', end: '13:00' },
    { sessionId: 'C', date: '2026-05-28', start: '10:00', end: '13:00' },
  ];
  const at = (utc: string) => defaultSession(sessions, new Date(utc), 'Europe/Zurich')?.sessionId;

  it('a session is under way from its start to just before its end (Geneva is UTC+2 in May)', () => {
    expect(at('2026-05-27T08:00:00Z')).toBe('A'); // 10:00, its start
    expect(at('2026-05-27T10:59:00Z')).toBe('A'); // 12:59
    expect(at('2026-05-27T11:00:00Z')).toBe('B'); // 13:00: A has ended, B is next
    expect(at('2026-05-27T07:00:00Z')).toBe('A'); // 09:00: the next one today
    expect(at('2026-05-27T16:00:00Z')).toBe('B'); // 18:00: after hours, today's last
    expect(at('2026-05-28T09:00:00Z')).toBe('C');
    expect(at('2026-05-26T09:00:00Z')).toBe('A'); // another day: the meeting's first
  });

  it('writes midnight as 00, not 24', () => {
    expect(localDateTime(new Date(Date.UTC(2026, 4, 26, 22, 0)), 'Europe/Zurich')).toBe('2026-05-27T00:00');
    expect(localDateTime(new Date(Date.UTC(2026, 4, 27, 3, 7)), 'UTC')).toBe('2026-05-27T03:07');
  });
});

describe('proposed IDs and ID problems', () => {
  it('propose by sheet and type', () => {
    expect(proposeId('Sessions', ['S9', 'A20'])).toBe('S10');
    expect(proposeId('Agenda', ['A2', 'S7'])).toBe('A3');
    expect(proposeId('Submissions', ['WP1', 'AOB3'], 'AOB')).toBe('AOB4');
    expect(proposeId('Submissions', ['WP1', 'AOB3'])).toBe('WP2');
  });

  it('name a delegation by a State\'s valid code, else by initials (six at most, small words left out), numbering repeats', () => {
    expect(proposeDelegationId([], 'Ghana', ' gha ', '')).toBe('D-GHA');
    expect(proposeDelegationId([], 'Ghana', 'GH', 'State Party')).toBe('D-G');
    expect(proposeDelegationId([], 'Ghana', 'GHA', 'Industry')).toBe('D-G');
    expect(proposeDelegationId([], 'The Union of the Five Big Red Green Apple Orchards')).toBe('D-UFBRGA');
    expect(proposeDelegationId([], 'Les amis de la paix et du désarmement')).toBe('D-APD');
    expect(proposeDelegationId(['D-CA', 'D-CA2', 'D-CA3'], 'Control Arms')).toBe('D-CA4');
    expect(proposeDelegationId([], '--')).toBe('D-NEW');
  });

  it('idProblem: a trimmed ID used by another row; none for an empty ID or the row\'s own', () => {
    expect(idProblem('Delegations', ' D-A ', ['D-B', 'D-A'])).toBe('Delegation ID D-A is already used on the Delegations sheet.');
    expect(idProblem('Submissions', 'WP1', ['WP1'])).toBe('Submission ID WP1 is already used on the Submissions sheet.');
    expect(idProblem('Delegations', '  ', ['D-A'])).toBeUndefined();
    expect(idProblem('Delegations', 'D-A', ['D-A'], 'D-A')).toBeUndefined();
    expect(idProblem('Delegations', 'D-C', ['D-A'])).toBeUndefined();
  });

  it('ruleIssues: none without a read workbook or without the sheet in it', () => {
    expect(ruleIssues(undefined, 'Sessions', { sessionId: 'S1' }, 2)).toEqual([]);
    const reader = new MeetingReader();
    reader.startSheet('Meeting');
    for (const r of rawRows(meetingSheets().Meeting!)) reader.row(r);
    expect(ruleIssues(reader.finish(), 'Sessions', { sessionId: 'S2', date: '2026-06-01', start: '10:00', end: '11:00', title: 'x' }, 2)).toEqual([]);
  });
});

describe('parseDelimited', () => {
  it('prefers a comma when the header has as many of each, and reads semicolons when they are more', () => {
    expect(parseDelimited('a;b,c\n1;2,3')).toEqual([['a;b', 'c'], ['1;2', '3']]);
    expect(parseDelimited('a;b;c,d\n1;2;3,4')).toEqual([['a', 'b', 'c,d'], ['1', '2', '3,4']]);
  });

  it('keeps a quote inside a field as it is, ends lines at CR alone, and skips lines of spaces', () => {
    expect(parseDelimited('a,b\rx"y,"q"\r   ,  \r\n"end",z')).toEqual([['a', 'b'], ['x"y', 'q'], ['end', 'z']]);
    // A blank line, then a line of another shape, starts another section of a report: not a row.
    expect(parseDelimited('a,b\rx"y,"q"\r   ,  \r\n"end"')).toEqual([['a', 'b'], ['x"y', 'q']]);
    expect(() => parseDelimited('')).toThrow('the pasted text is empty');
    expect(parseDelimited('"a\nb",c')).toEqual([['a\nb', 'c']]);
  });
});

describe('guessMapping and previewImport', () => {
  it('maps the first column that matches and -1 for none', () => {
    const m = guessMapping(['Email', 'E-mail', 'Participant ID', 'Surname']);
    expect([m.email, m.participantId, m.familyName, m.givenName]).toEqual([0, 2, 3, -1]);
  });

  it('numbers lines from 2, leaves the ID unchecked, and finds a known person by e-mail whatever its case (accents count, as in validate)', () => {
    const header = ['Participant ID', 'Prénom', 'Nom', 'Delegation', 'Genre', 'Fonction', 'Mode', 'Courriel'];
    const rows = previewImport(
      { rows: [['not an id!', 'Zoé', 'Roux', 'D-FRA', 'Femme', 'Déléguée', 'En ligne', 'ZOE@Exemple.fr'], ['', 'Luc', 'Roux', 'D-FRA', 'H', 'Chef de délégation', 'Sur place', 'luc@exemple.fr']] },
      guessMapping(header),
      [{ participantId: 'P7', delegationId: 'D-BEL', givenName: 'Z', familyName: 'R', email: 'zoe@exemple.FR' }, { participantId: 'P8', delegationId: 'D-BEL', givenName: 'L', familyName: 'R', email: 'lüc@exemple.fr' }],
      undefined,
    );
    expect(rows.map((r) => [r.line, r.problems, r.duplicateOf ?? null, r.late])).toEqual([
      [2, [], 'same e-mail as P7', false],
      [3, [], null, false],
    ]);
  });
});

describe('reportBlocks', () => {
  const data = (speakers: boolean): MeetingData => ({
    meeting: { code: 'T', title: 'T', venue: 'V', city: undefined, startDate: '2026-05-27', endDate: '2026-05-27', timeZone: 'UTC', registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: undefined },
    sessions: [{ sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '11:00', title: 'Only', kind: 'Plenary', room: undefined, row: 2 }],
    agenda: null,
    delegations: [{ delegationId: 'D', name: 'D', category: 'Industry', countryCode: undefined, row: 2 }],
    participants: [{ participantId: 'P', delegationId: 'D', title: undefined, givenName: 'G', familyName: 'F', gender: 'Not stated', role: 'Delegate', email: undefined, participation: 'Online', registeredOn: undefined, status: 'Registered', row: 2 }],
    attendance: [],
    speakers: speakers ? [] : null,
    submissions: null,
  });

  it('leaves a share empty when nothing is known, and charts interventions only when there are sessions to plot', () => {
    const blocks = reportBlocks(computeSummary(data(true)));
    expect(GENDER_HEADERS).toEqual(['Women', 'Men', 'Other', 'Not stated']);
    expect(blocks.map((b) => [b.title, b.chartColumns, b.shareColumns])).toEqual([
      ['Headline figures', 0, [1]],
      ['Attendance by session and gender', 5, [6]],
      ['Registered and attended, by gender', 5, [6]],
      ['Delegations', 0, []],
      ['Interventions by session and gender', 5, [6]],
    ]);
    // Nobody attended and nobody spoke: each headline share is n/a, with what it lacks.
    expect(blocks[0]!.rows.map((r) => [r[1], r[5]])).toEqual([['n/a', 'n/a (no attendees)'], ['n/a', 'n/a (no heads of delegation who attended)'], ['n/a', 'n/a (no interventions)']]);
    // S1: women, men, other, not stated, total, share, note, then the session's date, times and title.
    expect(blocks[1]!.rows).toEqual([['S1', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group', '2026-05-27', '10:00', '11:00', 'Only']]);
    // One registrant of unstated gender: a group that is not empty but has nobody of known gender.
    expect(blocks[2]!.rows.slice(0, 3)).toEqual([
      ['Registered', 0, 0, 0, 1, 1, 'n/a', 'nobody of known gender'],
      ['Attended', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group'],
      ['Did not attend', 0, 0, 0, 1, 1, 'n/a', 'nobody of known gender'],
    ]);
    // Delegations, with at least one woman, men only, neither, headed by a woman: the Industry one is "neither".
    expect(blocks[3]!.rows.find((r) => r[0] === 'Industry')).toEqual(['Industry', 1, 0, 0, 1, 0]);
    expect(blocks[3]!.rows.at(-1)).toEqual(['All delegations', 1, 0, 0, 1, 0]);
    expect(blocks[4]!.rows).toEqual([['S1', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group', 0, 0, 0], ['All sessions', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group', 0, 0, 0]]);
    expect(reportBlocks(computeSummary(data(false))).map((b) => b.title)).not.toContain('Interventions by session and gender');
    const noSessions = reportBlocks(computeSummary({ ...data(true), sessions: [] }));
    expect(noSessions[1]).toMatchObject({ rows: [], chartColumns: 5 });
    expect(noSessions[4]!.rows).toEqual([['All sessions', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group', 0, 0, 0]]);
  });
});
