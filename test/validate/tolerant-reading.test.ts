// Reading is forgiving where a person would be: Excel dates or text, stray spaces, header case and
// order, extra columns, blank rows, English, French and Spanish values, the 1904 date system,
// formulas, rich text and hyperlinks. The pure validateWorkbook agrees with the file reader.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawCell, RawWorkbook } from '../../pipeline/core/raw.js';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { day, type Sheets, tempDir, validSheets, type WorkbookOptions, writeWorkbook } from '../fixtures/build-workbook.js';

const dir = tempDir('att-tolerant-');
let n = 0;
const validate = async (sheets: Sheets, options?: WorkbookOptions) => readMeetingFile(await writeWorkbook(path.join(dir, `t-${++n}.xlsx`), sheets, options));

describe('tolerant reading', () => {
  it('reads dates as Excel dates, Excel serials and text in the three languages', async () => {
    const s = validSheets();
    // 2026-05-27 is serial 46169: 2026-01-01 is 46023, and 27 May is day 147 of 2026.
    s.Sessions![1]![1] = 46169;
    s.Sessions![2]![1] = '28 mai 2026';
    s.Participants![1]![9] = '1 May 2026';
    s.Participants![2]![9] = '2 de mayo de 2026';
    s.Participants![3]![9] = ' 2026-05-03 ';
    s.Submissions![1]![4] = '10.05.2026';
    const v = await validate(s);
    expect(v.issues).toEqual([]);
    expect(v.data?.sessions.map((x) => x.date)).toEqual(['2026-05-27', '2026-05-28']);
    expect(v.data?.participants.map((p) => p.registeredOn)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    expect(v.data?.submissions?.[0]?.receivedOn).toBe('2026-05-10');
  });

  it('reads times as Excel time fractions, formatted or not, and as text', async () => {
    const s = validSheets();
    s.Sessions![1]![2] = 10 / 24; // 10:00
    s.Sessions![1]![3] = 13.5 / 24; // 13:30
    s.Sessions![2]![2] = '15h00';
    s.Sessions![2]![3] = '6:00 pm';
    const v = await validate(s, { numFmts: { Sessions: { 3: 'hh:mm' } } });
    expect(v.issues).toEqual([]);
    expect(v.data?.sessions.map((x) => [x.start, x.end])).toEqual([['10:00', '13:30'], ['15:00', '18:00']]);
  });

  it('forgives header case and spaces, column order, extra columns, sheet-name case and blank rows', async () => {
    const s = validSheets();
    s.Attendance = [
      [],
      ['Notes', '  MODE ', 'session id', ' Participant  ID', 'Checked in at'],
      ['first', 'In person', 'S1', 'P1'],
      [],
      ['', 'In person', ' S1 ', 'P2 '],
      ['', 'Online', 'S2', 'P3'],
    ];
    s.participants = s.Participants!;
    delete s.Participants;
    const v = await validate(s);
    expect(v.issues).toEqual([]);
    expect(v.data?.attendance.map((a) => [a.participantId, a.sessionId, a.mode, a.row])).toEqual([['P1', 'S1', 'In person', 3], ['P2', 'S1', 'In person', 5], ['P3', 'S2', 'Online', 6]]);
    expect(v.data?.participants).toHaveLength(3);
  });

  it('addresses cells as the workbook spells the sheet, below a header row that is not row 1', async () => {
    const s = validSheets();
    s['participants'] = [[], [], ...s.Participants!];
    delete s.Participants;
    s['participants']![4]![5] = 'Femmex'; // P2's gender, on worksheet row 5
    const v = await validate(s);
    expect(v.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['not-allowed', 'Participants', 'participants!F5']]);
  });

  it('reads values in English, French and Spanish, with stray spaces and any case', async () => {
    const s = validSheets();
    s.Delegations = [
      ['Delegation ID', 'Name', 'Category', 'Country code'],
      ['D-CHE', 'Suisse', ' État partie ', ' che'],
      ['D-SAS', 'Small Arms Survey', 'sociedad civil', ''],
    ];
    s.Participants = [
      s.Participants![0]!,
      ['P1', 'D-CHE', '', 'Ana', 'Ruiz', 'Femme ', 'Cheffe de délégation', '', 'présentiel', '', 'confirmée'],
      ['P2', 'D-CHE', '', 'Jon', 'Berg', 'H', 'Delegado', '', 'En personne', '', ''],
      ['P3', 'D-SAS', '', 'Lee', 'Kim', 'MUJER', 'Jefa de delegación', '', 'en línea', '', 'Inscrita'],
    ];
    s.Attendance = [s.Attendance![0]!, ['P1', 'S1', 'Sur place'], ['P2', 'S1', 'Presencial'], ['P3', 'S2', 'Virtual']];
    const v = await validate(s);
    expect(v.issues).toEqual([]);
    expect(v.data?.delegations.map((d) => [d.category, d.countryCode])).toEqual([['State Party', 'CHE'], ['Civil Society or NGO', undefined]]);
    expect(v.data?.participants.map((p) => [p.gender, p.role, p.participation, p.status])).toEqual([
      ['Woman', 'Head of delegation', 'In person', 'Confirmed'],
      ['Man', 'Delegate', 'In person', 'Registered'],
      ['Woman', 'Head of delegation', 'Online', 'Registered'],
    ]);
    expect(v.data?.attendance.map((a) => a.mode)).toEqual(['In person', 'In person', 'Online']);
  });

  it('reads a 1904-date-system workbook: formatted dates and bare serials alike', async () => {
    const s = validSheets();
    // In the 1904 system, 2026-05-27 is 46169 - 1462 = 44707.
    s.Sessions![1]![1] = 44707;
    s.Attendance![1]![3] = day('2026-05-27');
    const v = await validate(s, { date1904: true });
    expect(v.issues).toEqual([]);
    expect(v.data?.meeting.startDate).toBe('2026-05-27');
    expect(v.data?.sessions.map((x) => x.date)).toEqual(['2026-05-27', '2026-05-28']);
    expect(v.data?.attendance[0]?.checkedInAt).toBe('2026-05-27T00:00');
  });

  it('takes a formula\'s cached result, rich text joined and a hyperlink\'s text', async () => {
    const s = validSheets();
    s.Participants![1]![9] = { formula: 'DATE(2026,5,1)', result: 46143 }; // 2026-05-01
    s.Participants![1]![3] = { richText: [{ text: 'An' }, { font: { bold: true }, text: 'a' }] };
    s.Participants![1]![7] = { text: 'ana.ruiz@example.org', hyperlink: 'mailto:ana.ruiz@example.org' };
    const v = await validate(s);
    expect(v.issues).toEqual([]);
    expect(v.data?.participants[0]).toMatchObject({ registeredOn: '2026-05-01', givenName: 'Ana', email: 'ana.ruiz@example.org' });
  });
});

