// validateWorkbook hands the reader each sheet's Excel tables before its rows: the contract's table
// decides where the rows end, so its totals row is never read as a row of data.
import { describe, expect, it } from 'vitest';
import { meetingSheets, rawWorkbook } from '../../test/unit/raw-workbook.js';
import type { RawTable, RawWorkbook } from './raw.js';
import { createValidator, validateWorkbook } from './validate.js';

// Delegations: header on row 1, D-A and D-B on rows 2 and 3, and on row 4 a line that reads as a
// valid delegation (D-C, Industry) but is the table's totals row.
const delegations = [
  ['Delegation ID', 'Name', 'Category', 'Country code'],
  ['D-A', 'Alpha', 'State Party', 'CHE'],
  ['D-B', 'Beta', 'Civil Society or NGO', ''],
  ['D-C', 'Gamma', 'Industry', ''],
];
const table: RawTable = { name: 'Delegations', firstRow: 1, lastRow: 4, firstColumn: 1, lastColumn: 4, headerRowCount: 1, totalsRowCount: 1 };

function workbook(withTable: boolean): RawWorkbook {
  const wb = rawWorkbook(meetingSheets({ Delegations: delegations }));
  return { ...wb, sheets: wb.sheets.map((s) => (s.name === 'Delegations' && withTable ? { ...s, tables: [table] } : s)) };
}

describe('validateWorkbook', () => {
  it('leaves out the totals row of the contract\'s Excel table', () => {
    const v = validateWorkbook(workbook(true));
    expect(v.data!.delegations.map((d) => d.delegationId)).toEqual(['D-A', 'D-B']);
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('without the table, the same line is a delegation like any other', () => {
    const v = validateWorkbook(workbook(false));
    expect(v.data!.delegations.map((d) => d.delegationId)).toEqual(['D-A', 'D-B', 'D-C']);
  });
});

describe('createValidator', () => {
  it('takes a sheet\'s tables pushed before its rows, and skips sheets the contract does not have', () => {
    const v = createValidator({ date1904: false });
    for (const sheet of workbook(false).sheets) {
      expect(v.startSheet(sheet.name)).toBe(true);
      if (sheet.name === 'Delegations') v.tables([table]);
      for (const row of sheet.rows) v.row(row);
    }
    expect(v.startSheet('Notes')).toBe(false);
    expect(v.finish().data!.delegations.map((d) => d.delegationId)).toEqual(['D-A', 'D-B']);
  });
});
