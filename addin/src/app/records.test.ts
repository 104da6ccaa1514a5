import { describe, expect, it } from 'vitest';
import { MeetingReader, type WorkbookRead } from '../../../pipeline/core/read-meeting.js';
import type { RawRow } from '../../../pipeline/core/raw.js';
import { cellProblem, idProblem, proposeDelegationId, proposeId, rowProblems, ruleIssues } from './records.js';

const rows = (grid: (string | number)[][]): RawRow[] => grid.map((line, i) => ({ row: i + 1, cells: [undefined, ...line.map((value) => (value === '' ? undefined : { value }))] }));

/** A meeting of 27–29 May 2026, working papers due 13 May, with one session and one delegation. */
function workbook(): WorkbookRead {
  const reader = new MeetingReader();
  const sheets: [string, (string | number)[][]][] = [
    ['Meeting', [['Field', 'Value'], ['Code', 'CSP12-PREP'], ['Title', 'Prep'], ['Start date', '2026-05-27'], ['End date', '2026-05-29'], ['Working paper deadline', '2026-05-13']]],
    ['Sessions', [['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room'], ['S1', '2026-05-27', '10:00', '13:00', 'Opening', '', '']]],
    ['Delegations', [['Delegation ID', 'Name', 'Category', 'Country code'], ['D-CHE', 'Switzerland', 'State Party', 'CHE']]],
    ['Submissions', [['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on'], ['WP1', 'D-CHE', 'Working paper', 'Gender', '2026-05-01']]],
  ];
  for (const [name, grid] of sheets) {
    reader.startSheet(name);
    for (const r of rows(grid)) reader.row(r);
  }
  return reader.finish();
}

describe('cellProblem and rowProblems', () => {
  it('read each cell with the contract schema, tolerant spellings included', () => {
    expect(cellProblem('Delegations', 'category', 'Etat partie')).toBeUndefined();
    expect(cellProblem('Delegations', 'countryCode', 'che')).toBeUndefined();
    expect(cellProblem('Delegations', 'countryCode', 'XYZ')).toBe('Expected an ISO 3166-1 alpha-3 country code such as CHE.');
    expect(cellProblem('Sessions', 'start', '25:00')).toBe('Expected a time of day such as 10:00 or 15:30.');
    expect(cellProblem('Sessions', 'title', '')).toBe('Title is required.');
    expect(cellProblem('Submissions', 'type', 'AOB')).toBeUndefined();
    expect(rowProblems('Agenda', { itemId: 'A3', sessionId: 'S1', order: 0, title: 'x' })).toEqual({ order: 'Expected a whole number of at least 1.' });
  });

  it('refuse an ID another row uses, but not the row\'s own when editing', () => {
    expect(idProblem('Sessions', 'S1', ['S1', 'S2'])).toBe('Session ID S1 is already used on the Sessions sheet.');
    expect(idProblem('Sessions', 'S1', ['S1', 'S2'], 'S1')).toBeUndefined();
    expect(idProblem('Sessions', 'S3', ['S1', 'S2'])).toBeUndefined();
  });
});

describe('ruleIssues: the validator\'s own rules on one row before it is written', () => {
  const read = workbook();

  it('a session ending at its start, or dated outside the meeting\'s days, is an error', () => {
    const base = { sessionId: 'S2', date: '2026-05-28', start: '15:00', end: '18:00', title: 'Afternoon' };
    expect(ruleIssues(read, 'Sessions', base, 3)).toEqual([]);
    expect(ruleIssues(read, 'Sessions', { ...base, end: '15:00' }, 3).map((i) => [i.code, i.key, i.message])).toEqual([['session-times', 'end', 'Session S2 ends (15:00) at or before its start (15:00).']]);
    expect(ruleIssues(read, 'Sessions', { ...base, date: '2026-05-30' }, 3).map((i) => [i.code, i.expected])).toEqual([['session-outside-meeting', 'a date from 2026-05-27 to 2026-05-29']]);
    expect(ruleIssues(read, 'Sessions', { ...base, date: '2026-05-30' }, 3)[0]!.key).toBe('date');
  });

  it('a submission received after 13 May is late; on the day is not', () => {
    const base = { submissionId: 'WP2', delegationId: 'D-CHE', type: 'Working paper', title: 'Transparency' };
    expect(ruleIssues(read, 'Submissions', { ...base, receivedOn: '2026-05-13' }, 3)).toEqual([]);
    const late = ruleIssues(read, 'Submissions', { ...base, receivedOn: '2026-05-14' }, 3);
    expect(late.map((i) => [i.severity, i.code, i.key, i.expected])).toEqual([['warning', 'late-submission', 'receivedOn', 'on or before the working paper deadline 2026-05-13']]);
  });

  it('a country code on a delegation that is not a State is a warning; a row that does not read gives none', () => {
    expect(ruleIssues(read, 'Delegations', { delegationId: 'D-X', name: 'X', category: 'Industry', countryCode: 'CHE' }, 3).map((i) => i.code)).toEqual(['country-code-not-state']);
    expect(ruleIssues(read, 'Delegations', { delegationId: 'D-X', name: 'X', category: 'Nonsense' }, 3)).toEqual([]);
  });
});

