// The 1904 date system (old Mac Excel): the workbook part says so with date1904, written "1" or
// "true" (an xsd:boolean, ECMA-376 Part 1, 18.2.28 workbookPr), and its date serials are then 1,462
// days short of the 1900 system's. Expected dates worked out by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { meetingSheets, rawWorkbook } from './raw-workbook.js';
import { readAll, sheetXml, xlsxFolder } from './xlsx-file.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());

const one = [{ sheet: 'A', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }];

describe('date1904 in the workbook part', () => {
  it.each([
    ['<workbookPr date1904="true"/>', true],
    ['<workbookPr date1904="1"/>', true],
    ['<workbookPr date1904=" TRUE "/>', true],
    ['<workbookPr date1904="false"/>', false],
    ['<workbookPr date1904="0"/>', false],
    ['<workbookPr defaultThemeVersion="166925"/>', false],
    ['', false],
  ])('%s means the 1904 system: %s', async (workbookPr, expected) => {
    expect((await readAll(folder.workbook(one, { workbookPr }))).date1904).toBe(expected);
  });

  it('reads a date serial of a date1904="true" workbook in the 1904 system, end to end', async () => {
    // 27 May 2026 is serial 46169 in the 1900 system, so 46169 - 1462 = 44707 in the 1904 system.
    // The end date is written as text, 26 May 2026: a day before the start only in the 1904 system.
    const s = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
    const meeting = sheetXml(
      `<row r="1">${s('Field')}${s('Value')}</row><row r="2">${s('Code')}${s('T')}</row><row r="3">${s('Title')}${s('T')}</row>` +
        `<row r="4">${s('Start date')}<c><v>44707</v></c></row><row r="5">${s('End date')}${s('2026-05-26')}</row>`,
    );
    const file = folder.workbook([{ sheet: 'Meeting', xml: meeting }], { workbookPr: '<workbookPr date1904="true"/>' });
    const read = await readMeetingFile(file);
    expect(read.issues.filter((i) => i.code === 'meeting-dates').map((i) => [i.cell, i.found, i.expected])).toEqual([
      ['Meeting!B5', '2026-05-26', 'a date on or after the start date 2026-05-27'],
    ]);
  });

  it('adds 1,462 days to date serials when the workbook counts from 1904, and only then', () => {
    const sheets = meetingSheets();
    const withSerials = { ...sheets, Meeting: sheets.Meeting!.map((line) => (line[0] === 'Start date' ? ['Start date', 44707] : line[0] === 'End date' ? ['End date', 44708] : line)) };
    expect(validateWorkbook(rawWorkbook(withSerials, true)).data?.meeting).toMatchObject({ startDate: '2026-05-27', endDate: '2026-05-28' });
    // Read in the 1900 system, the same serials are four years and a day earlier: 26 and 27 May 2022.
    const v1900 = validateWorkbook(rawWorkbook(withSerials, false));
    expect(v1900.data?.meeting).toMatchObject({ startDate: '2022-05-26', endDate: '2022-05-27' });
    expect(v1900.issues.filter((i) => i.code === 'session-outside-meeting').map((i) => i.cell)).toEqual(['Sessions!B2']);
  });
});
