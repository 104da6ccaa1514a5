// One fixture workbook per rule, built from the minimal valid meeting with one thing spoilt: each
// must give exactly the issue named, at the exact cell, and nothing else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { day, type Sheets, tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';

const dir = tempDir('att-rules-');
let n = 0;

async function validate(sheets: Sheets) {
  return readMeetingFile(await writeWorkbook(path.join(dir, `case-${++n}.xlsx`), sheets));
}

/** Sets one cell: `row` is the worksheet row (1 is the header), `col` the 1-based column. */
function set(sheets: Sheets, sheet: string, row: number, col: number, value: unknown): Sheets {
  const rows = sheets[sheet]!;
  while (rows.length < row) rows.push([]);
  rows[row - 1]![col - 1] = value;
  return sheets;
}

type Case = [name: string, spoil: (s: Sheets) => void, expected: [severity: string, code: string, cell: string | undefined][]];

const cases: Case[] = [
  // ---- errors ----
  ['a missing required sheet', (s) => delete s.Attendance, [['error', 'missing-sheet', undefined]]],
  ['a misspelt required header', (s) => set(s, 'Participants', 1, 2, 'Delgation ID'), [['error', 'missing-header', 'Participants!B1']]],
  ['a duplicated contract header', (s) => set(s, 'Sessions', 1, 8, ' title '), [['error', 'duplicate-header', 'Sessions!H1']]],
  ['a time that cannot be read', (s) => set(s, 'Sessions', 2, 3, '25:99'), [['error', 'unreadable-value', 'Sessions!C2']]],
  ['an Excel error in a cell', (s) => set(s, 'Participants', 3, 10, { error: '#N/A' }), [['error', 'unreadable-value', 'Participants!J3']]],
  ['an empty required cell', (s) => set(s, 'Participants', 3, 4, '  '), [['error', 'empty-required', 'Participants!D3']]],
  ['a gender outside the allowed set', (s) => set(s, 'Participants', 4, 6, 'Femmex'), [['error', 'not-allowed', 'Participants!F4']]],
  ['a country code that is not ISO 3166-1', (s) => set(s, 'Delegations', 2, 4, 'SWI'), [['error', 'not-allowed', 'Delegations!D2']]],
  // P2's row now says P1, so P2's attendance points at nobody.
  ['a duplicate participant ID', (s) => set(s, 'Participants', 3, 1, 'P1'), [['error', 'duplicate-id', 'Participants!A3'], ['error', 'unknown-reference', 'Attendance!A3']]],
  ['an attendance at an unknown session', (s) => set(s, 'Attendance', 3, 2, 'S9'), [['error', 'unknown-reference', 'Attendance!B3']]],
  // The speaker under that item is left out with it, without a second error.
  ['an agenda item in an unknown session', (s) => set(s, 'Agenda', 2, 2, 'S9'), [['error', 'unknown-reference', 'Agenda!B2']]],
  ['a speaker under an unknown item', (s) => set(s, 'Speakers', 2, 2, 'A9'), [['error', 'unknown-reference', 'Speakers!B2']]],
  ['a speaker who is not a participant', (s) => set(s, 'Speakers', 2, 3, 'P9'), [['error', 'unknown-reference', 'Speakers!C2']]],
  ['a submission by an unknown delegation', (s) => set(s, 'Submissions', 2, 2, 'D-XXX'), [['error', 'unknown-reference', 'Submissions!B2']]],
  ['attendance by a cancelled participant', (s) => set(s, 'Participants', 3, 11, 'Cancelled'), [['error', 'cancelled-participant', 'Attendance!A3']]],
  ['speaking by a cancelled participant', (s) => { set(s, 'Participants', 3, 11, 'Annulé'); s.Attendance!.splice(2, 1); s.Speakers!.push(['S1', '', 'P2', 2]); }, [['error', 'cancelled-participant', 'Speakers!C3']]],
  ['a session that ends before it starts', (s) => set(s, 'Sessions', 2, 4, '09:00'), [['error', 'session-times', 'Sessions!D2']]],
  ['a session dated outside the meeting', (s) => set(s, 'Sessions', 3, 2, day('2026-05-29')), [['error', 'session-outside-meeting', 'Sessions!B3']]],
  ['a meeting that ends before it starts', (s) => set(s, 'Meeting', 7, 2, day('2026-05-26')), [['error', 'meeting-dates', 'Meeting!B7']]],
  // ---- warnings ----
  ['an optional sheet absent', (s) => delete s.Speakers, [['warning', 'optional-sheet-absent', undefined]]],
  ['a late registration', (s) => set(s, 'Participants', 3, 10, day('2026-05-25')), [['warning', 'late-registration', 'Participants!J3']]],
  ['a late working paper', (s) => set(s, 'Submissions', 2, 5, '20 May 2026'), [['warning', 'late-submission', 'Submissions!E2']]],
  ['the same e-mail twice', (s) => s.Participants!.push(['P4', 'D-SAS', '', 'Ann', 'Ruiz', 'F', 'Delegate', ' ANA.RUIZ@example.org', 'Online', '', '']), [['warning', 'duplicate-person', 'Participants!H5']]],
  ['the same name twice in a delegation', (s) => s.Participants!.push(['P4', 'D-CHE', '', ' ana', 'RUÍZ', 'F', 'Delegate', '', 'Online', '', '']), [['warning', 'duplicate-person', 'Participants!D5']]],
  ['a delegation with no head', (s) => set(s, 'Participants', 4, 7, 'Adviser'), [['warning', 'delegation-no-head', 'Delegations!A3']]],
  ['a delegation with two heads', (s) => set(s, 'Participants', 3, 7, 'Chef de délégation'), [['warning', 'delegation-several-heads', 'Participants!G3']]],
  ['the same person checked in twice', (s) => s.Attendance!.push(['P1', 'S1', 'Online']), [['warning', 'duplicate-attendance', 'Attendance!A5']]],
  ['a formula in a title', (s) => set(s, 'Sessions', 2, 5, { formula: '"Opening "&"plenary"', result: 'Opening plenary' }), [['warning', 'formula-in-text', 'Sessions!E2']]],
  ['text starting like a formula in a name', (s) => set(s, 'Participants', 2, 5, '=HYPERLINK("http://x")'), [['warning', 'formula-in-text', 'Participants!E2']]],
  ['a country code for an organisation', (s) => set(s, 'Delegations', 3, 4, 'CHE'), [['warning', 'country-code-not-state', 'Delegations!D3']]],
];