describe('proposed IDs', () => {
  it('follow the sheet\'s numbering per prefix', () => {
    expect(proposeId('Sessions', ['S1', 'S2', 'S10'])).toBe('S11');
    expect(proposeId('Agenda', [])).toBe('A1');
    expect(proposeId('Submissions', ['WP1', 'WP2', 'AOB1'], 'Working paper')).toBe('WP3');
    expect(proposeId('Submissions', ['WP1', 'WP2', 'AOB1'], 'AOB')).toBe('AOB2');
  });

  it('name a delegation by its country code, else by its initials, never one already used', () => {
    expect(proposeDelegationId(['D-CHE'], 'Ghana', 'gha')).toBe('D-GHA');
    expect(proposeDelegationId(['D-CHE'], 'Switzerland', 'CHE')).toBe('D-CHE2');
    expect(proposeDelegationId([], 'Stockholm International Peace Research Institute')).toBe('D-SIPRI');
    expect(proposeDelegationId([], 'Office des Nations Unies à Genève')).toBe('D-ONUG');
    expect(proposeDelegationId([], '')).toBe('D-NEW');
    expect(proposeDelegationId([], 'Control Arms', 'SWE', 'Civil Society or NGO')).toBe('D-CA');
    expect(proposeDelegationId([], 'Sweden', 'SWE', 'Observer State')).toBe('D-SWE');
  });
});

describe('form edges', () => {
  it('a field the sheet does not have has no problem, and only fields with a problem are listed', () => {
    expect(cellProblem('Sessions', 'notAColumn', 'x')).toBeUndefined();
    expect(Object.entries(rowProblems('Sessions', { sessionId: 'S2', date: '2026-05-28', start: '10:00', end: '9 o\'clock', title: 'Later' }))).toEqual([
      ['end', 'Expected a time of day such as 10:00 or 15:30.'],
    ]);
    expect(Object.entries(rowProblems('Delegations', { delegationId: 'D-GHA', name: 'Ghana', category: 'State Party', countryCode: 'gha' }))).toEqual([]);
  });

  it('an empty ID is not "already used", even beside a row whose ID is empty too', () => {
    expect(idProblem('Sessions', '', ['', 'S1'])).toBeUndefined();
    expect(idProblem('Sessions', '   ', ['', 'S1'])).toBeUndefined();
  });

  it('a country code that is not three letters does not name the delegation', () => {
    expect(proposeDelegationId([], 'Switzerland', 'CHEX', 'State Party')).toBe('D-S');
    expect(proposeDelegationId([], 'Switzerland', 'XCHE', 'State Party')).toBe('D-S');
    expect(proposeDelegationId([], 'Switzerland', 'CH', 'State Party')).toBe('D-S');
  });

  it('finds the field of a rule\'s finding in a sheet with extra columns, past column Z and row 9', () => {
    // Session ID, Date and Start in A to C, 23 columns of notes in D to Z, End in AA, Title in AB.
    const notes = Array.from({ length: 23 }, (_, i) => `Note ${i + 1}`);
    const reader = new MeetingReader();
    const grid: [string, (string | number)[][]][] = [
      ['Meeting', [['Field', 'Value'], ['Code', 'CSP12-PREP'], ['Title', 'Prep'], ['Start date', '2026-05-27'], ['End date', '2026-05-29']]],
      ['Sessions', [['Session ID', 'Date', 'Start', ...notes, 'End', 'Title'], ['S1', '2026-05-27', '10:00', ...notes.map(() => ''), '13:00', 'Opening']]],
    ];
    for (const [name, lines] of grid) {
      reader.startSheet(name);
      for (const r of rows(lines)) reader.row(r);
    }
    const read = reader.finish();
    expect(ruleIssues(read, 'Sessions', { sessionId: 'S2', date: '2026-05-28', start: '15:00', end: '15:00', title: 'Afternoon' }, 12)).toEqual([
      {
        severity: 'error', code: 'session-times', sheet: 'Sessions', cell: 'Sessions!AA12', row: 12, found: '15:00', expected: 'a time after the start 15:00',
        message: 'Session S2 ends (15:00) at or before its start (15:00).', key: 'end',
      },
    ]);
  });
});
