// Reading values as people and tools write them, at edges no other test reached: an offset west of
// UTC with minutes (-03:30, Newfoundland), a date handed over as a JavaScript Date on a computer
// west of Greenwich, "Observer" as a delegation category, a table whose last column holds a header,
// a zip whose part names are in capitals, an export wider than 26 columns, and an online connection
// that ends as a session starts. Found by planting small bugs that no other test noticed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readExportFile } from '../../addin/src/app/registration-import.js';
import { planOnlineAttendance } from '../../addin/src/app/online-attendance.js';
import { holdsHeaders } from '../../pipeline/core/read-headers.js';
import { cellOf } from '../../pipeline/xlsx/worksheet.js';
import { checkWorkbookZip } from '../../pipeline/zip-guard.js';
import { CATEGORY, normalizeTo, readDate, readDateTime, readText } from '../../templates/contract/index.js';
import { zip } from '../fixtures/hostile/zip.js';

describe('an offset west of UTC with minutes', () => {
  it('"2026-05-27 06:33-03:30" (St. John\'s) is 10:03 UTC, 12:03 in Geneva', () => {
    expect(readDateTime('2026-05-27 06:33-03:30', { timeZone: 'Europe/Zurich' })).toEqual({ ok: true, value: '2026-05-27T12:03' });
  });
  it('"2026-05-27 14:03+05:30" (New Delhi) is 08:33 UTC, 10:33 in Geneva', () => {
    expect(readDateTime('2026-05-27 14:03+05:30', { timeZone: 'Europe/Zurich' })).toEqual({ ok: true, value: '2026-05-27T10:33' });
  });
});

describe('a date handed over as a JavaScript Date (exceljs, Office.js) on a computer west of Greenwich', () => {
  const before = process.env.TZ;
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('27 May 2026 at UTC midnight is 27 May in New York too, not the 26th', () => {
    process.env.TZ = 'America/New_York';
    const may27 = new Date(Date.UTC(2026, 4, 27));
    expect(readDate(may27)).toEqual({ ok: true, value: '2026-05-27' });
    expect(readText(may27)).toEqual({ ok: true, value: '2026-05-27' });
    expect(readDateTime(new Date(Date.UTC(2026, 4, 27, 1, 15)))).toEqual({ ok: true, value: '2026-05-27T01:15' });
  });

  it('an ISO date cell (t="d") of 27 May 2026 10:03 reads as 10:03 on 27 May in New York too', () => {
    process.env.TZ = 'America/New_York';
    const cell = cellOf('d', '2026-05-27T10:03:00', null, null, []);
    expect(cell).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 10, 3)) });
    expect(readDateTime(cell!.value)).toEqual({ ok: true, value: '2026-05-27T10:03' });
    expect(readDate(cellOf('d', '2026-05-27', null, null, [])!.value)).toEqual({ ok: true, value: '2026-05-27' });
  });
});

describe('delegation categories', () => {
  it('"Observer" alone is not read as Observer State: an organisation with observer status is not a State', () => {
    expect(normalizeTo(CATEGORY, 'Observer')).toBeUndefined();
    expect(normalizeTo(CATEGORY, 'Observer State')).toBe('Observer State');
    expect(normalizeTo(CATEGORY, 'État observateur')).toBe('Observer State');
  });
});

describe('a lone table beside the rows', () => {
  it('holds the sheet\'s headers when two of them stand in its columns, its last column included', () => {
    // Columns A to C: Notes, Session ID, Participant ID (the Speakers sheet's); column D outside the table.
    const row = { row: 3, cells: [undefined, { value: 'Notes' }, { value: 'Session ID' }, { value: 'Participant ID' }, { value: 'Minutes' }] };
    const table = { name: 'Table1', firstRow: 3, lastRow: 9, firstColumn: 1, lastColumn: 3, headerRowCount: 1, totalsRowCount: 0 };
    expect(holdsHeaders('Speakers', row, table)).toBe(true);
    // Only Session ID inside columns A to B: one header is not a header row.
    expect(holdsHeaders('Speakers', row, { ...table, lastColumn: 2 })).toBe(false);
  });
});

describe('a workbook whose zip names its parts in capitals', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'att-break-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a workbook: part names are compared as Office compares them, case aside', async () => {
    const file = path.join(dir, 'caps.xlsx');
    writeFileSync(file, zip([{ name: 'XL/Workbook.xml', data: '<workbook/>', store: true }, { name: '[Content_Types].xml', data: '<Types/>', store: true }]));
    const { zip: z, entries } = await checkWorkbookZip(file);
    z.close();
    expect(entries.map((e) => e.name)).toEqual(['XL/Workbook.xml', '[Content_Types].xml']);
  });
});

describe('a registration export wider than 26 columns (.xlsx)', () => {
  it('reads the columns past Z where they stand: AA is the 27th, AB the 28th', () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const cells = (r: number, values: Record<string, string>) => Object.entries(values).map(([col, v]) => `<c r="${col}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('');
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>
        <row r="1">${cells(1, { A: 'First name', B: 'Last name', AA: 'Email', AB: 'Gender' })}</row>
        <row r="2">${cells(2, { A: 'Ana', B: 'Núñez', AA: 'ana@example.org', AB: 'Mujer' })}</row>
      </sheetData></worksheet>`),
    });
    const t = readExportFile(bytes, 'wide.xlsx');
    const blank = Array<string>(24).fill('');
    expect(t.headers).toEqual(['First name', 'Last name', ...blank, 'Email', 'Gender']);
    expect(t.rows).toEqual([['Ana', 'Núñez', ...blank, 'ana@example.org', 'Mujer']]);
  });
});

describe('an online connection that ends as a session starts', () => {
  it('does not count for that session: 09:30 to 10:00 is before the 10:00 session, 09:30 to 10:01 is in it', () => {
    const sessions = [{ sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00' }];
    const people = [
      { participantId: 'P1', givenName: 'Ana', familyName: 'One', email: 'ana@example.org' },
      { participantId: 'P2', givenName: 'Ben', familyName: 'Two', email: 'ben@example.org' },
    ];
    const table = {
      rows: [
        ['Ana One', 'ana@example.org', '2026-05-27 09:30', '2026-05-27 10:00'],
        ['Ben Two', 'ben@example.org', '2026-05-27 09:30', '2026-05-27 10:01'],
      ],
      rowLines: [2, 3],
    };
    const plan = planOnlineAttendance(table, { name: 0, email: 1, join: 2, leave: 3, delegation: -1 }, people, sessions, [], 'Europe/Zurich');
    expect(plan.rows.map((r) => [r.participantId, r.sessionId, r.checkedInAt])).toEqual([['P2', 'S1', '2026-05-27 10:00']]);
    expect(plan.skipped).toEqual([{ line: 2, name: 'Ana One', email: 'ana@example.org', reason: 'joined at 2026-05-27 09:30 and left at 10:00, within no session' }]);
  });
});
