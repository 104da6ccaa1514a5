// An .xlsx registration or attendance export whose times carry seconds: the seconds are dropped, as
// the contract reads every time (README: "Seconds are dropped"), never rounded up. Rounding made a
// registration at 23:59:45 on the deadline day a registration of the next day, so a late one.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guessMapping, previewImport, readExportFile } from '../../addin/src/app/registration-import.js';

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const text = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

/** A one-sheet export whose column D is formatted d/m/yyyy h:mm (style 1) and holds these serials. */
function exportWith(serials: readonly string[]): Uint8Array {
  const rows = serials.map((v, i) => `<row r="${i + 2}">${text(`A${i + 2}`, `Name${i}`)}${text(`B${i + 2}`, `Family${i}`)}${text(`C${i + 2}`, 'D-A')}<c r="D${i + 2}" s="1"><v>${v}</v></c></row>`).join('');
  return zipSync({
    'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData><row r="1">${text('A1', 'First name')}${text('B1', 'Last name')}${text('C1', 'Delegation ID')}${text('D1', 'Registration date')}</row>${rows}</sheetData></worksheet>`),
    'xl/styles.xml': strToU8(`<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="d/m/yyyy\\ h:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
  });
}

describe('times with seconds in an .xlsx export', () => {
  // Serial 46164 is 22 May 2026 (46169 is 27 May). 23:59:45 is 86,385 s of 86,400: 0.99982638889;
  // 10:02:45 is 36,165 s: 0.41857638889; 09:59:59 is 35,999 s: 0.41665509259; 10:03 as a program's
  // arithmetic stores it, a hair short: 0.41874999999.
  const bytes = exportWith(['46164.99982638889', '46169.41857638889', '46169.41665509259', '46169.41874999999']);

  it('are shown with their seconds dropped: 23:59:45 stays on 22 May, 10:02:45 is 10:02, 09:59:59 is 09:59; 10:03 a hair short is 10:03', () => {
    expect(readExportFile(bytes, 'registrations.xlsx').rows.map((r) => r[3])).toEqual(['2026-05-22 23:59', '2026-05-27 10:02', '2026-05-27 09:59', '2026-05-27 10:03']);
  });

  it('a registration at 23:59:45 on the deadline day (22 May) is on time', () => {
    const t = readExportFile(bytes, 'registrations.xlsx');
    const rows = previewImport({ rows: t.rows.slice(0, 1), rowLines: [2] }, guessMapping(t.headers), [], '2026-05-22', { gender: 'Woman', role: 'Delegate', participation: 'In person', status: 'Registered' });
    expect(rows.map((r) => [r.line, r.record.registeredOn, r.late, r.problems])).toEqual([[2, '2026-05-22', false, []]]);
  });
});

describe('a value given once for every row', () => {
  it('fills only the rows that leave it empty: a row\'s own "In person" stays, an empty one becomes Online', () => {
    const header = ['First name', 'Last name', 'Delegation ID', 'Gender', 'Role', 'Participation', 'Status'];
    const rows = [
      ['Ana', 'Alves', 'D-A', 'Woman', 'Delegate', 'In person', 'Registered'],
      ['Ben', 'Brown', 'D-A', 'Man', 'Delegate', '', 'Registered'],
    ];
    const out = previewImport({ rows, rowLines: [2, 3] }, guessMapping(header, rows), [], undefined, { participation: 'Online' });
    expect(out.map((r) => [r.line, r.record.givenName, r.record.participation, r.problems])).toEqual([
      [2, 'Ana', 'In person', []],
      [3, 'Ben', 'Online', []],
    ]);
  });
});