/** The sheets as an adapter would hand them to the pure core (what the add-in does from Office.js). */
function rawWorkbook(sheets: Sheets): RawWorkbook {
  return {
    date1904: false,
    sheets: Object.entries(sheets).map(([name, rows]) => ({
      name,
      rows: rows.map((cells, i) => ({
        row: i + 1,
        cells: [undefined, ...cells.map((value): RawCell | undefined => (value === undefined || value === '' ? undefined : { value: value as string | number | Date }))],
      })),
    })),
  };
}

describe('formula results', () => {
  it('a cached result of 0 is read as 0, and an error result as an unreadable value', async () => {
    const s = validSheets();
    s.Speakers![1]![3] = { formula: 'B1-B1', result: 0 };
    s.Sessions![2]![3] = { formula: 'NA()', result: { error: '#N/A' } };
    const v = await validate(s);
    expect(v.issues.map((i) => [i.code, i.cell, i.message])).toEqual([['unreadable-value', 'Sessions!D3', 'End holds the Excel error #N/A from its formula.']]);
    expect(v.data?.speakers?.[0]?.minutes).toBe(0);
  });
});

describe('validateWorkbook (the add-in\'s way in)', () => {
  it('gives the same issues and rows as reading the file', async () => {
    const s = validSheets();
    s.Participants![3]![1] = 'D-XXX';
    s.Participants![2]![5] = 'Hombre';
    s.Sessions![2]![3] = '14:00';
    s.Attendance!.push(['P1', 'S1', 'Online']);
    const fromFile = await validate(s);
    const fromRaw = validateWorkbook(rawWorkbook(s));
    expect(fromRaw.issues).toEqual(fromFile.issues);
    expect(fromRaw.leftOut).toEqual(fromFile.leftOut);
    expect(fromRaw.data).toEqual(fromFile.data);
    expect(fromRaw.issues.map((i) => [i.code, i.cell])).toEqual([
      ['session-times', 'Sessions!D3'],
      ['unknown-reference', 'Participants!B4'],
      ['duplicate-attendance', 'Attendance!A5'],
    ]);
  });
});

describe('applyRules', () => {
  it('leaves what was read untouched, so the add-in can still list the rows it leaves out', async () => {
    const { MeetingReader } = await import('../../pipeline/core/read-meeting.js');
    const { applyRules } = await import('../../pipeline/core/rules.js');
    const s = validSheets();
    s.Participants![3]![1] = 'D-XXX';
    const reader = new MeetingReader();
    for (const sheet of rawWorkbook(s).sheets) {
      if (!reader.startSheet(sheet.name)) continue;
      for (const row of sheet.rows) reader.row(row);
    }
    const read = reader.finish();
    const first = applyRules(read);
    expect(read.sheets.Participants?.rows).toHaveLength(3);
    expect(read.sheets.Participants?.dropped.size).toBe(0);
    expect(read.issues).toEqual([]);
    expect(applyRules(read)).toEqual(first);
    expect(first.data?.participants).toHaveLength(2);
  });
});

describe('two sheets whose names differ only in case', () => {
  it('the first is read and the second is named in a warning, its rows counted nowhere', () => {
    const s = validSheets();
    // A second attendance sheet checking P3 into S1: were it read, S1 would count three people.
    const raw = rawWorkbook({ ...s, ATTENDANCE: [s.Attendance![0]!, ['P3', 'S1', 'Online']] });
    const v = validateWorkbook(raw);
    expect(v.issues.map((i) => [i.severity, i.code, i.sheet])).toEqual([['warning', 'duplicate-sheet', 'ATTENDANCE']]);
    expect(v.issues[0]!.message).toBe("Sheet 'ATTENDANCE' stands for the same sheet as 'Attendance' (names are matched regardless of case and spaces); only 'Attendance' is read, and the rows of 'ATTENDANCE' count nowhere.");
    expect(v.data?.attendance).toHaveLength(validSheets().Attendance!.length - 1);
  });
});
