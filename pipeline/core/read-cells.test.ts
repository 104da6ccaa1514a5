// One cell of a contract column as the readers take it, and what cannot be read as an Issue in
// plain words: Excel errors, formulas whose result was never saved, 1904-system serials, formulas
// in names, times typed without their date, the reasons a reader gives. Expected values by hand.
import { describe, expect, it } from 'vitest';
import { type ColumnSpec, SHEETS } from '../../templates/contract/index.js';
import type { Issue } from './issues.js';
import type { RawCell } from './raw.js';
import { cellIssue, cellValue, expectedOf, hasOffset, inTimeZone, type ReadContext, Unreadable } from './read-cells.js';
import type { ColumnAt } from './read-headers.js';

const spec = (sheet: keyof typeof SHEETS, key: string) => (SHEETS[sheet].columns as Record<string, ColumnSpec>)[key]!;
const FAMILY_NAME = spec('Participants', 'familyName');
const GENDER = spec('Participants', 'gender');
const REGISTERED_ON = spec('Participants', 'registeredOn');
const CHECKED_IN_AT = spec('Attendance', 'checkedInAt');
const START = spec('Sessions', 'start');
const SESSION_ID = spec('Sessions', 'sessionId');
const ROOM = spec('Sessions', 'room');
const COUNTRY = spec('Delegations', 'countryCode');
const MINUTES = spec('Speakers', 'minutes');

const context = (date1904 = false): ReadContext & { issues: Issue[] } => ({ issues: [], date1904, intern: (v) => v });
const at = (key: string, col: number, s: ColumnSpec): ColumnAt => ({ key, col, spec: s });

describe('cellValue', () => {
  it('reads an empty cell as nothing, and a plain value as it is, with no issue', () => {
    const ctx = context();
    const unreadable = new Unreadable();
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), undefined, undefined, 2, unreadable)).toBeUndefined();
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: 'Alves' }, undefined, 2, unreadable)).toBe('Alves');
    expect([ctx.issues, unreadable.size]).toEqual([[], 0]);
  });

  it('reports a formula whose result was never saved at its cell, saying what to do, and marks the column unreadable', () => {
    const ctx = context();
    const unreadable = new Unreadable();
    const cell: RawCell = { value: null, formula: 'UPPER(A7)', noResult: true };
    expect(cellValue(ctx, 'Participants', 'People list', at('familyName', 5, FAMILY_NAME), cell, undefined, 7, unreadable)).toBeUndefined();
    expect(ctx.issues).toEqual([
      {
        severity: 'error', code: 'formula-without-result', sheet: 'Participants', cell: "'People list'!E7", row: 7,
        found: '=UPPER(A7) (no saved result)', expected: 'text',
        message: 'Family name holds the formula =UPPER(A7), whose result was never saved in the file (the program that wrote it does not calculate formulas): open the workbook in Excel and save it, or type the value instead of the formula.',
      },
    ]);
    expect([unreadable.has('familyName'), unreadable.has('gender'), unreadable.size]).toEqual([true, false, 1]);
  });

  it('reports a formula without result whose text it was not given', () => {
    const ctx = context();
    cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: null, noResult: true }, undefined, 8, new Unreadable());
    expect(ctx.issues.map((i) => [i.found, i.message])).toEqual([
      ['= (no saved result)', 'Family name holds the formula =, whose result was never saved in the file (the program that wrote it does not calculate formulas): open the workbook in Excel and save it, or type the value instead of the formula.'],
    ]);
  });

  it('reports an error or a formula without result at the address it is given (a Meeting field\'s value cell)', () => {
    const ctx = context();
    const unreadable = new Unreadable();
    cellValue(ctx, 'Participants', 'Participants', at('gender', 6, GENDER), { value: null, error: '#N/A' }, 'Meeting!B9', 3, unreadable);
    cellValue(ctx, 'Participants', 'Participants', at('registeredOn', 10, REGISTERED_ON), { value: null, formula: 'TODAY()', noResult: true }, 'Meeting!B4', 4, unreadable);
    expect(ctx.issues.map((i) => [i.code, i.cell, i.row, i.found, i.expected])).toEqual([
      ['unreadable-value', 'Meeting!B9', 3, '#N/A', 'a gender: one of Woman, Man, Other, Not stated'],
      ['formula-without-result', 'Meeting!B4', 4, '=TODAY() (no saved result)', 'a date such as 2026-05-27 or 27 May 2026'],
    ]);
    expect([unreadable.has('gender'), unreadable.has('registeredOn')]).toEqual([true, true]);
  });

  it('moves serials in date and date-time columns of a 1904 workbook by 1,462 days, and nothing else', () => {
    const read = (date1904: boolean, s: ColumnSpec, value: RawCell['value']) => cellValue(context(date1904), 'Participants', 'Participants', at('x', 1, s), { value }, undefined, 2, new Unreadable());
    expect([read(true, REGISTERED_ON, 44707), read(true, CHECKED_IN_AT, 44707.5), read(true, START, 0.5), read(true, MINUTES, 44707), read(true, SESSION_ID, 44707)]).toEqual([46169, 46169.5, 0.5, 44707, 44707]);
    expect([read(true, REGISTERED_ON, '44707'), read(false, REGISTERED_ON, 44707), read(false, CHECKED_IN_AT, 44707.5)]).toEqual(['44707', 44707, 44707.5]);
  });

  it('warns of a name computed by a formula or typed like one, not of other columns, and keeps the value', () => {
    const ctx = context();
    const unreadable = new Unreadable();
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: 'ALVES', formula: 'UPPER(E3)' }, undefined, 3, unreadable)).toBe('ALVES');
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: '=1+1' }, undefined, 4, unreadable)).toBe('=1+1');
    expect(cellValue(ctx, 'Sessions', 'Sessions', at('room', 7, ROOM), { value: '=Room', formula: 'A1' }, undefined, 5, unreadable)).toBe('=Room');
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: 12 }, undefined, 6, unreadable)).toBe(12);
    expect(cellValue(ctx, 'Participants', 'Participants', at('familyName', 5, FAMILY_NAME), { value: -5 }, undefined, 7, unreadable)).toBe(-5);
    expect(ctx.issues).toEqual([
      { severity: 'warning', code: 'formula-in-text', sheet: 'Participants', cell: 'Participants!E3', row: 3, found: '=UPPER(E3)', expected: 'plain text', message: 'Family name is computed by a formula; names and titles should be typed in as text.' },
      { severity: 'warning', code: 'formula-in-text', sheet: 'Participants', cell: 'Participants!E4', row: 4, found: '"=1+1"', expected: 'plain text', message: 'Family name starts like a formula (= + - @), which a spreadsheet may run when the text is copied elsewhere.' },
    ]);
    expect(unreadable.size).toBe(0);
  });

  it('warns of a name typed like a formula at the address it is given', () => {
    const ctx = context();
    cellValue(ctx, 'Meeting', 'Meeting', at('title', 0, FAMILY_NAME), { value: '+Title' }, 'Meeting!B3', 3, new Unreadable());
    expect(ctx.issues.map((i) => i.cell)).toEqual(['Meeting!B3']);
  });
});