describe('each rule, on a fixture workbook of its own', () => {
  it('the minimal valid meeting has no issue at all', async () => {
    const v = await validate(validSheets());
    expect(v.issues).toEqual([]);
    expect(v.leftOut).toEqual([]);
    expect(v.data?.participants.map((p) => p.participantId)).toEqual(['P1', 'P2', 'P3']);
  });

  it.each(cases)('%s', async (_name, spoil, expected) => {
    const sheets = validSheets();
    spoil(sheets);
    const v = await validate(sheets);
    expect(v.issues.map((i) => [i.severity, i.code, i.cell])).toEqual(expected);
    for (const i of v.issues) expect(i.message).toMatch(/\.$/);
  });
});

describe('what an issue says', () => {
  it('a misspelt header names the expected header and lists those found', async () => {
    const v = await validate(set(validSheets(), 'Participants', 1, 2, 'Delgation ID'));
    const [issue] = v.issues;
    expect(issue).toMatchObject({ expected: 'a column headed "Delegation ID"', found: '"Delgation ID"' });
    expect(issue!.message).toContain('"Participant ID", "Delgation ID", "Title"');
    expect(v.data).toBeNull();
  });

  it('a header that matches nothing names the expected header without pointing at a cell', async () => {
    const v = await validate(set(validSheets(), 'Attendance', 1, 3, 'How'));
    expect(v.issues).toEqual([expect.objectContaining({ code: 'missing-header', sheet: 'Attendance', row: 1, expected: 'a column headed "Mode"', found: '"Participant ID", "Session ID", "How", "Checked in at"' })]);
    expect(v.issues[0]!.cell).toBeUndefined();
  });

  it('a value outside the allowed set says what was found and lists the allowed values', async () => {
    const v = await validate(set(validSheets(), 'Participants', 4, 6, 'Femmex'));
    expect(v.issues[0]).toMatchObject({ found: '"Femmex"', expected: 'a gender: one of Woman, Man, Other, Not stated', row: 4, sheet: 'Participants' });
  });

  it('a duplicate ID names the cell of its first use', async () => {
    const v = await validate(set(validSheets(), 'Participants', 3, 1, 'P1'));
    expect(v.issues[0]!.message).toContain('Participants!A2');
  });

  it('an Excel error shows the error and what the column expects', async () => {
    const v = await validate(set(validSheets(), 'Participants', 3, 10, { error: '#N/A' }));
    expect(v.issues[0]).toMatchObject({ found: '#N/A', expected: 'a date such as 2026-05-27 or 27 May 2026' });
  });

  it('a missing sheet lists the sheets found', async () => {
    const s = validSheets();
    delete s.Attendance;
    const v = await validate(s);
    expect(v.issues[0]).toMatchObject({ code: 'missing-sheet', sheet: 'Attendance', expected: 'a sheet named "Attendance"' });
    expect(v.issues[0]!.found).toBe('"Meeting", "Sessions", "Agenda", "Delegations", "Participants", "Speakers", "Submissions"');
    expect(v.data).toBeNull();
  });

  it('a misspelt sheet name is named as the likely one', async () => {
    const s = validSheets();
    s['Attendence '] = s.Attendance!;
    delete s.Attendance;
    const v = await validate(s);
    expect(v.issues).toEqual([expect.objectContaining({ code: 'missing-sheet', sheet: 'Attendance', found: '"Attendence "' })]);
    expect(v.issues[0]!.message).toBe('The workbook has no Attendance sheet, which the contract requires; "Attendence " looks like a misspelling of it.');
  });

  it('a missing required Meeting field is an error and leaves no data', async () => {
    const s = validSheets();
    s.Meeting!.splice(5, 1); // Start date
    const v = await validate(s);
    expect(v.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'missing-header', sheet: 'Meeting', expected: 'a row whose Field is "Start date"' })]);
    expect(v.data).toBeNull();
  });
});

