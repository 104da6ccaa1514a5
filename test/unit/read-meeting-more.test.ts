// More of reading rows into the contract: Excel errors in optional cells and blank-looking rows,
// blank IDs, the 1904 system on date-and-time cells, formulas outside names, country codes. Expected
// values worked out by hand.
import { describe, expect, it } from 'vitest';
import { MeetingReader } from '../../pipeline/core/read-meeting.js';
import type { RawRow } from '../../pipeline/core/raw.js';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { meetingSheets, rawRows, rawWorkbook } from './raw-workbook.js';

const withRows = (name: string, rows: RawRow[], date1904 = false) => {
  const sheets = meetingSheets();
  return validateWorkbook({ date1904, sheets: Object.entries(sheets).map(([n, grid]) => ({ name: n, rows: n === name ? rows : rawRows(grid) })) });
};
const SESSIONS_HEADER = rawRows([['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room']]);
const cells = (...values: unknown[]) => [undefined, ...values.map((v) => (v === undefined ? undefined : typeof v === 'object' && v !== null && !(v instanceof Date) ? v : { value: v }))] as RawRow['cells'];

describe('Excel errors', () => {
  it('an error in an optional cell still leaves the row out; a row holding only an error is not blank', () => {
    const v = withRows('Sessions', [
      ...SESSIONS_HEADER,
      { row: 2, cells: cells('S1', '2026-05-27', '10:00', '13:00', 'Opening', undefined, { value: null, error: '#N/A' }) },
      { row: 3, cells: cells(undefined, undefined, { value: null, error: '#REF!' }) },
      { row: 4, cells: cells('S2', '2026-05-27', '15:00', '18:00', 'Afternoon') },
    ]);
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([
      ['unreadable-value', 'Sessions!G2'],
      ['empty-required', 'Sessions!A3'],
      ['empty-required', 'Sessions!B3'],
      ['unreadable-value', 'Sessions!C3'],
      ['empty-required', 'Sessions!D3'],
      ['empty-required', 'Sessions!E3'],
    ]);
    expect(v.leftOut.find((l) => l.sheet === 'Sessions')).toEqual({ sheet: 'Sessions', count: 2, reasons: ['2 rows with a cell that cannot be read'] });
  });

  it('an error in an optional Meeting field leaves the meeting unread', () => {
    const sheets = meetingSheets();
    const meeting: RawRow[] = [...rawRows(sheets.Meeting!), { row: 8, cells: cells('Venue', { value: null, error: '#NAME?' }) }];
    const v = withRows('Meeting', meeting);
    expect(v.issues.map((i) => [i.code, i.cell, i.message])).toEqual([['unreadable-value', 'Meeting!B8', 'Venue holds the Excel error #NAME?.']]);
    expect(v.data).toBeNull();
  });

  it('a header cell holding an error is no header, and headers are listed trimmed', () => {
    const v = withRows('Attendance', [{ row: 1, cells: cells({ value: null, error: '#REF!' }, '  Session ID  ', 'Mode') }]);
    expect(v.issues.filter((i) => i.sheet === 'Attendance').map((i) => i.message)).toEqual(['The Attendance sheet has no column headed "Participant ID" (headers found: "Session ID", "Mode").']);
  });
});

describe('IDs and their cells', () => {
  it('an empty key cell is an empty required cell, never a repeated ID', () => {
    const v = withRows('Sessions', [
      ...SESSIONS_HEADER,
      { row: 2, cells: cells('S1', '2026-05-27', '10:00', '13:00', 'Opening') },
      { row: 3, cells: cells(undefined, '2026-05-27', '15:00', '18:00', 'No ID') },
      { row: 4, cells: cells('   ', '2026-05-27', '15:00', '18:00', 'Blank ID') },
      { row: 5, cells: cells('   ', '2026-05-27', '15:00', '18:00', 'Blank ID again') },
    ]);
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['empty-required', 'Sessions!A3'], ['empty-required', 'Sessions!A4'], ['empty-required', 'Sessions!A5']]);
  });

  it('a country code outside ISO 3166-1 is a value not allowed', () => {
    const v = withRows('Delegations', rawRows([['Delegation ID', 'Name', 'Category', 'Country code'], ['D-A', 'Alpha', 'State Party', 'XYZ'], ['D-B', 'Beta', 'Industry', '']]));
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'not-allowed', sheet: 'Delegations', cell: 'Delegations!D2', row: 2,
        found: '"XYZ"', expected: 'an ISO 3166-1 alpha-3 country code such as CHE', message: 'Country code "XYZ" is not one of the allowed values.',
      },
    ]);
  });
});

describe('formulas and date systems', () => {
  it('a formula in a date or ID cell is no warning; in a name it is, in full', () => {
    const v = withRows('Sessions', [
      ...SESSIONS_HEADER,
      { row: 2, cells: cells({ value: 'S1', formula: '"S"&1' }, { value: 46169, formula: 'DATE(2026,5,27)' }, '10:00', '13:00', { value: 'Opening', formula: 'A9' }) },
    ]);
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'formula-in-text', sheet: 'Sessions', cell: 'Sessions!E2', row: 2,
        found: '=A9', expected: 'plain text', message: 'Title is computed by a formula; names and titles should be typed in as text.',
      },
    ]);
  });

  it('moves date-and-time serials to the 1900 system too, and a reader counts from 1900 until told otherwise', () => {
    // 44707.40625 in the 1904 system is 27 May 2026 09:45 (46169.40625 in the 1900 system).
    const attendance = rawRows([['Participant ID', 'Session ID', 'Mode', 'Checked in at'], ['P1', 'S1', 'In person', 44707.40625]]);
    const sheets = meetingSheets();
    const serial = (grid: typeof sheets.Meeting) => grid!.map((l) => (l[0] === 'Start date' ? ['Start date', 44707] : l[0] === 'End date' ? ['End date', 44708] : l));
    const v = validateWorkbook({ date1904: true, sheets: [...Object.entries({ ...sheets, Meeting: serial(sheets.Meeting) }).filter(([n]) => n !== 'Attendance').map(([name, g]) => ({ name, rows: rawRows(g) })), { name: 'Attendance', rows: attendance }] });
    expect(v.data?.attendance.map((a) => a.checkedInAt)).toEqual(['2026-05-27T09:45']);
    const reader = new MeetingReader();
    reader.startSheet('Meeting');
    for (const r of rawRows([['Field', 'Value'], ['Code', 'T'], ['Title', 'T'], ['Start date', 46169], ['End date', 46169]])) reader.row(r);
    expect(reader.finish().meeting?.info).toMatchObject({ startDate: '2026-05-27', endDate: '2026-05-27' });
  });
});

describe('the Meeting sheet\'s own header', () => {
  it('lacking its Field column it is unreadable, pointing at the header probably meant', () => {
    const v = withRows('Meeting', rawRows([['Fields', 'Value'], ['Code', 'T']]));
    expect(v.issues.map((i) => [i.code, i.cell, i.expected])).toEqual([['missing-header', 'Meeting!A1', 'a column headed "Field"']]);
    expect(v.data).toBeNull();
  });

  it('of two near headers, names the nearer', () => {
    const v = withRows('Attendance', rawRows([['Participant IDxx', 'Participant I', 'Session ID', 'Mode']]));
    expect(v.issues.filter((i) => i.sheet === 'Attendance').map((i) => i.found)).toEqual(['"Participant I"']);
  });
});