describe('cellIssue', () => {
  const params = (expected: string, empty?: true) => ({ params: empty ? { expected, empty } : { expected }, message: 'the reader refused it' });

  it('shows a fraction of a day in a date or date-time column as the time of day it is, typed without its date', () => {
    const nine40 = (9 * 60 + 40) / 1440;
    expect(cellIssue('Participants', 'Participants!J2', 2, REGISTERED_ON, nine40, params('a date such as 2026-05-27 or 27 May 2026'))).toEqual({
      severity: 'error', code: 'unreadable-value', sheet: 'Participants', cell: 'Participants!J2', row: 2,
      found: '09:40 (a time of day without its date)', expected: 'a date such as 2026-05-27 or 27 May 2026',
      message: 'Registered on 09:40 (a time of day without its date) cannot be read as a date such as 2026-05-27 or 27 May 2026.',
    });
    expect([0, 0.75].map((v) => cellIssue('Attendance', undefined, 2, CHECKED_IN_AT, v, params('x')).found)).toEqual(['00:00 (a time of day without its date)', '18:00 (a time of day without its date)']);
  });

  it('shows other numbers as they are: a whole day, a negative one, a fraction in a column that is no date', () => {
    expect([1, -0.25, 45000.5].map((v) => cellIssue('Participants', undefined, 2, REGISTERED_ON, v, params('x')).found)).toEqual(['1', '-0.25', '45000.5']);
    expect(['10:00', '0.5'].map((v) => cellIssue('Participants', undefined, 2, REGISTERED_ON, v, params('x')).found)).toEqual(['"10:00"', '"0.5"']);
    expect([cellIssue('Sessions', undefined, 2, START, 1.5, params('x')).found, cellIssue('Speakers', undefined, 2, MINUTES, 0.5, params('x')).found]).toEqual(['1.5', '0.5']);
  });

  it('keeps the reader\'s reasons after its example in the message, without the value repeated', () => {
    const i = cellIssue('Participants', 'Participants!J3', 3, REGISTERED_ON, '5/6/26', params('a date such as 2026-05-27; day and month cannot be told apart in "5/6/26"; the year has two digits'));
    expect(i.message).toBe('Registered on "5/6/26" cannot be read as a date such as 2026-05-27: day and month cannot be told apart; the year has two digits.');
    expect(i.expected).toBe('a date such as 2026-05-27; day and month cannot be told apart in "5/6/26"; the year has two digits');
    // Only a value quoted at the end of a reason is left out.
    expect(cellIssue('Sessions', undefined, 2, START, 'x', params('a time; hours in "24h" form only')).message).toBe('Start "x" cannot be read as a time: hours in "24h" form only.');
  });

  it('says an empty required cell is empty, and a value outside a list or an unknown country is not allowed', () => {
    expect(cellIssue('Participants', 'Participants!E2', 2, FAMILY_NAME, undefined, params('some text', true))).toEqual({
      severity: 'error', code: 'empty-required', sheet: 'Participants', cell: 'Participants!E2', row: 2, found: '(empty)', expected: 'some text', message: 'Family name is required but the cell is empty.',
    });
    expect(cellIssue('Participants', 'Participants!F2', 2, GENDER, 'Frau', params('a gender'))).toEqual({
      severity: 'error', code: 'not-allowed', sheet: 'Participants', cell: 'Participants!F2', row: 2, found: '"Frau"', expected: 'a gender', message: 'Gender "Frau" is not one of the allowed values.',
    });
    expect(cellIssue('Delegations', 'Delegations!D2', 2, COUNTRY, 'XYZ', params('a code'))).toMatchObject({ code: 'not-allowed', found: '"XYZ"', message: 'Country code "XYZ" is not one of the allowed values.' });
  });

  it('takes the reader\'s own message when it gives no expected value, and leaves out a cell or row it is not given', () => {
    const i = cellIssue('Meeting', undefined, undefined, ROOM, 'x', { message: 'too long' });
    expect(i).toEqual({ severity: 'error', code: 'unreadable-value', sheet: 'Meeting', found: '"x"', expected: 'too long', message: 'Room "x" cannot be read as too long.' });
    expect(Object.keys(i)).toEqual(['severity', 'code', 'sheet', 'found', 'expected', 'message']);
    expect(Object.keys(cellIssue('Meeting', undefined, undefined, FAMILY_NAME, undefined, params('some text', true)))).toEqual(['severity', 'code', 'sheet', 'found', 'expected', 'message']);
    expect(Object.keys(cellIssue('Meeting', undefined, undefined, GENDER, 'x', params('a gender')))).toEqual(['severity', 'code', 'sheet', 'found', 'expected', 'message']);
  });
});

