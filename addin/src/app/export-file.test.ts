// readExportFile on the field cases (byte-exact copies in test/fixtures/field-cases) and on variants of each kind:
// encodings, separators, lines above the header, sections, .xlsx, French and Spanish headers.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chooseSeparator, decodeExport, ExportFileError, guessMapping, readExportFile, readExportTable } from './registration-import.js';

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

describe('readExportTable: what kind of file it is', () => {
  it('a file over 64 MB is refused before it is read; one of exactly 64 MB is read', () => {
    const big = new Uint8Array(64 * 1024 * 1024 + 1);
    big.set([0xd0, 0xcf, 0x11, 0xe0]);
    expect(() => readExportTable(big, 'huge.csv')).toThrow(new ExportFileError('huge.csv is 64 MB, more than the 64 MB an export may be: split it.'));
    expect(() => readExportTable(big.subarray(0, 64 * 1024 * 1024), 'huge.xls'))
      .toThrow(new ExportFileError('huge.xls is a legacy Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or as CSV UTF-8, then import that.'));
  });

  it('a compound file is password-protected when named .xlsx in any case, else a legacy workbook', () => {
    const compound = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => readExportTable(compound, 'LOCKED.XLSX'))
      .toThrow(new ExportFileError('LOCKED.XLSX is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it, then import it again.'));
    expect(() => readExportTable(compound, 'old.xlsx.xls')).toThrow('old.xlsx.xls is a legacy Excel 97-2003 workbook (.xls)');
    // Its name says what it is, for whoever catches it.
    expect(() => readExportTable(compound, 'old.xls')).toThrow(expect.objectContaining({ name: 'ExportFileError' }));
  });

  it('text that merely starts like a zip or a compound file is read as text', () => {
    const pk = readExportTable(utf8('PK,Name\n1,Ana\n2,Ben\n'), 'keys.csv');
    expect([pk.encoding, pk.separator, pk.headers, pk.rows]).toEqual(['UTF-8', ',', ['PK', 'Name'], [['1', 'Ana'], ['2', 'Ben']]]);
    // Ð (0xD0 in Windows-1252) then a semicolon: no compound file.
    const eth = readExportTable(cp1252('Ðe;Nom\nx;y\n'), 'eth.csv');
    expect([eth.encoding, eth.separator, eth.headers, eth.rows]).toEqual(['windows-1252', ';', ['Ðe', 'Nom'], [['x', 'y']]]);
  });

  it('a zip is read as a workbook whatever its name, and a file named .xlsx is one even without the zip signature', () => {
    const zip = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>'),
      'xl/worksheets/s.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a@example.org</t></is></c><c r="B2" t="inlineStr"><is><t>Ana</t></is></c></row></sheetData></worksheet>'),
    });
    const t = readExportTable(zip, 'export.csv');
    expect(t).toEqual({ encoding: 'xlsx', separator: null, headerLine: 1, headers: ['Email', 'Name'], rows: [['a@example.org', 'Ana']], rowLines: [2], candidates: [{ line: 1, cells: ['Email', 'Name'] }, { line: 2, cells: ['a@example.org', 'Ana'] }] });
    expect(() => readExportTable(utf8('Email,Name\na@example.org,Ana\n'), 'renamed.XLSX')).toThrow('renamed.XLSX is not a readable .xlsx workbook (its zip structure is damaged)');
    expect(readExportTable(utf8('Email,Name\na@example.org,Ana\n'), 'export.xlsx.csv').rows).toEqual([['a@example.org', 'Ana']]);
  });
});

