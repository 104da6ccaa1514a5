// Variants of each kind of workbook the field cases stand for, made from the base meeting with one
// thing changed (test/fixtures/rewrite-workbook.ts): other escapes, other date-time shapes, tables
// with title rows and offset columns with and without their table part, part names in other case,
// and files of other formats. A correct reader gives the base meeting's figures (worked out by hand
// in field-cases.test.ts: 40.0% / 100% / 66.7%) or one sentence naming the format.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExpectedError } from '../../pipeline/errors.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { summarize } from '../../pipeline/report-command.js';
import { runValidate } from '../../pipeline/validate-command.js';
import { tempDir } from '../fixtures/build-workbook.js';
import { compoundFile } from '../fixtures/compound-file.js';
import { zip } from '../fixtures/hostile/zip.js';
import { moveSheet, type Parts, rewriteWorkbook, sheetPartOf, titleRows } from '../fixtures/rewrite-workbook.js';

const BASE = path.resolve('test/fixtures/field-cases/base-meeting.xlsx');
const dir = tempDir('att-shapes-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const variant = (edit: (parts: Parts) => void) => rewriteWorkbook(BASE, path.join(dir, `variant-${++n}.xlsx`), edit);

async function figures(file: string) {
  const validation = await readMeetingFile(file);
  const errors = validation.issues.filter((i) => i.severity === 'error').map((i) => `${i.cell ?? i.sheet}: ${i.message}`);
  const headline = validation.data ? summarize({ ...validation, data: validation.data }).headline : null;
  return { validation, errors, headline };
}

async function expectBaseFigures(file: string) {
  const { errors, headline, validation } = await figures(file);
  expect(errors).toEqual([]);
  expect(headline!.attendees).toBeCloseTo(0.4, 10);
  expect(headline!.headsOfDelegation).toBe(1);
  expect(headline!.speakers).toBeCloseTo(2 / 3, 10);
  return validation;
}

const SST = 'xl/sharedStrings.xml';
/** The shared string `text` stored as `stored` instead (every cell that uses it). */
const storeString = (parts: Parts, text: string, stored: string) => parts.set(SST, parts.get(SST)!.replace(`<t>${text}</t>`, `<t xml:space="preserve">${stored}</t>`));
/** The index of a shared string. */
const sstIndex = (parts: Parts, text: string) => [...parts.get(SST)!.matchAll(/<si>(.*?)<\/si>/g)].findIndex((m) => m[1] === `<t>${text}</t>`);

/** Replaces one cell of a sheet (by reference) with the XML given. */
function setCell(parts: Parts, sheet: string, ref: string, xml: string) {
  const part = sheetPartOf(parts, sheet);
  const before = parts.get(part)!;
  const after = before.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`), xml);
  if (after === before) throw new Error(`no cell ${ref} in ${sheet}`);
  parts.set(part, after);
}
const inlineCell = (ref: string, stored: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${stored}</t></is></c>`;

describe('Excel\'s escapes in strings (ST_Xstring), decoded as Excel shows them', () => {
  it('in shared strings: a tab and a line feed around Woman, a literal _x005F_ in a family name', async () => {
    const file = await variant((parts) => {
      storeString(parts, 'Woman', '_x0009_Woman_x000D__x000A_');
      storeString(parts, 'Muster', 'Muster_x005F_x0041_');
      storeString(parts, 'Man', '_x004D_an');
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.participants[0]!.familyName).toBe('Muster_x0041_');
  });

  it('in inline strings, lower-case hex too', async () => {
    const file = await variant((parts) => {
      setCell(parts, 'Participants', 'F2', inlineCell('F2', 'Woman_x000d_'));
      setCell(parts, 'Participants', 'F4', inlineCell('F4', 'W_x006F_man_x000A_'));
      setCell(parts, 'Participants', 'D2', inlineCell('D2', 'An_x005F_x0030_na'));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.participants[0]!.givenName).toBe('An_x0030_na');
  });

  it('in formula results (t="str")', async () => {
    const file = await variant((parts) => {
      setCell(parts, 'Participants', 'F2', '<c r="F2" t="str"><f>"Woman"&amp;CHAR(13)</f><v>Woman_x000D_</v></c>');
      setCell(parts, 'Participants', 'F4', '<c r="F4" t="str"><f>UPPER("woman")</f><v>WOMAN_x000D__x000A_</v></c>');
    });
    await expectBaseFigures(file);
  });

  it('leaves text that only looks like an escape alone', async () => {
    const file = await variant((parts) => storeString(parts, 'Muster', 'Muster_x00_ _xZZZZ_'));
    const validation = await expectBaseFigures(file);
    expect(validation.data!.participants[0]!.familyName).toBe('Muster_x00_ _xZZZZ_');
  });
});

describe('date-times typed as text, in every date column', () => {
  it('check-ins with offsets are read in the meeting\'s time zone (Geneva, UTC+2 in May), the others as written', async () => {
    const file = await variant((parts) => {
      setCell(parts, 'Attendance', 'D2', inlineCell('D2', '2026-05-27T07:40:00Z'));
      setCell(parts, 'Attendance', 'D3', inlineCell('D3', '5/27/26 9:41 AM'));
      setCell(parts, 'Attendance', 'D4', inlineCell('D4', '27.05.26 09:42:59'));
      setCell(parts, 'Attendance', 'D5', inlineCell('D5', '2026-05-27 09:43:00.123456+02:00'));
      setCell(parts, 'Attendance', 'D6', inlineCell('D6', 'Wed, 27 May 2026 08:02:00 GMT'));
      setCell(parts, 'Attendance', 'D7', inlineCell('D7', '27/05/2026 10:03 am'));
      setCell(parts, 'Attendance', 'D8', inlineCell('D8', 'May 27, 2026, 2:50:01 PM'));
      setCell(parts, 'Attendance', 'D9', inlineCell('D9', '27 mai 2026 à 15h01'));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.attendance.map((a) => a.checkedInAt)).toEqual([
      '2026-05-27T09:40', '2026-05-27T09:41', '2026-05-27T09:42', '2026-05-27T09:43',
      '2026-05-27T10:02', '2026-05-27T10:03', '2026-05-27T14:50', '2026-05-27T15:01',
    ]);
  });

  it('the meeting\'s own zone is used, wherever its sheet stands: New York turns 14:00 UTC into 10:00', async () => {
    const file = await variant((parts) => {
      parts.set(SST, parts.get(SST)!.replace('<t>Europe/Zurich</t>', '<t>America/New_York</t>'));
      setCell(parts, 'Attendance', 'D2', inlineCell('D2', '2026-05-27T14:00:00Z'));
      // The Meeting sheet last in the workbook: the zone is learnt after the Attendance rows.
      const wb = parts.get('xl/workbook.xml')!;
      const meeting = /<sheet name="Meeting"[^>]*\/>/.exec(wb)![0];
      parts.set('xl/workbook.xml', wb.replace(meeting, '').replace('</sheets>', `${meeting}</sheets>`));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.attendance[0]!.checkedInAt).toBe('2026-05-27T10:00');
  });

  it('a registration at 23:30 UTC on the deadline day is after the deadline in Geneva, and said to be late', async () => {
    const file = await variant((parts) => {
      setCell(parts, 'Participants', 'J2', inlineCell('J2', '2026-05-22T23:30:00Z'));
      setCell(parts, 'Participants', 'J3', inlineCell('J3', '2026-05-22 21:30:00.000000+00:00'));
      setCell(parts, 'Participants', 'J4', inlineCell('J4', '22/05/26 23:59'));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.participants.slice(0, 3).map((p) => p.registeredOn)).toEqual(['2026-05-23', '2026-05-22', '2026-05-22']);
    expect(validation.issues.map((i) => [i.code, i.cell])).toEqual([['late-registration', 'Participants!J2']]);
  });

  it('Meeting dates and a submission date written with times', async () => {
    const file = await variant((parts) => {
      const meeting = sheetPartOf(parts, 'Meeting');
      const xml = parts.get(meeting)!;
      const startRow = /<row r="(\d+)"[^>]*>(?:(?!<\/row>).)*?<c r="A\d+" t="s"><v>10<\/v><\/c>/.exec(xml)![1];
      setCell(parts, 'Meeting', `B${startRow}`, inlineCell(`B${startRow}`, '2026-05-26T22:00:00Z'));
      setCell(parts, 'Submissions', 'E2', inlineCell('E2', '5/13/2026, 6:15:00 PM'));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.meeting.startDate).toBe('2026-05-27');
    expect(validation.data!.submissions![0]!.receivedOn).toBe('2026-05-13');
  });

  it('check-ins stored as Excel date-times with their seconds read as Excel shows them in h:mm', async () => {
    // 46169 is 27 May 2026. 9:40:45 is 34,845 s of 86,400 and shows as 9:40; a check-in at
    // 23:59:45 (86,385 s) shows as 23:59 that day, not as an unreadable 46169.99982638889.
    const file = await variant((parts) => {
      setCell(parts, 'Attendance', 'D2', `<c r="D2" s="3"><v>${46169 + 34_845 / 86_400}</v></c>`);
      setCell(parts, 'Attendance', 'D9', `<c r="D9" s="3"><v>${46169 + 86_385 / 86_400}</v></c>`);
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.attendance.map((a) => a.checkedInAt)).toEqual([
      '2026-05-27T09:40', '2026-05-27T09:41', '2026-05-27T09:42', '2026-05-27T09:43',
      '2026-05-27T10:02', '2026-05-27T10:03', '2026-05-27T14:50', '2026-05-27T23:59',
    ]);
  });

  it('a check-in typed as a time alone is refused as the time Excel shows, not as a fraction of a day', async () => {
    // 9:40 typed into Checked in at: Excel stores 0.4027..., the fraction of a day, and shows 9:40.
    const file = await variant((parts) => setCell(parts, 'Attendance', 'D2', `<c r="D2" s="3"><v>${(9 * 60 + 40) / 1440}</v></c>`));
    const { validation } = await figures(file);
    const issue = validation.issues.find((i) => i.cell === 'Attendance!D2');
    expect([issue?.code, issue?.found, issue?.message]).toEqual([
      'unreadable-value', '09:40 (a time of day without its date)',
      'Checked in at 09:40 (a time of day without its date) cannot be read as a date and time such as 2026-05-27 09:45.',
    ]);
  });

  it('a date the calendar lacks is refused saying so: 31 April, 29 February 2026', async () => {
    const file = await variant((parts) => {
      setCell(parts, 'Attendance', 'D2', inlineCell('D2', '31/04/2026 09:40'));
      setCell(parts, 'Participants', 'J2', inlineCell('J2', '29.02.2026'));
    });
    const { validation } = await figures(file);
    expect(validation.issues.filter((i) => i.code === 'unreadable-value').map((i) => [i.cell, i.message])).toEqual([
      ['Participants!J2', 'Registered on "29.02.2026" cannot be read as a date such as 2026-05-27 or 27 May 2026: there is no 29 February 2026.'],
      ['Attendance!D2', 'Checked in at "31/04/2026 09:40" cannot be read as a date and time such as 2026-05-27 09:45: there is no 31 April 2026.'],
    ]);
  });

  it('a check-in whose day and month cannot be told apart is refused at its cell, saying why', async () => {
    const file = await variant((parts) => setCell(parts, 'Attendance', 'D2', inlineCell('D2', '05/06/2026 09:40')));
    const { validation } = await figures(file);
    const issue = validation.issues.find((i) => i.cell === 'Attendance!D2');
    expect(issue?.code).toBe('unreadable-value');
    expect(issue?.expected).toMatch(/day and month cannot be told apart in "05\/06\/2026 09:40"/);
    // The message alone (all the pane's Check list shows) says why too.
    expect(issue?.message).toBe('Checked in at "05/06/2026 09:40" cannot be read as a date and time such as 2026-05-27 09:45: day and month cannot be told apart.');
  });
});

/** The header names of a sheet's first row, for a table part's columns. */
function headerNames(parts: Parts, sheet: string): string[] {
  const strings = [...parts.get(SST)!.matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => m[1]!);
  const row1 = /<row r="1"[^>]*>(.*?)<\/row>/.exec(parts.get(sheetPartOf(parts, sheet))!)![1]!;
  return [...row1.matchAll(/<v>(\d+)<\/v>/g)].map((m) => strings[Number(m[1])]!);
}

/** Adds a table part over `ref` to a sheet, as Excel writes one: the part, the sheet's relationship and tablePart, the content type. */
function addTable(parts: Parts, sheet: string, name: string, ref: string, columns: readonly string[], options: { totalsRow?: boolean; partName?: string } = {}) {
  const part = sheetPartOf(parts, sheet);
  const tablePart = options.partName ?? `xl/tables/table${name}.xml`;
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`).join('');
  parts.set(tablePart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${n + 1}" name="${name}" displayName="${name}" ref="${ref}"${options.totalsRow ? ' totalsRowCount="1"' : ''}><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`);
  const relsName = part.replace(/([^/]+)$/, '_rels/$1.rels');
  const target = path.posix.relative(path.posix.dirname(part), tablePart);
  parts.set(relsName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="${target}"/></Relationships>`);
  parts.set(part, parts.get(part)!.replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>'));
  parts.set('[Content_Types].xml', parts.get('[Content_Types].xml')!.replace('</Types>', `<Override PartName="/${tablePart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`));
}

describe('formulas without a saved result', () => {
  it('a formula filled down as a shared formula (as exceljs writes it) is named at each cell as Excel shows it there', async () => {
    // B2 holds =Delegations!A2 and B3, B4 share it: Excel shows =Delegations!A3 in B3 and =Delegations!A4 in B4.
    const file = await variant((parts) => {
      setCell(parts, 'Participants', 'B2', '<c r="B2"><f t="shared" ref="B2:B4" si="0">Delegations!A2</f></c>');
      setCell(parts, 'Participants', 'B3', '<c r="B3"><f t="shared" si="0"/></c>');
      setCell(parts, 'Participants', 'B4', '<c r="B4"><f t="shared" si="0"/></c>');
    });
    const { validation } = await figures(file);
    expect(validation.issues.filter((i) => i.code === 'formula-without-result').map((i) => [i.cell, i.found])).toEqual([
      ['Participants!B2', '=Delegations!A2 (no saved result)'],
      ['Participants!B3', '=Delegations!A3 (no saved result)'],
      ['Participants!B4', '=Delegations!A4 (no saved result)'],
    ]);
  });
});

describe('a table anywhere on its sheet', () => {
  it('without a table part: title rows above and empty columns to the left of every sheet', async () => {
    const file = await variant((parts) => {
      for (const sheet of ['Meeting', 'Sessions', 'Agenda', 'Delegations', 'Participants', 'Attendance', 'Speakers', 'Submissions']) {
        const part = sheetPartOf(parts, sheet);
        parts.set(part, titleRows(moveSheet(parts.get(part)!, 3, 2), [{ row: 1, col: 'C', text: `${sheet} of the Fictional Preparatory Meeting` }, { row: 2, col: 'C', text: 'Draft, 20 May 2026' }]));
      }
    });
    const validation = await expectBaseFigures(file);
    expect(validation.issues).toEqual([]);
    // Row numbers and cells stay the worksheet's: the first participant is on row 5, in column C.
    expect(validation.data!.participants[0]!.row).toBe(5);
  });

  it('without a table part, the header is searched for within the first 20 rows holding anything', async () => {
    const deep = await variant((parts) => {
      const part = sheetPartOf(parts, 'Participants');
      const titles = Array.from({ length: 20 }, (_, i) => ({ row: i + 1, col: 'A', text: `Note ${i + 1}` }));
      parts.set(part, titleRows(moveSheet(parts.get(part)!, 20, 0), titles));
    });
    const { validation } = await figures(deep);
    // 20 notes first: the header row is not searched for past them, and the first row is taken.
    expect(validation.issues.filter((i) => i.code === 'missing-header' && i.sheet === 'Participants')[0]?.message).toMatch(/no column headed "Participant ID" \(headers found: "Note 1"\)/);

    const within = await variant((parts) => {
      const part = sheetPartOf(parts, 'Participants');
      const titles = Array.from({ length: 19 }, (_, i) => ({ row: i + 1, col: 'A', text: `Note ${i + 1}` }));
      parts.set(part, titleRows(moveSheet(parts.get(part)!, 19, 0), titles));
    });
    await expectBaseFigures(within);
  });

  it('with a table part, its range decides the header: deep down, below a legend row that names columns too', async () => {
    const file = await variant((parts) => {
      const columns = headerNames(parts, 'Participants');
      const part = sheetPartOf(parts, 'Participants');
      // 30 rows down and 3 columns right: the header in D31, far past the 20 rows searched without a table.
      const legend = [{ row: 2, col: 'D', text: 'Gender' }, { row: 2, col: 'E', text: 'Role' }].map((c) => `<c r="${c.col}${c.row}" t="inlineStr"><is><t>${c.text}</t></is></c>`).join('');
      let xml = moveSheet(parts.get(part)!, 30, 3);
      xml = xml.replace('<sheetData>', `<sheetData><row r="1"><c r="D1" t="inlineStr"><is><t>Participants, as registered</t></is></c></row><row r="2">${legend}</row>`);
      parts.set(part, xml);
      addTable(parts, 'Participants', 'Participants', 'D31:N37', columns);
    });
    const validation = await expectBaseFigures(file);
    expect(validation.issues).toEqual([]);
    expect(validation.data!.participants.map((p) => p.row)).toEqual([32, 33, 34, 35, 36, 37]);
  });

  it('with a table part, its totals row is not read as a participant', async () => {
    const file = await variant((parts) => {
      const columns = headerNames(parts, 'Participants');
      const part = sheetPartOf(parts, 'Participants');
      parts.set(part, parts.get(part)!.replace('</sheetData>', '<row r="8"><c r="A8" t="inlineStr"><is><t>Total</t></is></c><c r="B8"><f>SUBTOTAL(103,Participants[Delegation ID])</f><v>6</v></c></row></sheetData>'));
      addTable(parts, 'Participants', 'Participants', 'A1:K8', columns, { totalsRow: true });
    });
    const validation = await expectBaseFigures(file);
    expect(validation.issues).toEqual([]);
    expect(validation.data!.participants).toHaveLength(6);
  });

  it('a table part that is not the contract\'s, among several, is not taken for it', async () => {
    const file = await variant((parts) => {
      const part = sheetPartOf(parts, 'Participants');
      parts.set(part, titleRows(moveSheet(parts.get(part)!, 2, 0), [{ row: 1, col: 'A', text: 'Participants' }]));
      // Two tables named otherwise: neither decides; the header is searched for (and found on row 3).
      addTable(parts, 'Participants', 'Legend', 'M1:N2', ['Gender', 'Meaning']);
      const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
      parts.set(rels, parts.get(rels)!.replace('</Relationships>', '<Relationship Id="rIdT2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/tableOther.xml"/></Relationships>'));
      parts.set('xl/tables/tableOther.xml', '<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="Other" displayName="Other" ref="P1:Q2"><tableColumns count="2"><tableColumn id="1" name="A"/><tableColumn id="2" name="B"/></tableColumns></table>');
    });
    await expectBaseFigures(file);
  });

  it('the only table part, when it is not the contract\'s (a legend beside the rows), is passed over', async () => {
    const file = await variant((parts) => {
      const part = sheetPartOf(parts, 'Participants');
      const legend = (r: number, a: string, b: string) => `<c r="M${r}" t="inlineStr"><is><t>${a}</t></is></c><c r="N${r}" t="inlineStr"><is><t>${b}</t></is></c>`;
      parts.set(part, parts.get(part)!.replace(/(<row r="1"[^>]*>.*?)(<\/row>)/, `$1${legend(1, 'Code', 'Meaning')}$2`).replace(/(<row r="2"[^>]*>.*?)(<\/row>)/, `$1${legend(2, 'HoD', 'Head of delegation')}$2`));
      addTable(parts, 'Participants', 'Legend', 'M1:N2', ['Code', 'Meaning']);
    });
    const validation = await expectBaseFigures(file);
    expect(validation.issues).toEqual([]);
  });
});

describe('part names matched as Office matches them, case-insensitively', () => {
  it('every part name in upper case, relationships still in lower case', async () => {
    const file = await variant((parts) => {
      for (const [name, xml] of [...parts]) {
        parts.delete(name);
        parts.set(name === '[Content_Types].xml' ? name : name.toUpperCase(), xml);
      }
    });
    await expectBaseFigures(file);
  });

  it('relationship targets in another case than the parts, a table part among them', async () => {
    const file = await variant((parts) => {
      const columns = headerNames(parts, 'Participants');
      addTable(parts, 'Participants', 'Participants', 'C4:M10', columns, { partName: 'xl/tables/Table1.xml' });
      const part = sheetPartOf(parts, 'Participants');
      parts.set(part, moveSheet(parts.get(part)!, 3, 2));
      const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
      parts.set(rels, parts.get(rels)!.replace('../tables/Table1.xml', '../TABLES/table1.XML'));
      const wbRels = 'xl/_rels/workbook.xml.rels';
      parts.set(wbRels, parts.get(wbRels)!.replace(/Target="worksheets\/sheet(\d)\.xml"/g, 'Target="Worksheets/Sheet$1.XML"').replace('Target="sharedStrings.xml"', 'Target="SHAREDSTRINGS.xml"'));
    });
    const validation = await expectBaseFigures(file);
    expect(validation.data!.participants[0]!.row).toBe(5);
  });
});

describe('files of other formats, said for what they are whatever their name (exit code 2)', () => {
  const ENCRYPTED = () => compoundFile([
    // MS-OFFCRYPTO 2.3.4.10: agile encryption starts with version 4.4 and reserved 0x40.
    { name: 'EncryptionInfo', data: Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption/>', 'utf8')]) },
    { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) },
  ]);
  const cases: [string, () => Buffer, RegExp][] = [
    ['legacy.xls', () => readFileSync('test/fixtures/other-formats/legacy-excel-97-2003.xls'), /: it is a legacy Excel 97-2003 workbook \(\.xls\); open it in Excel \(or LibreOffice Calc\) and save it as Excel Workbook \(\.xlsx\)\.$/],
    ['legacy-renamed.xlsx', () => readFileSync('test/fixtures/other-formats/legacy-excel-97-2003.xls'), /: it is a legacy Excel 97-2003 workbook \(\.xls\)/],
    ['calc.ods', () => readFileSync('test/fixtures/other-formats/opendocument.ods'), /: it is an OpenDocument spreadsheet \(\.ods\); open it in Excel \(or LibreOffice Calc\) and save it as Excel Workbook \(\.xlsx\)\.$/],
    ['calc-renamed.xlsx', () => readFileSync('test/fixtures/other-formats/opendocument.ods'), /: it is an OpenDocument spreadsheet \(\.ods\)/],
    ['protected.xlsx', ENCRYPTED, /: it is a password-protected \(encrypted\) workbook; open it in Excel, remove the password .* save it and try again\.$/],
    ['protected.xls', ENCRYPTED, /: it is a password-protected \(encrypted\) workbook/],
    ['old-word.xlsx', () => compoundFile([{ name: 'WordDocument', data: Buffer.alloc(100) }]), /: it is an older Office document \(an OLE2 compound file\), not a workbook/],
    ['export.csv', () => Buffer.from('\uFEFFParticipant ID,Given name\r\nP1,Zoë\r\n', 'utf8'), /: it is a CSV or other text file; open it in Excel/],
    ['export.xlsx', () => Buffer.from('Participant ID;Gender\nP1;F\n', 'latin1'), /: it is a CSV or other text file; open it in Excel/],
    ['attendance-utf16.xls', () => readFileSync('test/fixtures/field-cases/online-meeting-attendance-report-utf16.csv'), /: it is a CSV or other text file; open it in Excel/],
    ['page.xls', () => Buffer.from('<html><body><table><tr><td>Participant ID</td></tr></table></body></html>', 'utf8'), /: it is an HTML page \(some tools export one under an Excel name\); open it in Excel/],
    ['attendance-utf16-no-bom.csv', () => Buffer.from('Name\tEmail\r\nAna Ruiz\tana@example.org\r\n', 'utf16le'), /: it is a CSV or other text file; open it in Excel/],
    ['flat.xlsx', () => Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"></office:document>', 'utf8'), /: it is a flat OpenDocument spreadsheet \(\.fods\); open it in Excel/],
    ['binary.xlsx', () => zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: Buffer.alloc(64) }]), /: it is an Excel Binary Workbook \(\.xlsb\); open it in Excel and save it as Excel Workbook \(\.xlsx\)\.$/],
    ['letter.xlsx', () => zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), /: it is a Word document, not a workbook\.$/],
    ['empty.xlsx', () => Buffer.alloc(0), /: it is an empty file \(0 bytes\), as a save, copy or download that did not finish leaves it; save or copy the workbook again\.$/],
    ['xml2003.xls', () => Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', 'utf8'), /: it is an Excel 2003 XML spreadsheet; open it in Excel/],
  ];

  it.each(cases)('%s', async (name, bytes, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes());
    const error = await readMeetingFile(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).exitCode).toBe(2);
    expect((error as ExpectedError).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not an Excel workbook \\(\\.xlsx\\)`));
    expect((error as ExpectedError).message).toMatch(message);
    expect((error as ExpectedError).message.split(/\.\s/)).toHaveLength(1);
  });

  it('validate exits with code 2 and prints the one sentence', async () => {
    const file = path.join(dir, 'exit-code.xlsx');
    copyFileSync('test/fixtures/other-formats/opendocument.ods', file);
    const out: string[] = [];
    const err: string[] = [];
    expect(await runValidate([file], { out: (t) => out.push(t), err: (t) => err.push(t), tty: false })).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`${file} is not an Excel workbook (.xlsx): it is an OpenDocument spreadsheet (.ods); open it in Excel (or LibreOffice Calc) and save it as Excel Workbook (.xlsx).`]);
  });

  it('a zip of neither kind still says it lacks the workbook part', async () => {
    const file = path.join(dir, 'photos.xlsx');
    writeFileSync(file, zip([{ name: 'mimetype', data: 'application/zip', store: true }, { name: 'photo.txt', data: 'x' }]));
    await expect(readMeetingFile(file)).rejects.toThrow(/photos\.xlsx is not an Excel workbook \(\.xlsx\): it is a zip file without xl\/workbook\.xml\.$/);
  });
});