describe('offsets and time zones', () => {
  it('finds a stated offset only in text of a date or date-time column', () => {
    expect([hasOffset(REGISTERED_ON, '2026-05-26T23:30Z'), hasOffset(CHECKED_IN_AT, '2026-05-27 10:03 +02:00'), hasOffset(CHECKED_IN_AT, '2026-05-27 10:03')]).toEqual([true, true, false]);
    expect([hasOffset(START, '10:03 UTC'), hasOffset(ROOM, '2026-05-27 10:03 UTC'), hasOffset(CHECKED_IN_AT, 46169.5), hasOffset(CHECKED_IN_AT, undefined)]).toEqual([false, false, false, false]);
  });

  it('reads such text again in a time zone, a date as its day there; what it cannot read gives the fallback', () => {
    expect(inTimeZone(REGISTERED_ON, '2026-05-26T23:30Z', 'Asia/Tokyo', 'fallback')).toBe('2026-05-27');
    expect(inTimeZone(CHECKED_IN_AT, '2026-05-26T23:30Z', 'Asia/Tokyo', 'fallback')).toBe('2026-05-27T08:30');
    expect(inTimeZone(REGISTERED_ON, '31 April 2026 10:00 UTC', 'Asia/Tokyo', 'fallback')).toBe('fallback');
    expect(inTimeZone(CHECKED_IN_AT, '2026-05-26 UTC', 'Asia/Tokyo', 'fallback')).toBe('fallback');
  });
});

describe('expectedOf and Unreadable', () => {
  it('says what a column expects in its reader\'s words, or "a value" when its reader says nothing', () => {
    expect([expectedOf(GENDER), expectedOf(CHECKED_IN_AT), expectedOf(FAMILY_NAME)]).toEqual(['a gender: one of Woman, Man, Other, Not stated', 'a date and time such as 2026-05-27 09:45', 'text']);
    const silent = { ...ROOM, schema: { safeParse: () => ({ success: false, error: { issues: [{ message: 'no' }] } }) } } as unknown as ColumnSpec;
    const anything = { ...ROOM, schema: { safeParse: () => ({ success: true, data: 1 }) } } as unknown as ColumnSpec;
    const noIssue = { ...ROOM, schema: { safeParse: () => ({ success: false, error: { issues: [] } }) } } as unknown as ColumnSpec;
    expect([expectedOf(silent), expectedOf(anything), expectedOf(noIssue)]).toEqual(['a value', 'a value', 'a value']);
  });

  it('holds the columns added until cleared', () => {
    const u = new Unreadable();
    expect([u.size, u.has('a')]).toEqual([0, false]);
    u.add('a');
    u.add('b');
    u.add('a');
    expect([u.size, u.has('a'), u.has('b'), u.has('c')]).toEqual([2, true, true, false]);
    u.clear();
    expect([u.size, u.has('a')]).toEqual([0, false]);
  });
});
