// Where a sheet's header row is found: the contract's Excel table, else the first of the first 20 rows holding two headers.
import { describe, expect, it } from 'vitest';
import type { Issue } from './issues.js';
import type { RawRow, RawTable } from './raw.js';
import { contractTable, headerCells, holdsHeaders, matchHeaders } from './read-headers.js';
import { MeetingReader } from './read-meeting.js';

/** A row of text cells starting at column `from` (1-based). */
const row = (r: number, from: number, ...texts: (string | number)[]): RawRow => {
  const cells: RawRow['cells'][number][] = [];
  texts.forEach((t, i) => {
    cells[from + i] = { value: t };
  });
  return { row: r, cells };
};

/** The Delegations sheet read alone: its issues and the rows kept. */
function read({ rows, tables }: { rows: RawRow[]; tables?: RawTable[] }) {
  const reader = new MeetingReader();
  reader.startSheet('Delegations');
  if (tables) reader.tables(tables);
  for (const r of rows) reader.row(r);
  const result = reader.finish();
  const sheet = result.sheets.Delegations;
  return { issues: result.issues, rows: sheet?.rows ?? [], dropped: sheet?.dropped, headerRow: sheet?.headerRow };
}
const delegations = (rows: RawRow[], tables?: RawTable[]) => ({ rows, ...(tables ? { tables } : {}) });
const table = (over: Partial<RawTable>): RawTable => ({ name: 'Delegations', firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 4, headerRowCount: 1, totalsRowCount: 0, ...over });