describe('rows left out of the data', () => {
  it('a participant of an unknown delegation is left out, and so is their attendance, without a second error', async () => {
    const v = await validate(set(validSheets(), 'Participants', 4, 2, 'D-XXX'));
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['unknown-reference', 'Participants!B4']]);
    expect(v.data?.participants.map((p) => p.participantId)).toEqual(['P1', 'P2']);
    expect(v.data?.attendance.map((a) => a.participantId)).toEqual(['P1', 'P2']);
    expect(v.leftOut).toEqual([
      { sheet: 'Participants', count: 1, reasons: ['1 row referring to an unknown delegation'] },
      { sheet: 'Attendance', count: 1, reasons: ['1 row referring to a participant that is itself left out'] },
    ]);
  });

  it('a repeated attendance is a warning, counted once', async () => {
    const s = validSheets();
    s.Attendance!.push(['P1', 'S1', 'In person'], ['P1', 'S1', 'Online']);
    const v = await validate(s);
    expect(v.issues.map((i) => i.cell)).toEqual(['Attendance!A5', 'Attendance!A6']);
    expect(v.data?.attendance).toHaveLength(3);
    expect(v.leftOut).toEqual([{ sheet: 'Attendance', count: 2, reasons: ['2 rows repeating an attendance already counted'] }]);
  });

  it('warnings never leave a row out', async () => {
    const s = set(set(validSheets(), 'Participants', 3, 10, day('2026-05-25')), 'Participants', 3, 7, 'Head of delegation');
    const v = await validate(s);
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['delegation-several-heads', 'Participants!G3'], ['late-registration', 'Participants!J3']]);
    expect(v.data?.participants).toHaveLength(3);
    expect(v.leftOut).toEqual([]);
  });

  it('a row with an unreadable cell is left out, and its duplicate ID is still caught', async () => {
    const s = validSheets();
    s.Participants!.push(['P1', 'D-CHE', '', 'Zoe', 'Lam', 'Femmex', 'Delegate', '', 'Online']);
    const v = await validate(s);
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['duplicate-id', 'Participants!A5'], ['not-allowed', 'Participants!F5']]);
    expect(v.data?.participants).toHaveLength(3);
  });

  it('a cancelled participant stays in the data (the figures leave them out), their attendance does not', async () => {
    const v = await validate(set(validSheets(), 'Participants', 3, 11, 'Cancelled'));
    expect(v.data?.participants.find((p) => p.participantId === 'P2')?.status).toBe('Cancelled');
    expect(v.data?.attendance.map((a) => a.participantId)).toEqual(['P1', 'P3']);
  });

  it('an absent optional sheet is null in the data, not empty', async () => {
    const s = validSheets();
    delete s.Submissions;
    const v = await validate(s);
    expect(v.data?.submissions).toBeNull();
    expect(v.data?.agenda).toHaveLength(1);
  });
});