describe('decodeExport: the encoding', () => {
  it('a byte-order mark says the encoding and is not part of the text', () => {
    expect(decodeExport(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9]), 'x.csv')).toEqual({ text: 'Aé', encoding: 'UTF-8' });
    expect(decodeExport(utf16('Aé', 'LE'), 'x.csv')).toEqual({ text: 'Aé', encoding: 'UTF-16LE' });
    expect(decodeExport(utf16('Aé', 'BE'), 'x.csv')).toEqual({ text: 'Aé', encoding: 'UTF-16BE' });
    // A second mark after the first is a character of the text (ignoreBOM), as any other.
    expect(decodeExport(Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]), 'x.csv')).toEqual({ text: '\uFEFFA', encoding: 'UTF-8' });
  });

  it('without a mark: UTF-8 when valid, else Windows-1252', () => {
    expect(decodeExport(utf8('Zoé;Müller'), 'x.csv')).toEqual({ text: 'Zoé;Müller', encoding: 'UTF-8' });
    // (Bytes 80-9F are left out: Node 20's TextDecoder reads them as Latin-1's control characters, browsers as € and quotes.)
    expect(decodeExport(cp1252('Zoé;Müller;Ångström'), 'x.csv')).toEqual({ text: 'Zoé;Müller;Ångström', encoding: 'windows-1252' });
  });

  it('UTF-16 without a mark: NULs at three in five of the pairs\' high bytes, and at no low byte', () => {
    // "abcΩΩ": 61 00 62 00 63 00 A9 03 A9 03 (LE): 3 NULs in 5 pairs.
    expect(decodeExport(utf16('abcΩΩ', 'LE', false), 'x.txt')).toEqual({ text: 'abcΩΩ', encoding: 'UTF-16LE' });
    expect(decodeExport(utf16('abcΩΩ', 'BE', false), 'x.txt')).toEqual({ text: 'abcΩΩ', encoding: 'UTF-16BE' });
    // Two characters are enough; one (two bytes) is not: "a" then NUL is refused as UTF-8 with a control character.
    expect(decodeExport(utf16('ab', 'LE', false), 'x.txt')).toEqual({ text: 'ab', encoding: 'UTF-16LE' });
    expect(() => decodeExport(utf16('a', 'LE', false), 'x.txt')).toThrow('x.txt is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+0000 at line 1)');
    // NULs on both sides ("Ā" is 00 01): no UTF-16 is guessed.
    expect(() => decodeExport(utf16('abcdĀ', 'LE', false), 'x.txt')).toThrow('x.txt is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+0000 at line 1)');
    expect(() => decodeExport(utf16('abcdĀ', 'BE', false), 'x.txt')).toThrow('x.txt is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+0000 at line 1)');
  });

  it('only the first 512 bytes are looked at to guess UTF-16', () => {
    // 256 Greek letters (no NUL in the first 512 bytes), then ASCII: not guessed as UTF-16.
    const text = `${'Ω'.repeat(256)}${'a'.repeat(300)}`;
    expect(() => decodeExport(utf16(text, 'LE', false), 'x.txt')).toThrow('x.txt is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+0003 at line 1)');
    // One ASCII letter in the first 512 bytes is not enough either.
    expect(() => decodeExport(utf16(`a${'Ω'.repeat(255)}${'a'.repeat(300)}`, 'LE', false), 'x.txt')).toThrow('(a control character U+0000 at line 1)');
    // An odd length: the last byte is left out of the guess, then refused as half a character.
    expect(() => decodeExport(Uint8Array.from([0x61, 0, 0x62, 0, 0x63, 0, 0x0a]), 'odd.txt'))
      .toThrow(new ExportFileError('odd.txt is marked as UTF-16LE text by its first bytes, but the rest is not valid UTF-16LE: export it again as CSV UTF-8.'));
    expect(() => decodeExport(Uint8Array.from([0x61, 0, 0x62, 0, 0x63, 0, 0]), 'odd.txt')).toThrow('odd.txt is marked as UTF-16LE text by its first bytes');
  });

  it('a mark followed by bytes of another encoding is refused, naming both', () => {
    expect(() => decodeExport(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x42]), 'x.csv'))
      .toThrow(new ExportFileError('x.csv is marked as UTF-8 text by its first bytes, but the rest is not valid UTF-8: export it again as CSV UTF-8.'));
    expect(() => decodeExport(Uint8Array.from([0xfe, 0xff, 0, 0x41, 0xd8, 0]), 'x.csv'))
      .toThrow(new ExportFileError('x.csv is marked as UTF-16BE text by its first bytes, but the rest is not valid UTF-16BE: export it again as CSV UTF-8.'));
  });

  it('control characters are refused with their code and line; tabs and line breaks are text', () => {
    expect(decodeExport(utf8('a\tb\r\nc\rd\ne'), 'x.csv').text).toBe('a\tb\r\nc\rd\ne');
    // Lines end at CRLF, CR or LF: the vertical tab is on line 4.
    expect(() => decodeExport(utf8('a\r\nb\rc\nd\u000Be'), 'x.csv'))
      .toThrow(new ExportFileError('x.csv is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+000B at line 4): export it again as CSV UTF-8.'));
    expect(() => decodeExport(utf8('ab\u007F'), 'x.csv')).toThrow('(a control character U+007F at line 1)');
    expect(() => decodeExport(utf8('ab\u009F'), 'x.csv')).toThrow('(a control character U+009F at line 1)');
    expect(() => decodeExport(utf8('ab\u001F'), 'x.csv')).toThrow('(a control character U+001F at line 1)');
    expect(() => decodeExport(utf8('ab\u000C'), 'x.csv')).toThrow('(a control character U+000C at line 1)');
    expect(() => decodeExport(utf8('ab\u0008'), 'x.csv')).toThrow('(a control character U+0008 at line 1)');
    expect(() => decodeExport(utf8('ab\u000E'), 'x.csv')).toThrow('(a control character U+000E at line 1)');
    expect(() => decodeExport(utf8('a\n\n\u0001'), 'x.csv')).toThrow('(a control character U+0001 at line 3)');
    expect(decodeExport(utf8('a\u00A0b'), 'x.csv').text).toBe('a\u00A0b');
  });

  it('the replacement character is refused at its line', () => {
    expect(() => decodeExport(utf8('a\r\nb\rc\uFFFD'), 'x.csv'))
      .toThrow(new ExportFileError('x.csv holds the replacement character \uFFFD at line 3, where an earlier conversion lost a letter: export the file again from its source, as CSV UTF-8.'));
    expect(() => decodeExport(utf8('\uFFFD'), 'x.csv')).toThrow('x.csv holds the replacement character \uFFFD at line 1,');
  });

  it('UTF-8 once read as Windows-1252 is refused, naming the letter it was', () => {
    // ł is C5 82; Windows-1252 shows C5 as Å and 82 as ‚.
    expect(() => decodeExport(utf8('Name\nPaweÅ‚\n'), 'pl.csv'))
      .toThrow(new ExportFileError('pl.csv holds "Å‚" at line 2, the mark of UTF-8 text once read as Windows-1252 and saved again (ł became Å‚): export the file again from its source as CSV UTF-8.'));
    // ° is C2 B0: "Â°".
    expect(() => decodeExport(utf8('a\nb\n25Â°C'), 'x.csv')).toThrow('x.csv holds "Â°" at line 3, the mark of UTF-8 text once read as Windows-1252 and saved again (° became Â°)');
    // ’ is E2 80 99: "â€™"; — is E2 80 94: "â€”".
    expect(() => decodeExport(utf8('Oâ€™Brien'), 'x.csv')).toThrow('x.csv holds "â€™" at line 1, the mark of UTF-8 text once read as Windows-1252 and saved again (’ became â€™)');
    expect(() => decodeExport(utf8('a â€” b'), 'x.csv')).toThrow('(— became â€”)');
    // Ä then a letter, Å then a space, â then € alone: names and prices, not damage.
    expect(decodeExport(utf8('Äpfel;Åsa Öberg;â€ 5;Ãx'), 'x.csv').text).toBe('Äpfel;Åsa Öberg;â€ 5;Ãx');
  });
});