describe('where a sheet\'s header row is', () => {
  it('passes over title rows and a note naming one column, and finds the header to the right', () => {
    const v = read(delegations([
      row(1, 1, 'Delegations'),
      row(2, 1, 'Category must be one of the list'),
      row(3, 1, 'Category'),
      row(5, 3, 'Delegation ID', 'Name', 'Category'),
      row(6, 3, 'D-CHE', 'Switzerland', 'State Party'),
    ]));
    expect(v.issues).toEqual([]);
    expect(v.headerRow).toBe(5);
    expect(v.rows.map((d) => [d.row, d.delegationId])).toEqual([[6, 'D-CHE']]);
  });

  it('takes the first row holding anything when none of the first 20 holds two headers (a misspelt header row)', () => {
    const v = read(delegations([row(2, 1, 'Delegation', 'Nmae', 'Category'), row(3, 1, 'D-CHE', 'Switzerland', 'State Party')]));
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['missing-header', 'Delegations!A2'], ['missing-header', 'Delegations!B2']]);
  });

  it('says, when it gives up, that no row of the first 20 holds the headers and which row it took', () => {
    // The header row lies below 20 notes: past the search, as the README says.
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1, 1, `Note ${i + 1}`));
    rows.push(row(21, 1, 'Delegation ID', 'Name', 'Category'), row(22, 1, 'D-CHE', 'Switzerland', 'State Party'));
    const v = read(delegations(rows));
    expect(v.issues.filter((i) => i.code === 'missing-header').map((i) => i.message)).toEqual([
      'The Delegations sheet has no column headed "Delegation ID" (headers found: "Note 1"); none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.',
      'The Delegations sheet has no column headed "Name" (headers found: "Note 1"); none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.',
      'The Delegations sheet has no column headed "Category" (headers found: "Note 1"); none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.',
    ]);
  });

  it('reads the rows met during the search once it gives up, as rows below the first', () => {
    const rows = [row(1, 1, 'Delegation ID', 'Nom')];
    for (let r = 2; r <= 25; r++) rows.push(row(r, 1, `D-${r}`, `Delegation ${r}`));
    const v = read(delegations(rows));
    expect(v.issues.map((i) => i.code)).toEqual(['missing-header', 'missing-header']);
    expect(v.headerRow).toBe(1);
    // Every row below the header is read, the 19 met during the search as well as the 5 after it.
    expect(v.rows.map((d) => d.row)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
  });

  it('takes the header row from the contract\'s Excel table, even below a row naming two columns', () => {
    const v = read(delegations([
      row(1, 2, 'Name', 'Category'),
      row(4, 2, 'Delegation ID', 'Name', 'Category', 'Country code'),
      row(5, 2, 'D-CHE', 'Switzerland', 'State Party', 'CHE'),
      row(6, 2, 'Total', 1),
    ], [table({ name: 'Other', firstRow: 9, lastRow: 10 }), table({ firstRow: 4, lastRow: 6, firstColumn: 2, lastColumn: 5, totalsRowCount: 1 })]));
    expect(v.issues).toEqual([]);
    expect(v.headerRow).toBe(4);
    expect(v.rows.map((d) => [d.row, d.delegationId, d.countryCode])).toEqual([[5, 'D-CHE', 'CHE']]);
  });

  it('reads only the table\'s columns in its header row', () => {
    const v = read(delegations([
      row(1, 1, 'Delegation ID', 'Delegation ID', 'Name', 'Category'),
      row(2, 1, 'x', 'D-CHE', 'Switzerland', 'State Party'),
    ], [table({ firstRow: 1, lastRow: 2, firstColumn: 2, lastColumn: 4 })]));
    // Column A repeats a header but lies outside the table: no duplicate-header error.
    expect(v.issues).toEqual([]);
    expect(v.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
  });

  it('passes over the only table when its header row does not hold the sheet\'s headers (a legend beside the data)', () => {
    // A small Excel table (Code / Meaning) to the right of a plain range: not the delegations.
    const v = read(delegations([
      row(1, 1, 'Delegation ID', 'Name', 'Category', null as never, null as never, 'Code', 'Meaning'),
      row(2, 1, 'D-CHE', 'Switzerland', 'State Party', null as never, null as never, 'SP', 'State Party'),
      row(3, 1, 'D-FRA', 'France', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 1, lastRow: 2, firstColumn: 6, lastColumn: 7 })]));
    expect(v.issues).toEqual([]);
    expect(v.headerRow).toBe(1);
    expect(v.rows.map((d) => d.delegationId)).toEqual(['D-CHE', 'D-FRA']);
  });

  it('passes over the only table when it is not the contract\'s, below the data or above its header', () => {
    const below = read(delegations([
      row(2, 1, 'Delegation ID', 'Name', 'Category'),
      row(3, 1, 'D-CHE', 'Switzerland', 'State Party'),
      row(6, 1, 'Code', 'Meaning'),
      row(7, 1, 'SP', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 6, lastRow: 7, firstColumn: 1, lastColumn: 2 })]));
    // The legend's rows are read as rows of the sheet, as they would be without a table part.
    expect(below.headerRow).toBe(2);
    expect(below.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
    const above = read(delegations([
      row(1, 1, 'Code', 'Meaning'),
      row(2, 1, 'SP', 'State Party'),
      row(4, 1, 'Delegation ID', 'Name', 'Category'),
      row(5, 1, 'D-CHE', 'Switzerland', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 1, lastRow: 2, firstColumn: 1, lastColumn: 2 })]));
    expect(above.issues).toEqual([]);
    expect(above.headerRow).toBe(4);
    expect(above.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
  });

  it('takes the only table, whatever its name, when its header row holds the headers: below a row naming two columns, past 20 notes', () => {
    const legend = read(delegations([
      row(1, 1, 'Name', 'Category'),
      row(2, 1, 'Note'),
      row(4, 1, 'Delegation ID', 'Name', 'Category'),
      row(5, 1, 'D-CHE', 'Switzerland', 'State Party'),
    ], [table({ name: 'Table1', firstRow: 4, lastRow: 5, firstColumn: 1, lastColumn: 3 })]));
    expect(legend.issues).toEqual([]);
    expect(legend.headerRow).toBe(4);
    expect(legend.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
    const rows: RawRow[] = [];
    for (let r = 1; r <= 30; r++) rows.push(row(r, 1, `Note ${r}`));
    rows.push(row(31, 1, 'Delegation ID', 'Name', 'Category'), row(32, 1, 'D-CHE', 'Switzerland', 'State Party'));
    const deep = read(delegations(rows, [table({ name: 'Table1', firstRow: 31, lastRow: 32, firstColumn: 1, lastColumn: 3 })]));
    expect(deep.issues).toEqual([]);
    expect(deep.headerRow).toBe(31);
    expect(deep.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
  });

  it('passes over the only table, not the contract\'s, whose header row is misspelt, and says which row it took as the header', () => {
    // 25 rows under a header row whose three headers are all misspelt, inside one table named Table1:
    // no row holds two headers, so the table is passed over, the search stops after 20 rows and row 1
    // is taken as the header row; "Delegaton" is too far from "Delegation ID" to be named as its
    // misspelling, "Nmae" (B1) and "Categry" (C1) are near enough.
    const rows: RawRow[] = [row(1, 1, 'Delegaton', 'Nmae', 'Categry')];
    for (let r = 2; r <= 26; r++) rows.push(row(r, 1, `D-${r}`, `Country ${r}`, 'State Party'));
    const v = read(delegations(rows, [table({ name: 'Table1', firstRow: 1, lastRow: 26, firstColumn: 1, lastColumn: 3 })]));
    const taken = 'none of its first 20 rows holding anything holds two of its headers, so row 1 was taken as the header row.';
    const found = '(headers found: "Delegaton", "Nmae", "Categry")';
    expect(v.issues.map((i) => [i.severity, i.code, i.cell, i.message])).toEqual([
      ['error', 'missing-header', undefined, `The Delegations sheet has no column headed "Delegation ID" ${found}; ${taken}`],
      ['error', 'missing-header', 'Delegations!B1', `The Delegations sheet has no column headed "Name"; "Nmae" looks like a misspelling of it ${found}; ${taken}`],
      ['error', 'missing-header', 'Delegations!C1', `The Delegations sheet has no column headed "Category"; "Categry" looks like a misspelling of it ${found}; ${taken}`],
    ]);
  });

  it('searches for the header when the only table is shown without its header row', () => {
    const v = read(delegations([
      row(1, 1, 'Title'),
      row(2, 1, 'Delegation ID', 'Name', 'Category'),
      row(3, 1, 'D-CHE', 'Switzerland', 'State Party'),
    ], [table({ firstRow: 3, lastRow: 3, headerRowCount: 0 })]));
    expect(v.headerRow).toBe(2);
    expect(v.rows.map((d) => d.delegationId)).toEqual(['D-CHE']);
  });
});

describe('which Excel table holds a contract sheet\'s rows', () => {
  const t = (name: string, headerRowCount = 1): RawTable => ({ name, firstRow: 1, lastRow: 5, firstColumn: 1, lastColumn: 2, headerRowCount, totalsRowCount: 0 });

  it('is the table named as the contract names it, or as the sheet, whatever the case and spaces', () => {
    const fields = t('MeetingFields');
    expect(contractTable('Meeting', [t('Legend'), fields])).toEqual({ table: fields, named: true });
    const meeting = t(' meeting ');
    expect(contractTable('Meeting', [t('Legend'), meeting])).toEqual({ table: meeting, named: true });
    const people = t('PARTICIPANTS');
    expect(contractTable('Participants', [people, t('Table2')])).toEqual({ table: people, named: true });
  });

  it('is the only table, not named so, for the caller to check; none among several not named so, or among none', () => {
    const only = t('Table1');
    expect(contractTable('Delegations', [only])).toEqual({ table: only, named: false });
    expect(contractTable('Delegations', [t('Table1'), t('Table2')])).toBeUndefined();
    expect(contractTable('Delegations', [])).toBeUndefined();
    expect(contractTable('Meeting', [t('Participants'), t('Sessions')])).toBeUndefined();
  });

  it('is none when the table is shown without its header row', () => {
    expect(contractTable('Delegations', [t('Delegations', 0)])).toBeUndefined();
    expect(contractTable('Delegations', [t('Table1', 0)])).toBeUndefined();
  });
});

describe('header cells', () => {
  it('reads a header row\'s texts left to right, trimmed, dates as ISO text, leaving out empty cells and errors', () => {
    const raw: RawRow = {
      row: 1,
      cells: [undefined, { value: ' Name ' }, undefined, { value: 12 }, { value: null, error: '#REF!' }, { value: '' }, { value: new Date(Date.UTC(2026, 0, 2)) }, { value: true }],
    };
    expect(headerCells(raw, undefined)).toEqual([
      { text: 'Name', col: 1 }, { text: '12', col: 3 }, { text: '2026-01-02T00:00:00.000Z', col: 6 }, { text: 'true', col: 7 },
    ]);
  });

  it('reads only the cells within a table\'s first and last columns', () => {
    const raw = row(1, 1, 'A', 'B', 'C', 'D', 'E');
    const table: RawTable = { name: 'T', firstRow: 1, lastRow: 2, firstColumn: 2, lastColumn: 4, headerRowCount: 1, totalsRowCount: 0 };
    expect(headerCells(raw, table)).toEqual([{ text: 'B', col: 2 }, { text: 'C', col: 3 }, { text: 'D', col: 4 }]);
  });

  it('lists a date header as its ISO text among the headers found when one is missing', () => {
    const issues: Issue[] = [];
    matchHeaders('Attendance', 'Attendance', headerCells({ row: 3, cells: [undefined, { value: 'Session ID' }, { value: new Date(Date.UTC(2026, 4, 27)) }, { value: 'Mode' }] }, undefined), 3, issues);
    expect(issues.map((i) => i.message)).toEqual(['The Attendance sheet has no column headed "Participant ID" (headers found: "Session ID", "2026-05-27T00:00:00.000Z", "Mode").']);
  });
});

describe('holdsHeaders', () => {
  it('holds the headers when two of the sheet\'s headers are in the row, the same one twice counting once', () => {
    expect(holdsHeaders('Delegations', row(1, 1, 'Delegation ID', 'Name'))).toBe(true);
    expect(holdsHeaders('Delegations', row(1, 1, 'Delegation ID', 'delegation id', 'Notes'))).toBe(false);
    expect(holdsHeaders('Delegations', row(1, 1, 'Name'))).toBe(false);
    expect(holdsHeaders('Meeting', row(1, 3, ' FIELD ', 'value'))).toBe(true);
  });

  it('within a table, counts only the headers inside its columns, its first and last included', () => {
    const table: RawTable = { name: 'T', firstRow: 1, lastRow: 2, firstColumn: 2, lastColumn: 3, headerRowCount: 1, totalsRowCount: 0 };
    expect(holdsHeaders('Delegations', row(1, 2, 'Delegation ID', 'Name'), table)).toBe(true);
    expect(holdsHeaders('Delegations', row(1, 1, 'Delegation ID', 'Name', 'Notes'), table)).toBe(false);
    expect(holdsHeaders('Delegations', row(1, 3, 'Delegation ID', 'Name'), table)).toBe(false);
  });
});

describe('a missing header\'s probable misspelling', () => {
  const nearOf = (headers: string[]) => {
    const issues: Issue[] = [];
    matchHeaders('Attendance', 'Attendance', headers.map((text, i) => ({ text, col: i + 1 })), 1, issues);
    return issues.map((i) => i.found);
  };

  it('is a header at most two letters away from a short header, a quarter of its letters from a long one', () => {
    // "mode" has 4 letters: 2 edits at most. "participant id" has 14: 3 edits at most.
    expect(nearOf(['Participant ID', 'Session ID', 'Mdoe'])).toEqual(['"Mdoe"']);
    expect(nearOf(['Session ID', 'Mode', 'Partcpant D'])).toEqual(['"Partcpant D"']);
    expect(nearOf(['Session ID', 'Mode', 'Prtcpant D'])).toEqual(['"Session ID", "Mode", "Prtcpant D"']);
  });

  it('is none for a header three letters away from a four-letter one', () => {
    expect(nearOf(['Participant ID', 'Session ID', 'Mxxx'])).toEqual(['"Participant ID", "Session ID", "Mxxx"']);
  });
});

describe('a header row without any of the sheet\'s headers', () => {
  it('is no usable header row: the sheet reports every required header missing and keeps no rows', () => {
    const issues: Issue[] = [];
    const h = matchHeaders('Delegations', 'Delegations', [{ text: 'Notes', col: 1 }], 4, issues);
    expect(h).toEqual({ row: 4, columns: [], usable: false, missing: ['delegationId', 'name', 'category'] });
    expect(issues.map((i) => [i.code, i.row])).toEqual([['missing-header', 4], ['missing-header', 4], ['missing-header', 4]]);
    const v = read(delegations([row(1, 1, 'Notes'), row(2, 1, 'x')]));
    expect(v.rows).toEqual([]);
    expect(v.headerRow).toBeUndefined();
  });
});

describe('tables told at the wrong moment', () => {
  it('are ignored once the header row is found, and when no contract sheet is being read', () => {
    const reader = new MeetingReader();
    expect(reader.startSheet('Notes')).toBe(false);
    reader.tables([table({ firstRow: 1, lastRow: 3 })]);
    reader.startSheet('Delegations');
    reader.row(row(1, 1, 'Delegation ID', 'Name', 'Category'));
    // A table whose range would make row 3 its totals row, told after the header: not taken.
    reader.tables([table({ firstRow: 2, lastRow: 3, totalsRowCount: 1 })]);
    reader.row(row(2, 1, 'D-A', 'Alpha', 'State Party'));
    reader.row(row(3, 1, 'D-B', 'Beta', 'State Party'));
    const s = reader.finish().sheets.Delegations!;
    expect([s.headerRow, s.rows.map((d) => d.delegationId)]).toEqual([1, ['D-A', 'D-B']]);
  });
});

describe('cells that hold no header', () => {
  it('an error cell is no header, even with a value beside its error', () => {
    const raw: RawRow = { row: 1, cells: [undefined, { value: '#REF!', error: '#REF!' }, { value: 'Name' }] };
    expect(headerCells(raw, undefined)).toEqual([{ text: 'Name', col: 2 }]);
  });

  it('a row whose cells hold only empty text below the header is no row at all', () => {
    const v = read(delegations([row(1, 1, 'Delegation ID', 'Name', 'Category'), row(2, 1, '', '  '), row(3, 1, 'D-A', 'Alpha', 'State Party')]));
    expect(v.issues).toEqual([]);
    expect(v.rows.map((d) => d.row)).toEqual([3]);
  });
});

describe('the contract\'s own table and tables passed over', () => {
  it('takes the contract\'s named table\'s first row as the header row even when its headers are misspelt', () => {
    const v = read(delegations([
      row(1, 1, 'Title'),
      row(3, 1, 'Delegation', 'Nmae', 'Category'),
      row(4, 1, 'D-A', 'Alpha', 'State Party'),
    ], [table({ firstRow: 3, lastRow: 4, lastColumn: 3 })]));
    expect(v.headerRow).toBe(3);
    expect(v.issues.map((i) => i.message)).toEqual([
      'The Delegations sheet has no column headed "Delegation ID"; "Delegation" looks like a misspelling of it (headers found: "Delegation", "Nmae", "Category").',
      'The Delegations sheet has no column headed "Name"; "Nmae" looks like a misspelling of it (headers found: "Delegation", "Nmae", "Category").',
    ]);
  });

  it('reads the rows of a table passed over below the data as rows of the sheet', () => {
    const v = read(delegations([
      row(2, 1, 'Delegation ID', 'Name', 'Category'),
      row(3, 1, 'D-CHE', 'Switzerland', 'State Party'),
      row(6, 1, 'Code', 'Meaning'),
      row(7, 1, 'SP', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 6, lastRow: 7, firstColumn: 1, lastColumn: 2 })]));
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([['empty-required', 'Delegations!C6'], ['empty-required', 'Delegations!C7']]);
    expect([...v.dropped!]).toEqual([['with a cell that cannot be read', 2]]);
  });

  it('reads every row of a plain range of more than 20 rows above a legend table', () => {
    const rows = [row(1, 1, 'Delegation ID', 'Name', 'Category')];
    for (let r = 2; r <= 26; r++) rows.push(row(r, 1, `D-${r}`, `Delegation ${r}`, 'State Party'));
    rows.push(row(30, 5, 'Code', 'Meaning'), row(31, 5, 'SP', 'State Party'));
    const v = read(delegations(rows, [table({ name: 'Legend', firstRow: 30, lastRow: 31, firstColumn: 5, lastColumn: 6 })]));
    expect(v.headerRow).toBe(1);
    expect(v.rows.map((d) => d.row)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
  });

  it('searches the rows met when the sheet ends before the only table\'s header row is met', () => {
    const v = read(delegations([
      row(1, 1, 'Delegations'),
      row(2, 1, 'Delegation ID', 'Name', 'Category'),
      row(3, 1, 'D-A', 'Alpha', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 9, lastRow: 10, firstColumn: 1, lastColumn: 2 })]));
    expect(v.issues).toEqual([]);
    expect(v.headerRow).toBe(2);
    expect(v.rows.map((d) => d.delegationId)).toEqual(['D-A']);
  });

  it('takes the first row as the header row when neither the table passed over nor the rows above it hold the headers', () => {
    const v = read(delegations([
      row(1, 1, 'Notes'),
      row(2, 1, 'Code', 'Meaning'),
      row(3, 1, 'SP', 'State Party'),
    ], [table({ name: 'Legend', firstRow: 2, lastRow: 3, firstColumn: 1, lastColumn: 2 })]));
    // Row 1 holds none of the sheet's headers: the sheet cannot be read, and says so at row 1.
    expect(v.headerRow).toBeUndefined();
    expect(v.issues.map((i) => [i.code, i.row])).toEqual([
      ['missing-header', 1], ['missing-header', 1], ['missing-header', 1],
    ]);
  });
});
