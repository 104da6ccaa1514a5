// Reading rows into the contract at its edges, through validateWorkbook and MeetingReader: headers
// in any case and spacing, repeated or misspelt, sheets named twice, Meeting fields repeated or
// missing, Excel error values, formulas in names, repeated IDs, blank rows. Expected values by hand.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../pipeline/core/issues.js';
import { editDistance, MeetingReader } from '../../pipeline/core/read-meeting.js';
import type { RawCell, RawRow } from '../../pipeline/core/raw.js';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { type Grid, meetingSheets, PARTICIPANT_HEADER, rawRows, rawWorkbook } from './raw-workbook.js';

const validate = (overrides: Record<string, Grid> = {}) => validateWorkbook(rawWorkbook(meetingSheets(overrides)));
const brief = (issues: readonly Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.cell ?? i.sheet}`);
/** A workbook whose sheet `name` has these rows as given (cells with errors or formulas). */
const withRows = (name: string, rows: RawRow[]) => {
  const sheets = meetingSheets();
  return validateWorkbook({ date1904: false, sheets: Object.entries(sheets).map(([n, grid]) => ({ name: n, rows: n === name ? rows : rawRows(grid) })) });
};

describe('editDistance and sheetFor', () => {
  it('counts the letters to change, add or drop', () => {
    expect([editDistance('', ''), editDistance('abc', ''), editDistance('', 'ab'), editDistance('kitten', 'sitting'), editDistance('gender', 'gendre'), editDistance('same', 'same')]).toEqual([0, 3, 2, 3, 2, 0]);
  });

  it('finds a contract sheet whatever the case and spaces of its name', () => {
    expect([MeetingReader.sheetFor('  participants '), MeetingReader.sheetFor('ATTENDANCE'), MeetingReader.sheetFor('Notes')]).toEqual(['Participants', 'Attendance', undefined]);
  });
});

describe('header rows', () => {
  it('match whatever their case, spaces and order, after blank rows, and carry extra columns along', () => {
    const v = validate({
      Sessions: [[], ['', ''], ['  end', 'START ', 'session   id', 'Title', 'date', 'Notes'], ['13:00', '10:00', 'S1', 'Opening', '2026-05-27', 'x'], [], ['', '']],
    });
    expect(v.issues).toEqual([]);
    expect(v.data?.sessions).toEqual([{ sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening', kind: 'Plenary', room: undefined, row: 4 }]);
  });

  it('a header given twice makes the sheet unreadable, naming both cells', () => {
    const v = validate({ Attendance: [['Participant ID', 'Session ID', 'Mode', 'participant id'], ['P1', 'S1', 'In person', 'P2']] });
    expect(v.issues.filter((i) => i.code === 'duplicate-header')).toEqual([
      {
        severity: 'error', code: 'duplicate-header', sheet: 'Attendance', cell: 'Attendance!D1', row: 1,
        found: '"participant id"', expected: 'the header "Participant ID" once',
        message: 'The header "Participant ID" appears twice (also at Attendance!A1), so it is unclear which column to read.',
      },
    ]);
    expect(v.data).toBeNull();
  });

  it('a missing header names the one probably meant, if one is close, else lists what was found', () => {
    const v = validate({ Attendance: [['Participant', 'Sesion ID', 'Mode'], ['P1', 'S1', 'In person']] });
    expect(v.issues.filter((i) => i.code === 'missing-header')).toEqual([
      {
        severity: 'error', code: 'missing-header', sheet: 'Attendance', cell: 'Attendance!A1', row: 1,
        found: '"Participant"', expected: 'a column headed "Participant ID"',
        message: 'The Attendance sheet has no column headed "Participant ID"; "Participant" looks like a misspelling of it (headers found: "Participant", "Sesion ID", "Mode"); none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.',
      },
      {
        severity: 'error', code: 'missing-header', sheet: 'Attendance', cell: 'Attendance!B1', row: 1,
        found: '"Sesion ID"', expected: 'a column headed "Session ID"',
        message: 'The Attendance sheet has no column headed "Session ID"; "Sesion ID" looks like a misspelling of it (headers found: "Participant", "Sesion ID", "Mode"); none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.',
      },
    ]);
    const far = validate({ Attendance: [['Who', 'Session ID', 'Mode'], ['P1', 'S1', 'In person']] });
    expect(far.issues.filter((i) => i.code === 'missing-header').map((i) => [i.cell, i.found, i.message])).toEqual([
      [undefined, '"Who", "Session ID", "Mode"', 'The Attendance sheet has no column headed "Participant ID" (headers found: "Who", "Session ID", "Mode").'],
    ]);
  });

  it('a sheet with no rows at all lacks every required header; one of headers only has no rows', () => {
    const v = validate({ Speakers: [] });
    expect(v.issues.filter((i) => i.sheet === 'Speakers').map((i) => [i.code, i.found, i.row])).toEqual([
      ['missing-header', '(no headers)', 1],
      ['missing-header', '(no headers)', 1],
    ]);
    expect(v.data?.speakers).toBeNull();
  });

  it('header cells holding an error or a date are read as they are', () => {
    const rows: RawRow[] = [
      { row: 1, cells: [undefined, { value: 'Session ID' }, { value: null, error: '#REF!' }, { value: new Date(Date.UTC(2026, 0, 1)) }, { value: 'Start' }, { value: 'End' }, { value: 'Title' }, { value: 'Date' }] },
      { row: 2, cells: [undefined, { value: 'S1' }, undefined, undefined, { value: '10:00' }, { value: '13:00' }, { value: 'Opening' }, { value: '2026-05-27' }] },
    ];
    const v = withRows('Sessions', rows);
    expect(v.issues).toEqual([]);
    expect(v.data?.sessions.map((s) => s.sessionId)).toEqual(['S1']);
  });
});

describe('sheets named twice', () => {
  it('the second of two sheets whose names differ only in case is not read, and says so', () => {
    const sheets = meetingSheets();
    const v = validateWorkbook({ date1904: false, sheets: [...Object.entries(sheets).map(([name, g]) => ({ name, rows: rawRows(g) })), { name: 'ATTENDANCE ', rows: rawRows([['Participant ID', 'Session ID', 'Mode'], ['P9', 'S9', 'Walking']]) }] });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'duplicate-sheet', sheet: 'ATTENDANCE ', found: 'ATTENDANCE ', expected: 'one sheet named Attendance',
        message: "Sheet 'ATTENDANCE ' stands for the same sheet as 'Attendance' (names are matched regardless of case and spaces); only 'Attendance' is read, and the rows of 'ATTENDANCE ' count nowhere.",
      },
    ]);
    expect(v.data?.attendance).toHaveLength(1);
  });
});

describe('the Meeting sheet', () => {
  it('reads fields in any case, skips unknown fields and rows without a field, and reports a repeated field at its Field cell', () => {
    const v = validate({
      Meeting: [['Value', 'FIELD'], ['T-1', ' code '], ['Test meeting', 'Title'], ['whatever', 'Host'], ['x', ''], ['2026-05-27', 'start date'], ['2026-05-28', 'End Date'], ['2026-05-30', 'end date'], ['America/New_York', 'Time zone'], ['oui', 'Livestream']],
    });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'duplicate-header', sheet: 'Meeting', cell: 'Meeting!B8', row: 8,
        found: '"end date"', expected: 'the field "End date" once',
        message: 'The field "end date" appears twice (first at Meeting!A7); only the first is read.',
      },
    ]);
    expect(v.data?.meeting).toEqual({
      code: 'T-1', title: 'Test meeting', venue: undefined, city: undefined, startDate: '2026-05-27', endDate: '2026-05-28', timeZone: 'America/New_York',
      registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: 'Yes',
    });
  });

  it('a missing required field is an error listing the fields found; an unreadable value is an error at its cell; no time zone is Geneva\'s', () => {
    const v = validate({ Meeting: [['Field', 'Value'], ['Title', 'T'], ['Start date', '31 April 2026'], ['End date', '2026-05-28']] });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'missing-header', sheet: 'Meeting', found: '"Title", "Start date", "End date"', expected: 'a row whose Field is "Code"',
        message: 'The Meeting sheet has no "Code" field.',
      },
      {
        severity: 'error', code: 'unreadable-value', sheet: 'Meeting', cell: 'Meeting!B3', row: 3,
        found: '"31 April 2026"', expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 31 April 2026', message: 'Start date "31 April 2026" cannot be read as a date such as 2026-05-27 or 27 May 2026: there is no 31 April 2026.',
      },
    ]);
    expect(v.data).toBeNull();
    const empty = validate({ Meeting: [['Field', 'Value']] });
    expect(empty.issues.filter((i) => i.sheet === 'Meeting').map((i) => i.found)).toEqual(['(no fields)', '(no fields)', '(no fields)', '(no fields)']);
    const noZone = validate();
    expect(noZone.data?.meeting.timeZone).toBe('Europe/Zurich');
  });

  it('a Meeting sheet without its Value column cannot be read', () => {
    const v = validate({ Meeting: [['Field', 'Valeur'], ['Code', 'T']] });
    expect(brief(v.issues)).toEqual(['error missing-header Meeting!B1']);
    expect(v.data).toBeNull();
  });
});

describe('cells', () => {
  const participants = (cells: (RawCell | undefined)[]): RawRow[] => [
    ...rawRows([PARTICIPANT_HEADER]),
    { row: 2, cells: [undefined, ...cells] },
    { row: 3, cells: [undefined, { value: 'P2' }, { value: 'D-B' }, undefined, { value: 'B' }, { value: 'B' }, { value: 'M' }, { value: 'HoD' }, undefined, { value: 'Online' }] },
  ];

  it('an Excel error value is an error at its cell, with or without a formula; the row is left out', () => {
    const v = withRows('Participants', participants([
      { value: 'P1' }, { value: 'D-A' }, undefined, { value: 'A' }, { value: null, error: '#N/A', formula: 'VLOOKUP(1,X,2)' }, { value: null, error: 'bad' }, { value: 'HoD' }, undefined, { value: 'Online' },
    ]));
    expect(v.issues.filter((i) => i.code === 'unreadable-value')).toEqual([
      { severity: 'error', code: 'unreadable-value', sheet: 'Participants', cell: 'Participants!E2', row: 2, found: '#N/A', expected: 'text', message: 'Family name holds the Excel error #N/A from its formula.' },
      { severity: 'error', code: 'unreadable-value', sheet: 'Participants', cell: 'Participants!F2', row: 2, found: 'bad', expected: 'a gender: one of Woman, Man, Other, Not stated', message: 'Gender holds an Excel error value.' },
    ]);
    expect(v.leftOut.find((l) => l.sheet === 'Participants')).toEqual({ sheet: 'Participants', count: 1, reasons: ['1 row with a cell that cannot be read'] });
  });

  it('a name computed by a formula, or typed like one, is a warning; the row still counts', () => {
    const v = withRows('Participants', participants([
      { value: 'P1' }, { value: 'D-A' }, { value: '@Dr' }, { value: 'Ana', formula: 'UPPER("ana")' }, { value: '-Alves' }, { value: 'F' }, { value: 'HoD' }, undefined, { value: 'Online' },
    ]));
    expect(v.issues.filter((i) => i.code === 'formula-in-text').map((i) => [i.cell, i.found, i.message])).toEqual([
      ['Participants!C2', '"@Dr"', 'Title starts like a formula (= + - @), which a spreadsheet may run when the text is copied elsewhere.'],
      ['Participants!D2', '=UPPER("ana")', 'Given name is computed by a formula; names and titles should be typed in as text.'],
      ['Participants!E2', '"-Alves"', 'Family name starts like a formula (= + - @), which a spreadsheet may run when the text is copied elsewhere.'],
    ]);
    expect(v.data?.participants.map((p) => p.participantId)).toEqual(['P1', 'P2']);
  });

  it('a value outside the allowed set, or an empty required cell, is an error in the contract\'s words', () => {
    const v = validate({ Participants: [PARTICIPANT_HEADER, ['P1', 'D-A', '', 'Ana', '', 'Frau', 'HoD', '', 'Online', '', ''], ['P2', 'D-B', '', 'Ben', 'B', 'M', 'HoD', '', 'Online', '', ''], ['P3', 'D-A', '', 'C', 'C', 'F', 'Delegate', '', 'Online', '', 'Cancelled']] });
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([
      { severity: 'error', code: 'empty-required', sheet: 'Participants', cell: 'Participants!E2', row: 2, found: '(empty)', expected: 'some text', message: 'Family name is required but the cell is empty.' },
      { severity: 'error', code: 'not-allowed', sheet: 'Participants', cell: 'Participants!F2', row: 2, found: '"Frau"', expected: 'a gender: one of Woman, Man, Other, Not stated', message: 'Gender "Frau" is not one of the allowed values.' },
    ]);
  });
});

describe('IDs', () => {
  it('a repeated ID is an error at the repeat, naming the first, even on a row with other faults; the repeat is left out', () => {
    const v = validate({
      Sessions: [['Session ID', 'Date', 'Start', 'End', 'Title'], ['S1', '2026-05-27', '10:00', '13:00', 'Opening'], ['S1', '2026-05-27', 'noon', '13:00', 'Again'], [' S1 ', '2026-05-27', '15:00', '18:00', 'Third'], ['S2', '2026-05-28', '10:00', '13:00', 'Fine']],
    });
    expect(v.issues.filter((i) => i.code === 'duplicate-id')).toEqual([
      {
        severity: 'error', code: 'duplicate-id', sheet: 'Sessions', cell: 'Sessions!A3', row: 3,
        found: '"S1"', expected: 'a Session ID used by no other row', message: 'Session ID "S1" is already used at Sessions!A2.',
      },
      {
        severity: 'error', code: 'duplicate-id', sheet: 'Sessions', cell: 'Sessions!A4', row: 4,
        found: '"S1"', expected: 'a Session ID used by no other row', message: 'Session ID "S1" is already used at Sessions!A2.',
      },
    ]);
    expect(v.leftOut).toEqual([{ sheet: 'Sessions', count: 2, reasons: ['2 rows repeating an ID already used'] }]);
    expect(v.data?.sessions.map((s) => s.title)).toEqual(['Opening', 'Fine']);
  });

  it('an ID that cannot be read is not compared: an Excel error in the key column', () => {
    const rows: RawRow[] = [
      ...rawRows([['Delegation ID', 'Name', 'Category']]),
      { row: 2, cells: [undefined, { value: null, error: '#N/A' }, { value: 'A' }, { value: 'State Party' }] },
      { row: 3, cells: [undefined, { value: null, error: '#N/A' }, { value: 'B' }, { value: 'State Party' }] },
      { row: 4, cells: [undefined, { value: 'D-A' }, { value: 'A' }, { value: 'State Party' }] },
      { row: 5, cells: [undefined, { value: 'D-B' }, { value: 'B' }, { value: 'Industry' }] },
    ];
    const v = withRows('Delegations', rows);
    expect(brief(v.issues)).toEqual(['error unreadable-value Delegations!A2', 'error unreadable-value Delegations!A3']);
    expect(v.leftOut).toEqual([{ sheet: 'Delegations', count: 2, reasons: ['2 rows with a cell that cannot be read'] }]);
  });
});

describe('MeetingReader', () => {
  it('skips the rows of a sheet the contract does not know, and of no sheet at all', () => {
    const reader = new MeetingReader();
    reader.row({ row: 1, cells: [undefined, { value: 'before any sheet' }] });
    expect(reader.startSheet('Notes')).toBe(false);
    reader.row({ row: 1, cells: [undefined, { value: 'Session ID' }] });
    expect(reader.startSheet('Sessions')).toBe(true);
    expect(reader.startSheet('sessions')).toBe(false);
    const read = reader.finish();
    expect(read.sheetTitles).toEqual(['Notes', 'Sessions', 'sessions']);
    expect([...read.present]).toEqual(['Sessions']);
    expect(read.sheets.Sessions).toBeUndefined(); // no header row read
    expect(read.meeting).toBeNull();
  });

  it('keeps the rows it reads with their worksheet row numbers and the IDs with their first row', () => {
    const reader = new MeetingReader();
    reader.startSheet('Delegations');
    for (const r of rawRows([['Delegation ID', 'Name', 'Category'], ['D-A', 'Alpha Beta Gamma Delta', 'Party'], ['D-B', 'B', 'Nonsense']])) reader.row(r);
    const s = reader.finish().sheets.Delegations!;
    expect(s.rows).toEqual([{ delegationId: 'D-A', name: 'Alpha Beta Gamma Delta', category: 'State Party', countryCode: undefined, row: 2 }]);
    expect([...s.ids]).toEqual([['D-A', 2], ['D-B', 3]]);
    expect([...s.dropped]).toEqual([['with a cell that cannot be read', 1]]);
    expect([s.headerRow, [...s.columns], [...s.missing]]).toEqual([1, [['delegationId', 1], ['name', 2], ['category', 3]], []]);
  });
});
