// Where a sheet's header row is found: the contract's Excel table, else the first of the first 20 rows holding two headers.
import { describe, expect, it } from 'vitest';
import type { RawRow, RawTable } from './raw.js';
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
