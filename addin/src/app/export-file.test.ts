// readExportFile on the field cases (byte-exact copies in test/fixtures/field-cases) and on variants of each kind:
// encodings, separators, lines above the header, sections, .xlsx, French and Spanish headers.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ExportFileError, guessMapping, readExportFile, readExportTable } from './registration-import.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/field-cases/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of Latin-1 text (every character used here is below U+0100). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
function utf16(text: string, order: 'LE' | 'BE', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(order === 'LE' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}
const mapped = (headers: string[]) => Object.fromEntries(Object.entries(guessMapping(headers)).filter(([, i]) => i >= 0));

describe('readExportFile: the field cases', () => {
  it('a registration system export: UTF-8 with a BOM, commas, quoted commas, states and no participation column', () => {
    const t = readExportFile(fixture('registration-system-export.csv'), 'registration-system-export.csv');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['UTF-8', ',', 1]);
    expect(t.headers).toEqual(['ID', 'Name', 'Title', 'First Name', 'Last Name', 'Email Address', 'Affiliation', 'Position', 'Gender', 'Delegation', 'Registration date', 'Registration state']);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[2]).toEqual(['3', 'Núñez, Carla', 'Dr', 'Carla', 'Núñez', 'carla@example.org', 'Example Network, Geneva', 'Observer', 'Prefer not to say', 'D-NGO', '2026-05-21 07:00:00+00:00', 'Pending']);
    expect(t.rowLines).toEqual([2, 3, 4]);
    expect(mapped(t.headers)).toEqual({ title: 2, givenName: 3, familyName: 4, email: 5, role: 7, gender: 8, delegationId: 9, registeredOn: 10, status: 11 });
  });

  it('a semicolon export whose header holds a form question with commas', () => {
    const t = readExportFile(fixture('semicolon-export-commas-in-header.csv'), 'semicolon-export-commas-in-header.csv');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['UTF-8', ';', 1]);
    expect(t.headers[3]).toBe('Gender (Woman, Man, Non-binary, Other, Prefer not to say)');
    expect(t.rows).toEqual([['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'In person'], ['Ben', 'Two', 'D-FRA', 'Man', 'Adviser', 'Online']]);
    expect(mapped(t.headers)).toEqual({ givenName: 0, familyName: 1, delegationId: 2, gender: 3, role: 4, participation: 5 });
  });

  it('a webinar report: metadata lines and a blank line above the real header', () => {
    const t = readExportFile(fixture('webinar-registration-report.csv'), 'webinar-registration-report.csv');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['UTF-8', ',', 7]);
    expect(t.headers).toEqual(['First Name', 'Last Name', 'Email', 'Organization', 'Registration Time', 'Approval Status']);
    expect(t.rows).toEqual([
      ['Ana', 'One', 'ana@example.org', 'Fictional Ministry', '5/20/2026 14:03', 'approved'],
      ['Ben', 'Two', 'ben@example.org', 'Example Network', '5/23/2026 08:12', 'approved'],
    ]);
    expect(t.rowLines).toEqual([8, 9]);
    expect(mapped(t.headers)).toEqual({ givenName: 0, familyName: 1, email: 2, registeredOn: 4, status: 5 });
    // A person may still choose another line as the header.
    const other = readExportFile(fixture('webinar-registration-report.csv'), 'webinar-registration-report.csv', 3);
    expect(other.headers).toEqual(['Topic', 'Webinar ID', 'Scheduled Time', '# Registered']);
    expect(other.rows).toEqual([['Fictional Preparatory Meeting', '000 0000 0000', '5/27/2026 10:00', '2']]);
  });

  it('an online meeting attendance report: UTF-16 LE, tabs, numbered sections: the participants section', () => {
    const t = readExportFile(fixture('online-meeting-attendance-report-utf16.csv'), 'online-meeting-attendance-report-utf16.csv');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['UTF-16LE', '\t', 9]);
    expect(t.headers).toEqual(['Name', 'First join', 'Last leave', 'In-meeting duration', 'Email', 'Participant ID (UPN)', 'Role']);
    expect(t.rows.map((r) => r[0])).toEqual(['Zoé Lefèvre', 'Jérôme Müller', 'Ana Núñez']);
    expect(t.rows[1]).toEqual(['Jérôme Müller', '27/05/26, 10:02:15', '27/05/26, 12:40:00', '2h 37m 45s', 'jerome@example.org', 'jerome@example.org', 'Presenter']);
    expect(t.rowLines).toEqual([10, 11, 12]);
  });
});