describe('chooseSeparator', () => {
  it('judges the first 2,000 lines only: 1,990 lines by comma then 3,000 by semicolon is comma', () => {
    // Whole file: the semicolon run (3,000 rows of three fields) is the longest. Its first 2,000 lines:
    // 1,990 rows of two fields by comma, then 10 of three by semicolon, so the comma wins.
    const text = 'a,b\n'.repeat(1990) + 'a;b;c\n'.repeat(3000);
    expect(chooseSeparator(text)).toBe(',');
  });

  it('the separator giving the longest run of rows with as many fields', () => {
    expect(chooseSeparator('a;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(chooseSeparator('a\tb\n1\t2\n')).toBe('\t');
    // Three rows of two fields by semicolon beat one row of three by comma.
    expect(chooseSeparator('a;b\n1;2\n3;4\nx,y,z\n')).toBe(';');
  });

  it('of two runs as long, the one with more fields; of two alike, comma before semicolon before tab', () => {
    expect(chooseSeparator('a,b;c;d\n1,2;3;4\n')).toBe(';');
    expect(chooseSeparator('a;b,c,d\n1;2,3,4\n')).toBe(',');
    expect(chooseSeparator('a,b;c\n1,2;3\n')).toBe(',');
    expect(chooseSeparator('a;b\tc\n1;2\t3\n')).toBe(';');
    // A wider but shorter run coming later does not win.
    expect(chooseSeparator('a,b\nc,d\ne,f;g;h\n')).toBe(',');
  });

  it('a blank line ends a run; one column alone is no run: comma when nothing else has one', () => {
    // By comma: runs of 1 and 2; by semicolon: one run of 3 (the blank line in between breaks the comma run).
    expect(chooseSeparator('a,b\n\nc,d\ne,f\nx;y\nx;y\nx;y\n')).toBe(';');
    expect(chooseSeparator('Name\nAna\nBen\n')).toBe(',');
    expect(chooseSeparator('')).toBe(',');
  });

  it('a separator whose quotes never close is passed over', () => {
    // By semicolon the quote opens a field and never closes; by comma it sits inside a field.
    expect(chooseSeparator('a;b\n1;"2\n3;4\n')).toBe(',');
  });
});

describe('readExportTable: the header and the rows below it', () => {
  const known = (cell: string) => ({ 'first name': 'given', 'last name': 'family', email: 'email', 'e-mail': 'email' } as Record<string, string>)[cell.trim().toLowerCase()];

  it('the header is the row naming the most known columns, each counted once; of two naming as many, the wider; of two alike, the first', () => {
    const t = readExportTable(utf8('Email,E-mail,x,y\nFirst name,Last name\nFirst name,Email,,\nq,r,s,t\n'), 'x.csv', { knownHeader: known });
    expect([t.headerLine, t.headers]).toEqual([2, ['First name', 'Last name']]);
    const wider = readExportTable(utf8('First name,Last name, , \nFirst name,Last name,Note,\nAna,One,x,\n'), 'x.csv', { knownHeader: known });
    expect([wider.headerLine, wider.rows]).toEqual([2, [['Ana', 'One', 'x', '']]]);
    const first = readExportTable(utf8('First name,Last name\nLast name,First name\nAna,One\n'), 'x.csv', { knownHeader: known });
    expect([first.headerLine, first.rows]).toEqual([1, [['Last name', 'First name'], ['Ana', 'One']]]);
    // A wider row naming fewer known columns is not the header.
    const fewer = readExportTable(utf8('First name,Last name\nAna,One\nEmail,x,y\n'), 'x.csv', { knownHeader: known });
    expect([fewer.headerLine, fewer.rows]).toEqual([1, [['Ana', 'One'], ['Email', 'x', 'y']]]);
    // Rows naming none are no header, however wide: the table's first row is.
    const none = readExportTable(utf8('Title,Sub,More\nA,B\n1,2\n3,4\n'), 'x.csv', { knownHeader: known });
    expect([none.headerLine, none.headers]).toEqual([2, ['A', 'B']]);
  });

  it('a header on the first line is taken even when the rows below are wider', () => {
    const t = readExportTable(utf8('First name,Last name\nAna,One,x\nBen,Two,y\n'), 'x.csv', { knownHeader: known });
    expect([t.headerLine, t.rows]).toEqual([1, [['Ana', 'One', 'x'], ['Ben', 'Two', 'y']]]);
  });

  it('without a known column, the first row of the longest table is the header; of two as long, the first', () => {
    const t = readExportTable(utf8('Title\nSub title\nMore\nEven more\nA,B\n1,2\n'), 'x.csv', { knownHeader: known });
    expect([t.separator, t.headerLine, t.headers, t.rows]).toEqual([',', 5, ['A', 'B'], [['1', '2']]]);
    const two = readExportTable(utf8('A,B\n1,2\n\nC,D\n3,4\n'), 'x.csv');
    expect([two.headerLine, two.rows, two.rowLines]).toEqual([1, [['1', '2'], ['C', 'D'], ['3', '4']], [2, 4, 5]]);
    const longer = readExportTable(utf8('A,B\n1,2\n\nC,D,E\n3,4,5\n6,7,8\n'), 'x.csv');
    expect([longer.headerLine, longer.rows]).toEqual([4, [['3', '4', '5'], ['6', '7', '8']]]);
  });

  it('a file of one column: its first filled line is the header', () => {
    const t = readExportTable(utf8('\n\nEmail\na@example.org\n\nb@example.org\n'), 'x.csv');
    expect([t.headerLine, t.headers, t.rows, t.rowLines]).toEqual([3, ['Email'], [['a@example.org'], ['b@example.org']], [4, 6]]);
  });

  it('a file with nothing in it but separators and spaces holds no rows', () => {
    expect(() => readExportTable(utf8(',,\n , ,\n'), 'x.csv')).toThrow(new ExportFileError('x.csv holds no rows: export the file again.'));
    expect(() => readExportTable(Uint8Array.from([0xef, 0xbb, 0xbf]), 'bom.csv')).toThrow(new ExportFileError('bom.csv holds no rows: export the file again.'));
  });

  it('the header line a person chose, unless it is blank or inside another row', () => {
    const text = 'Title\nFirst name,Last name,Note\nAna,One,"two\nlines"\n\nBen,Two,x\n';
    const t = readExportTable(utf8(text), 'x.csv', { knownHeader: known, headerLine: 3 });
    expect([t.headerLine, t.headers, t.rows, t.rowLines]).toEqual([3, ['Ana', 'One', 'two\nlines'], [['Ben', 'Two', 'x']], [6]]);
    expect(() => readExportTable(utf8(text), 'x.csv', { headerLine: 4 })).toThrow(new ExportFileError('Line 4 of x.csv is blank or inside another row: choose another header line.'));
    expect(() => readExportTable(utf8(text), 'x.csv', { headerLine: 5 })).toThrow('Line 5 of x.csv is blank or inside another row');
    expect(() => readExportTable(utf8(text), 'x.csv', { headerLine: 9 })).toThrow('Line 9 of x.csv is blank or inside another row');
  });

  it('the header\'s cells are trimmed, its rows are kept as written', () => {
    const t = readExportTable(utf8(' First name , Last name \n Ana , One \n'), 'x.csv', { knownHeader: known });
    expect([t.headers, t.rows]).toEqual([['First name', 'Last name'], [[' Ana ', ' One ']]]);
  });

  it('a repeat of a header written with spaces is not a row either', () => {
    const t = readExportTable(utf8('First name , Last name\nAna,One\nFirst name,Last name\n'), 'x.csv', { knownHeader: known });
    expect([t.headers, t.rows]).toEqual([['First name', 'Last name'], [['Ana', 'One']]]);
  });

  it('a repeat of the header, spaces aside, is not a row; a row that only starts like it is', () => {
    const t = readExportTable(utf8('First name,Last name\nAna,One\n First name ,Last name\nFirst name,Other\nLast name,First name\nFirst name,Last name,\n'), 'x.csv', { knownHeader: known });
    expect([t.headerLine, t.rows, t.rowLines]).toEqual([1, [['Ana', 'One'], ['First name', 'Other'], ['Last name', 'First name'], ['First name', 'Last name', '']], [2, 4, 5, 6]]);
  });

  it('a blank line then rows of another width ends the table; then rows as wide goes on', () => {
    const t = readExportTable(utf8('First name,Last name\nAna,One\n\n\nBen,Two\n\nTotal,2,people\nCy,Three\n'), 'x.csv', { knownHeader: known });
    expect([t.rows, t.rowLines]).toEqual([[['Ana', 'One'], ['Ben', 'Two']], [2, 5]]);
    const end = readExportTable(utf8('First name,Last name\nAna,One\n\n\n'), 'x.csv', { knownHeader: known });
    expect(end.rows).toEqual([['Ana', 'One']]);
  });

  it('a lone title line then rows of another width ends the table; a lone line among rows as wide is a row', () => {
    const t = readExportTable(utf8('First name,Last name\nAna,One\nNote\nBen,Two\nSummary\nTotal,2,people\n'), 'x.csv', { knownHeader: known });
    expect([t.rows, t.rowLines]).toEqual([[['Ana', 'One'], ['Note'], ['Ben', 'Two']], [2, 3, 4]]);
    // The last line, or one before a blank line, is a row too.
    const last = readExportTable(utf8('First name,Last name\nAna,One\nNote\n\nBen,Two\nEnd\n'), 'x.csv', { knownHeader: known });
    expect([last.rows, last.rowLines]).toEqual([[['Ana', 'One'], ['Note'], ['Ben', 'Two'], ['End']], [2, 3, 5, 6]]);
    // A table of one column has no title lines: every line is a row.
    const one = readExportTable(utf8('Email\na@example.org\nb@example.org,x\n'), 'x.csv', { knownHeader: known });
    expect(one.rows).toEqual([['a@example.org'], ['b@example.org', 'x']]);
  });

  it('the first 40 filled lines are offered as header candidates', () => {
    const text = `Title\n\n${Array.from({ length: 45 }, (_, i) => `r${i + 1},x`).join('\n')}\n`;
    const t = readExportTable(utf8(text), 'x.csv');
    expect(t.candidates).toHaveLength(40);
    expect(t.candidates[0]).toEqual({ line: 1, cells: ['Title'] });
    expect(t.candidates[1]).toEqual({ line: 3, cells: ['r1', 'x'] });
    expect(t.candidates[39]).toEqual({ line: 41, cells: ['r39', 'x'] });
  });

  it('a quote never closed is refused with its line', () => {
    expect(() => readExportTable(utf8('First name,Last name\nAna,"One'), 'open.csv'))
      .toThrow(new ExportFileError('open.csv cannot be read as comma-separated text (a quote opened near line 2 is never closed): export it again as CSV UTF-8.'));
  });

  it('a quote left open past the first 2,000 lines (those the separator is chosen on) is refused too', () => {
    const text = `First name;Last name\n${'Ana;One\n'.repeat(2003)}Ben;"Two`;
    expect(() => readExportTable(utf8(text), 'long.csv'))
      .toThrow(new ExportFileError('long.csv cannot be read as semicolon-separated text (a quote opened near line 2005 is never closed): export it again as CSV UTF-8.'));
  });
});

describe('readExportTable: sections of an .xlsx sheet', () => {
  const sheet = (rows: string[][]) => {
    const xml = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, k) => (c === '' ? '' : `<c r="${String.fromCharCode(65 + k)}${r + 1}" t="inlineStr"><is><t>${c}</t></is></c>`)).join('')}</row>`).join('');
    return zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>'),
      'xl/worksheets/s.xml': strToU8(`<worksheet><sheetData>${xml}</sheetData></worksheet>`),
    });
  };
  const known = (cell: string) => ({ 'first name': 'given', 'last name': 'family', email: 'email' } as Record<string, string>)[cell.trim().toLowerCase()];

  it('an empty row then a lone title cell ends the table; an empty row then a row of the table does not', () => {
    // Rows 1-9; the empty rows 4 and 7 are blank lines. Row 8's title ends the table, as would a title with blanks after it.
    const t = readExportTable(sheet([
      ['First name', 'Last name', 'Email'], ['Ana', 'One', 'a@example.org'], ['Ben', 'Two', ''], [], ['', 'Cy', ''], ['Dee', 'Four', 'd@example.org'], [], ['Summary', ' ', ''], ['Total', '4', ''],
    ]), 'list.xlsx', { knownHeader: known });
    expect([t.headerLine, t.rows, t.rowLines]).toEqual([1, [['Ana', 'One', 'a@example.org'], ['Ben', 'Two', ''], ['', 'Cy', ''], ['Dee', 'Four', 'd@example.org']], [2, 3, 5, 6]]);
  });

  it('a sheet of one column goes on past an empty row', () => {
    const t = readExportTable(sheet([['Email'], ['a@example.org'], [], ['b@example.org']]), 'list.xlsx', { knownHeader: known });
    expect([t.rows, t.rowLines]).toEqual([[['a@example.org'], ['b@example.org']], [2, 4]]);
  });
});