describe('readExportFile: variants of each kind', () => {
  it('Windows-1252 bytes (what Excel writes as "CSV" in Western Europe) keep their accents', () => {
    const t = readExportFile(cp1252('Prénom;Nom;Délégation;Genre;Courriel\r\nZoé;Lefèvre;D-FRA;Femme;zoe@example.org\r\n'), 'inscriptions.csv');
    expect([t.encoding, t.separator]).toEqual(['windows-1252', ';']);
    expect(t.rows).toEqual([['Zoé', 'Lefèvre', 'D-FRA', 'Femme', 'zoe@example.org']]);
    expect(mapped(t.headers)).toEqual({ givenName: 0, familyName: 1, delegationId: 2, gender: 3, email: 4 });
  });

  it('UTF-16 BE with a BOM, and UTF-16 LE without one', () => {
    const text = 'Nombre\tApellido\tDelegación\tGénero\tCorreo electrónico\nLucía\tGarcía\tD-ESP\tMujer\tlucia@example.org\n';
    const be = readExportFile(utf16(text, 'BE'), 'registro.txt');
    expect([be.encoding, be.separator, be.headerLine]).toEqual(['UTF-16BE', '\t', 1]);
    expect(be.rows).toEqual([['Lucía', 'García', 'D-ESP', 'Mujer', 'lucia@example.org']]);
    expect(mapped(be.headers)).toEqual({ givenName: 0, familyName: 1, delegationId: 2, gender: 3, email: 4 });
    expect(readExportFile(utf16(text, 'LE', false), 'registro.txt').encoding).toBe('UTF-16LE');
  });

  it('semicolons with quoted semicolons, commas and line breaks inside fields', () => {
    const t = readExportFile(utf8('First name;Last name;Comment\n"Ana";"One, Two";"a;b"\nBen;Two;"line one\nline two"\nCy;Three;x\n'), 'x.csv');
    expect(t.separator).toBe(';');
    expect(t.rows).toEqual([['Ana', 'One, Two', 'a;b'], ['Ben', 'Two', 'line one\nline two'], ['Cy', 'Three', 'x']]);
    expect(t.rowLines).toEqual([2, 3, 5]);
  });

  it('a Zoom-style participants report: a summary table, a blank line, then the participants', () => {
    const report = [
      'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
      '000 0000 0000,Fictional meeting,05/27/2026 09:55:12 AM,05/27/2026 06:02:10 PM,host@example.org,367,2',
      '',
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      'Zoé Lefèvre,zoe@example.org,05/27/2026 09:58:01 AM,05/27/2026 01:02:44 PM,185,No',
      'Ana Núñez (Ana N.),ana@example.org,05/27/2026 03:01:00 PM,05/27/2026 05:59:00 PM,178,Yes',
    ].join('\r\n');
    const known = (cell: string) => (/^(name|user email|join time|leave time)/i.exec(cell.trim())?.[1]?.toLowerCase());
    const t = readExportTable(utf8(report), 'zoom.csv', { knownHeader: known });
    expect([t.separator, t.headerLine]).toEqual([',', 4]);
    expect(t.rows.map((r) => r[0])).toEqual(['Zoé Lefèvre', 'Ana Núñez (Ana N.)']);
  });

  it('refuses bytes that would destroy letters, with one sentence naming the file', () => {
    // 0x81 is no character in Windows-1252 and not valid UTF-8.
    expect(() => readExportFile(Uint8Array.from([...cp1252('First name,Last name\nZo'), 0x81, 0x65, 0x2c, 0x58]), 'bad.csv'))
      .toThrow(new ExportFileError('bad.csv is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+0081 at line 2): export it again as CSV UTF-8.'));
    // A file an earlier conversion already damaged.
    expect(() => readExportFile(utf8('First name,Last name\nZo\uFFFD,Lef\uFFFDvre\n'), 'damaged.csv'))
      .toThrow('damaged.csv holds the replacement character \uFFFD at line 2, where an earlier conversion lost a letter');
    expect(() => readExportFile(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x2c, 0x00]), 'half.csv')).toThrow('half.csv is marked as UTF-16LE text by its first bytes, but the rest is not valid UTF-16LE');
    expect(() => readExportFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).toThrow('old.xls is a legacy Excel 97-2003 workbook (.xls)');
    expect(() => readExportFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'locked.xlsx')).toThrow('locked.xlsx is password-protected: open it in Excel, remove the password');
    expect(() => readExportFile(new Uint8Array(), 'empty.csv')).toThrow('empty.csv is empty');
    expect(() => readExportFile(zipSync({ 'content.xml': strToU8('<office:document-content/>') }), 'list.xlsx')).toThrow('list.xlsx is an OpenDocument spreadsheet (.ods)');
    expect(() => readExportFile(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'letter.xlsx')).toThrow('letter.xlsx is not an .xlsx workbook (a zip without a workbook part)');
    expect(() => readExportFile(utf8('First name,Last name\nAna,"One\nBen,Two\n'), 'open-quote.csv')).toThrow('open-quote.csv cannot be read as comma-separated text (a quote opened near line');
  });

  it('an .xlsx export: the first sheet, title rows above the header, dates shown as dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inscriptions');
    wb.addWorksheet('Autre').addRow(['Prénom', 'Nom']);
    ws.addRow(['Liste des inscriptions']);
    ws.addRow([]);
    ws.addRow(['Prénom', 'Nom', 'Délégation', 'Genre', "Date d'inscription", 'Statut']);
    ws.addRow(['Zoé', 'Lefèvre', 'D-FRA', 'Non-binaire', new Date(Date.UTC(2026, 4, 20)), 'Approuvée']);
    ws.addRow(['Léa_x', 'Dupont', 'D-FRA', 'Femme', new Date(Date.UTC(2026, 4, 21, 9, 30)), 'Complète']);
    ws.getCell('E4').numFmt = 'dd/mm/yyyy';
    ws.getCell('E5').numFmt = 'dd/mm/yyyy hh:mm';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = readExportFile(bytes, 'inscriptions.xlsx');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['xlsx', null, 3]);
    expect(t.rows).toEqual([
      ['Zoé', 'Lefèvre', 'D-FRA', 'Non-binaire', '2026-05-20', 'Approuvée'],
      ['Léa_x', 'Dupont', 'D-FRA', 'Femme', '2026-05-21 09:30', 'Complète'],
    ]);
    expect(t.rowLines).toEqual([4, 5]);
    expect(mapped(t.headers)).toEqual({ givenName: 0, familyName: 1, delegationId: 2, gender: 3, registeredOn: 4, status: 5 });
  });

  it('an .xlsx written by another tool: part names in other case, escapes, phonetic runs, inline strings, 1904 dates', () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook ${ns}><workbookPr date1904="1"/><sheets><sheet name="Export" sheetId="1" r:id="rId7"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'XL/Worksheets/Sheet1.XML': strToU8(`<worksheet ${ns}><sheetData>
        <row r="2"><c r="B2" t="inlineStr"><is><t>Participants</t></is></c></row>
        <row r="4"><c r="B4" t="s"><v>0</v></c><c r="C4" t="s"><v>1</v></c><c r="D4" t="s"><v>2</v></c><c r="E4" t="inlineStr"><is><t>Registered on</t></is></c><c r="F4" t="inlineStr"><is><t>Confirmed</t></is></c></row>
        <row r="5"><c r="B5" t="s"><v>3</v></c><c r="C5" t="str"><f>UPPER("x")</f><v>A_x005F_x0041_B</v></c><c r="D5" t="s"><v>4</v></c><c r="E5" s="1"><v>44707.5</v></c><c r="F5" t="b"><v>1</v></c></row>
      </sheetData></worksheet>`),
      'xl/sharedStrings.xml': strToU8(`<sst ${ns}><si><t>Given name</t></si><si><t>Family name</t></si><si><t>Gender</t></si><si><r><t>Y</t></r><r><t>uki</t></r><rPh sb="0" eb="1"><t>ゆ</t></rPh></si><si><t>Woman_x000D_</t></si></sst>`),
      'xl/styles.xml': strToU8(`<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]d/m/yyyy\\ h:mm;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    });
    const t = readExportFile(bytes, 'other-tool.xlsx');
    expect([t.headerLine, t.headers]).toEqual([4, ['', 'Given name', 'Family name', 'Gender', 'Registered on', 'Confirmed']]);
    // 1904 system: serial 44707.5 is 2026-05-27 12:00 (days since 1904-01-01).
    expect(t.rows).toEqual([['', 'Yuki', 'A_x0041_B', 'Woman\r', '2026-05-27 12:00', 'TRUE']]);
    expect(mapped(t.headers)).toEqual({ givenName: 1, familyName: 2, gender: 3, registeredOn: 4 });
  });
});

describe('readExportFile: exports joined together', () => {
  it('a header repeated further down (two exports pasted one after the other, the second with its BOM) is not read as a person', () => {
    const t = readExportFile(utf8('\uFEFFFirst name,Last name,Email\nAna,One,ana@example.org\n\uFEFFFirst name,Last name,Email\nBen,Two,ben@example.org\n'), 'joined.csv');
    expect([t.encoding, t.separator, t.headerLine]).toEqual(['UTF-8', ',', 1]);
    expect(t.rows).toEqual([['Ana', 'One', 'ana@example.org'], ['Ben', 'Two', 'ben@example.org']]);
    expect(t.rowLines).toEqual([2, 4]);
  });
});

describe('readExportFile: accents an earlier conversion garbled', () => {
  // UTF-8 bytes read as Windows-1252 and saved again (a CSV UTF-8 opened by double-click in Excel,
  // then saved as CSV UTF-8): é (C3 A9) becomes "Ã©", è (C3 A8) "Ã¨", ’ (E2 80 99) "â€™".
  it('refuses a file whose names hold UTF-8 read as Windows-1252, in one sentence naming the line', () => {
    expect(() => readExportFile(utf8('\uFEFFFirst name,Last name,Email\nZoÃ©,LefÃ¨vre,zoe@example.org\n'), 'resaved.csv'))
      .toThrow(new ExportFileError('resaved.csv holds "Ã©" at line 2, the mark of UTF-8 text once read as Windows-1252 and saved again (é became Ã©): export the file again from its source as CSV UTF-8.'));
    expect(() => readExportFile(utf8('First name;Last name\nSean;Oâ€™Brien\n'), 'apostrophe.csv')).toThrow('apostrophe.csv holds "â€™" at line 2');
  });

  it('reads real names that hold Ã and Â as they are', () => {
    const t = readExportFile(utf8('First name,Last name\nJOÃO,SÃO BENTO\nÂngela,Ãlvarez\n'), 'pt.csv');
    expect(t.rows).toEqual([['JOÃO', 'SÃO BENTO'], ['Ângela', 'Ãlvarez']]);
  });
});
