// readXlsxFirstSheet on small workbooks built in memory: which sheet is the first, where each cell
// lands, what each kind of cell shows (shared, inline, formula, boolean, error, number, date, time),
// and the one sentence a damaged or foreign file gets. Every expected row is worked out by hand.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ExportFileError } from './export-file.js';
import { readXlsxFirstSheet } from './export-xlsx.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

interface Parts {
  /** The sheetData's content. */
  readonly rows?: string;
  /** The whole first worksheet part, instead of `rows`. */
  readonly sheetXml?: string;
  readonly workbook?: string;
  readonly rels?: string;
  readonly shared?: string;
  readonly styles?: string;
  readonly extra?: Record<string, Uint8Array>;
}

/** A workbook whose one sheet (rId1, worksheets/sheet1.xml) holds `rows`. */
function book(p: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(p.workbook ?? `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(p.rels ?? `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(p.sheetXml ?? `<worksheet ${NS}><sheetData>${p.rows ?? ''}</sheetData></worksheet>`),
    ...p.extra,
  };
  if (p.shared !== undefined) files['xl/sharedStrings.xml'] = strToU8(`<sst ${NS}>${p.shared}</sst>`);
  if (p.styles !== undefined) files['xl/styles.xml'] = strToU8(`<styleSheet ${NS}>${p.styles}</styleSheet>`);
  return zipSync(files, { level: 0 });
}

const read = (bytes: Uint8Array) => readXlsxFirstSheet(bytes, 'export.xlsx');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Rewrites a stored entry's central-directory record: its compression method or its declared size. */
function patchEntry(zip: Uint8Array, name: string, patch: { method?: number; originalSize?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength)) !== name) continue;
    if (patch.method !== undefined) view.setUint16(i + 10, patch.method, true);
    if (patch.originalSize !== undefined) view.setUint32(i + 24, patch.originalSize, true);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

describe('where each cell lands', () => {
  it('a reference\'s letters give the column (AA is the 27th, lower case too); a cell without one follows the cell before', () => {
    const lines = read(book({
      rows: `<row r="1">${inline('A1', 'Name')}${inline('C1', 'Email')}</row>`
        + `<row r="2"><c t="inlineStr"><is><t>Ana</t></is></c><c t="inlineStr"><is><t>One</t></is></c>${inline('d2', 'ana@example.org')}<c t="inlineStr"><is><t>x</t></is></c></row>`
        + `<row r="3">${inline('AA3', 'far')}</row>`
        + `<row r="12">${inline('B12', 'twelve')}</row>`,
    }));
    const pad = (cells: string[]) => [...cells, ...Array<string>(27 - cells.length).fill('')];
    expect(lines).toEqual([
      { line: 1, cells: pad(['Name', '', 'Email']) },
      { line: 2, cells: pad(['Ana', 'One', '', 'ana@example.org', 'x']) },
      { line: 3, cells: [...Array<string>(26).fill(''), 'far'] },
      { line: 4, cells: [''] },
      { line: 12, cells: pad(['', 'twelve']) },
    ]);
  });

  it('a row without its number follows the row before; rows are numbered from the first', () => {
    const lines = read(book({ rows: `<row>${inline('A1', 'a')}</row><row>${inline('A2', 'b')}</row><row r="7">${inline('A7', 'c')}</row><row>${inline('A8', 'd')}</row>` }));
    expect(lines).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
      { line: 3, cells: [''] },
      { line: 7, cells: ['c'] },
      { line: 8, cells: ['d'] },
    ]);
  });

  it('a gap between rows is one blank line, as in a CSV; none before the first row; rows of only spaces are gaps too', () => {
    const lines = read(book({
      rows: `<row r="3">${inline('A3', 'Title')}</row><row r="4">${inline('A4', 'Given')}${inline('B4', 'Family')}${inline('C4', 'Email')}</row>`
        + `<row r="5">${inline('A5', '  ')}${inline('B5', '')}</row><row r="6">${inline('B6', 'One')}</row>`
        + '<row r="7"></row><row r="9"><c r="A9"><v>1</v></c></row>',
    }));
    expect(lines).toEqual([
      { line: 3, cells: ['Title', '', ''] },
      { line: 4, cells: ['Given', 'Family', 'Email'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['', 'One', ''] },
      { line: 7, cells: [''] },
      { line: 9, cells: ['1', '', ''] },
    ]);
  });

  it('an empty sheet gives no lines', () => {
    expect(read(book({ rows: '' }))).toEqual([]);
    expect(read(book({ rows: `<row r="1">${inline('A1', ' ')}</row>` }))).toEqual([]);
  });

  it('elements with a namespace prefix are read as the same elements', () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const lines = read(book({
      sheetXml: `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      shared: '<si><t>zero</t></si><si><t>one</t></si>',
    }));
    expect(lines).toEqual([{ line: 1, cells: ['', 'one', 'inline'] }]);
  });
});

describe('what each cell shows', () => {
  it('shared strings: runs joined, phonetic readings left out, escapes decoded, an index past the end empty', () => {
    const lines = read(book({
      shared: '<si><t>Zoé</t></si><si><r><t>Lef</t></r><r><rPr><b/></rPr><t>èvre</t></r></si>'
        + '<si><r><t>山</t></r><rPh sb="0" eb="1"><t>やま</t></rPh><r><t>田</t></r><rPh sb="1" eb="2"><t>だ</t></rPh></si><si><t>A_x000A_B</t></si>',
      rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>9</v></c><c r="F1" t="s"><v>0</v></c></row>',
    }));
    expect(lines).toEqual([{ line: 1, cells: ['Zoé', 'Lefèvre', '山田', 'A\nB', '', 'Zoé'] }]);
  });

  it('a text outside any <t> of a shared string is not part of it', () => {
    const lines = read(book({ shared: '<si>stray<t>kept</t>stray</si>', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }));
    expect(lines).toEqual([{ line: 1, cells: ['kept'] }]);
  });

  it('inline strings and formula results decode escapes; booleans are TRUE and FALSE; errors and numbers as written', () => {
    const lines = read(book({
      rows: '<row r="1">'
        + '<c r="A1" t="inlineStr"><is><t>Tab_x0009_here</t></is></c>'
        + '<c r="B1" t="str"><f>"x"&amp;"y"</f><v>x_x005F_x0041_y</v></c>'
        + '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>'
        + '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        + '<c r="F1"><v>3.25</v></c><c r="G1" t="n"><v>-7</v></c>'
        + '<c r="H1" t="str"><f>A1</f></c>'
        + '</row>',
    }));
    expect(lines).toEqual([{ line: 1, cells: ['Tab\there', 'x_x0041_y', 'TRUE', 'FALSE', '#DIV/0!', '3.25', '-7', ''] }]);
  });

  it('a formula\'s text is never its value: only its cached result is read', () => {
    const lines = read(book({ rows: '<row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>5</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>' }));
    expect(lines).toEqual([{ line: 1, cells: ['5', 'ab'] }]);
  });
});

describe('numbers formatted as dates and times', () => {
  // cellStyleXfs comes first in styles.xml and is not what a cell's s= indexes: its date format must not count.
  const styles = '<numFmts count="6"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="&quot;Day &quot;0"/>'
    + '<numFmt numFmtId="166" formatCode="[Red]0.0"/><numFmt numFmtId="167" formatCode="\\d0"/><numFmt numFmtId="168" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="169"/></numFmts>'
    + '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
    + '<cellXfs count="12">'
    + '<xf numFmtId="0" applyAlignment="1"><alignment horizontal="center"/></xf>' // 0 General, with what Excel writes inside an xf
    + '<xf numFmtId="14"/>' // 1 built-in date
    + '<xf numFmtId="20"/>' // 2 built-in h:mm
    + '<xf numFmtId="164"/>' // 3 custom, no date letters
    + '<xf numFmtId="165"/>' // 4 a d inside quotes only
    + '<xf numFmtId="166"/>' // 5 a d inside brackets only
    + '<xf numFmtId="167"/>' // 6 an escaped d only
    + '<xf numFmtId="168"/>' // 7 custom date
    + '<xf/>' // 8 no format: General
    + '<xf numFmtId="22"/>' // 9 built-in date and time
    + '<xf numFmtId="169"/>' // 10 custom without a code
    + '<xf numFmtId="13"/>' // 11 built-in fraction
    + '</cellXfs><extLst><ext uri="x"><xf numFmtId="14"/></ext></extLst>';
  const cells = (values: [number, string][]) => `<row r="1">${values.map(([s, v], i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${v}</v></c>`).join('')}</row>`;
  const shown = (values: [number, string][], workbook?: string) => read(book({ styles, rows: cells(values), ...(workbook ? { workbook } : {}) }))[0]!.cells;

  it('only a format that shows a day, month, year, hour or second makes a number a date', () => {
    // 46169 is 27 May 2026 in the 1900 date system.
    expect(shown([[0, '46169'], [1, '46169'], [3, '46169'], [4, '46169'], [5, '46169'], [6, '46169'], [7, '46169'], [8, '46169'], [9, '46169.75'], [10, '46169'], [11, '46169']]))
      .toEqual(['46169', '2026-05-27', '46169', '46169', '46169', '46169', '2026-05-27', '46169', '2026-05-27 18:00', '46169', '46169']);
  });

  it('a cell without a style has the first cell format, as the format says', () => {
    const firstIsDate = '<cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="0"/></cellXfs>';
    const lines = read(book({ styles: firstIsDate, rows: '<row r="1"><c r="A1"><v>46169</v></c><c r="B1" s="1"><v>46169</v></c></row>' }));
    expect(lines).toEqual([{ line: 1, cells: ['2026-05-27', '46169'] }]);
  });

  it('a style index past the cell formats list (an xf elsewhere in styles.xml is none), and a workbook without styles, show the number', () => {
    expect(shown([[12, '46169']])).toEqual(['46169']);
    expect(read(book({ rows: cells([[1, '46169']]) }))[0]!.cells).toEqual(['46169']);
  });

  it('a fraction of a day alone is a time; zero is midnight; seconds are dropped, never rounded up', () => {
    // 0.75 days = 18:00; 0.9993055 days = 86,339,995 ms = 23:58:59.995, so 23:58; 0.99999 = 23:59:59.136, so
    // 23:59; 1/96 as a program stores it (0.010416666666666666) = 900,000 ms, 00:15 exactly, while the
    // written-out 0.0104166 = 899,994 ms = 00:14:59.994, so 00:14; 36165/86400 = 10:02:45, so 10:02;
    // 0.9999999999 is within a millisecond of 24:00 (86,399,999.99 ms rounds to 86,400,000): midnight.
    expect(shown([[2, '0.75'], [2, '0'], [2, '0.9993055'], [2, '0.99999'], [2, '0.010416666666666666'], [2, '0.0104166'], [2, String(36165 / 86400)], [2, '0.9999999999']]))
      .toEqual(['18:00', '00:00', '23:58', '23:59', '00:15', '00:14', '10:02', '00:00']);
  });

  it('a date and time drops its seconds; only a value within a millisecond of midnight is the next day', () => {
    // 46169 is 27 May 2026. 46169.0104166: 00:14:59.994, so 00:14; 46169.99999: 23:59:59.136, still 27 May
    // 23:59 (a registration at 23:59:59 on the deadline day is on time); 46169.9999999999: within a
    // millisecond of midnight, 28 May; 1.25: 1 January 1900 06:00; 46169.5: noon; 1: 1 January 1900.
    expect(shown([[1, '46169.0104166'], [1, '46169.99999'], [1, '46169.9999999999'], [1, '1.25'], [9, '46169.5'], [1, '1']]))
      .toEqual(['2026-05-27 00:14', '2026-05-27 23:59', '2026-05-28', '1900-01-01 06:00', '2026-05-27 12:00', '1900-01-01']);
  });

  it('a number no date system reaches is shown as written; an empty date cell stays empty', () => {
    const lines = read(book({ styles, rows: '<row r="1"><c r="A1" s="1"><v>-1</v></c><c r="B1" s="1"/><c r="C1" s="1"><v></v></c><c r="D1" s="1"><v>3000000</v></c><c r="E1" s="2"><v>-0.5</v></c></row>' }));
    expect(lines).toEqual([{ line: 1, cells: ['-1', '', '', '3000000', '-0.5'] }]);
  });

  it('text, booleans, errors and ISO dates in a date-formatted cell stay as they are', () => {
    const lines = read(book({ styles, shared: '<si><t>46169</t></si>', rows: '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="b"><v>1</v></c><c r="C1" s="1" t="str"><v>46169</v></c><c r="D1" s="1" t="e"><v>#N/A</v></c><c r="E1" s="1" t="d"><v>2026</v></c></row>' }));
    expect(lines).toEqual([{ line: 1, cells: ['46169', 'TRUE', '46169', '#N/A', '2026'] }]);
  });

  it('the 1904 date system, as the workbook declares it with 1 or true, moves dates by 1,462 days but not times', () => {
    const wb = (pr: string) => `<workbook ${NS}>${pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    // 46169 + 1462 = 47631: four years and a day later, 28 May 2030.
    const values: [number, string][] = [[1, '46169'], [9, '46169.5'], [2, '0.5']];
    expect(shown(values, wb('<workbookPr date1904="1"/>'))).toEqual(['2030-05-28', '2030-05-28 12:00', '12:00']);
    expect(shown(values, wb('<workbookPr date1904="true"/>'))).toEqual(['2030-05-28', '2030-05-28 12:00', '12:00']);
    expect(shown(values, wb('<workbookPr date1904="0"/>'))).toEqual(['2026-05-27', '2026-05-27 12:00', '12:00']);
    expect(shown(values, wb('<workbookPr date1904="false" codeName="x"/>'))).toEqual(['2026-05-27', '2026-05-27 12:00', '12:00']);
    expect(shown(values, wb('<workbookPr/>'))).toEqual(['2026-05-27', '2026-05-27 12:00', '12:00']);
    // In 1904, a fraction of a day is still a time of day, and -1 is the day before 1 January 1904.
    expect(shown([[2, '0.25'], [1, '-1']], wb('<workbookPr date1904="1"/>'))).toEqual(['06:00', '1903-12-31']);
  });
});

describe('which sheet is the first', () => {
  const rels = (targets: [string, string][]) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map(([id, t]) => `<Relationship Id="${id}" Type="${REL}" Target="${t}"/>`).join('')}</Relationships>`;
  const sheet = (text: string) => strToU8(`<worksheet ${NS}><sheetData><row r="1">${inline('A1', text)}</row></sheetData></worksheet>`);

  it('the first sheet of the workbook, whatever its relationship\'s id or part name', () => {
    const bytes = book({
      workbook: `<workbook ${NS}><sheets><sheet name="Export" sheetId="2" r:id="rId9"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      rels: rels([['rId1', 'worksheets/sheet1.xml'], ['rId9', 'worksheets/sheet2.xml']]),
      extra: { 'xl/worksheets/sheet2.xml': sheet('second part, first sheet') },
    });
    expect(read(bytes)).toEqual([{ line: 1, cells: ['second part, first sheet'] }]);
  });

  it('the sheet\'s r:id is its relationship, before an id of another prefix, and ids on other elements do not count', () => {
    const bytes = book({
      workbook: `<workbook ${NS} xmlns:x="x"><bookViews><workbookView r:id="rId1"/></bookViews><sheets><sheet name="A" sheetId="1" x:id="rId1" r:id="rId2"/></sheets></workbook>`,
      rels: rels([['rId1', 'worksheets/sheet1.xml'], ['rId2', 'worksheets/sheet2.xml']]),
      extra: { 'xl/worksheets/sheet2.xml': sheet('A') },
    });
    expect(read(bytes)).toEqual([{ line: 1, cells: ['A'] }]);
  });

  it('the sheet\'s relationship among the workbook\'s others (theme, styles, shared strings after it)', () => {
    const bytes = book({
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet1.xml"/>`
        + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      shared: '<si><t>from the sheet</t></si>',
      styles: '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>',
    });
    expect(read(bytes)).toEqual([{ line: 1, cells: ['from the sheet'] }]);
  });

  it('only Relationship elements give the sheet\'s part: another element with the same Id does not', () => {
    const bytes = book({
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet1.xml"/><x:Note xmlns:x="x" Id="rId1" Target="nowhere.xml"/></Relationships>`,
      rows: `<row r="1">${inline('A1', 'kept')}</row>`,
    });
    expect(read(bytes)).toEqual([{ line: 1, cells: ['kept'] }]);
  });

  it('a relationship id under another prefix than r:', () => {
    const bytes = book({
      workbook: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" id="rId1" rel:id="rId2"/><sheet name="B" sheetId="2" rel:id="rId1"/></sheets></workbook>`,
      rels: rels([['rId1', 'worksheets/sheet1.xml'], ['rId2', 'worksheets/sheet2.xml']]),
      extra: { 'xl/worksheets/sheet2.xml': sheet('A') },
    });
    expect(read(bytes)).toEqual([{ line: 1, cells: ['A'] }]);
  });

  it('a target from the package root, or through ".."', () => {
    const absolute = book({ rels: rels([['rId1', '/xl/data/first.xml']]), extra: { 'xl/data/first.xml': sheet('absolute') } });
    expect(read(absolute)).toEqual([{ line: 1, cells: ['absolute'] }]);
    const relative = book({ rels: rels([['rId1', 'worksheets/../data/first.xml']]), extra: { 'xl/data/first.xml': sheet('relative') } });
    expect(read(relative)).toEqual([{ line: 1, cells: ['relative'] }]);
  });

  it('a first sheet without a relationship id has no worksheet to read', () => {
    const bytes = book({ workbook: `<workbook ${NS}><sheets><sheet name="S" sheetId="1"/></sheets></workbook>` });
    expect(() => read(bytes)).toThrow(new ExportFileError('export.xlsx has no worksheet to read: save it from Excel as .xlsx again.'));
  });

  it('a relationship of another id is not the first sheet\'s', () => {
    const bytes = book({ rels: rels([['rId2', 'worksheets/sheet1.xml']]) });
    expect(() => read(bytes)).toThrow(new ExportFileError('export.xlsx has no worksheet to read: save it from Excel as .xlsx again.'));
  });
});

describe('files that are not a readable workbook get one sentence', () => {
  it('a workbook without sheets, or without its relationships part', () => {
    expect(() => read(book({ workbook: `<workbook ${NS}><sheets/></workbook>` })))
      .toThrow(new ExportFileError('export.xlsx has no worksheet to read: save it from Excel as .xlsx again.'));
    const noRels = zipSync({ 'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) });
    expect(() => read(noRels)).toThrow(new ExportFileError('export.xlsx has no worksheet to read: save it from Excel as .xlsx again.'));
  });

  it('a sheet part that is missing', () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="worksheets/sheet9.xml"/></Relationships>`),
    });
    expect(() => read(bytes)).toThrow(new ExportFileError('export.xlsx lacks its first worksheet (xl/worksheets/sheet9.xml): save it from Excel as .xlsx again.'));
  });

  it('a damaged zip, and bytes that are no zip at all', () => {
    const good = book({ rows: `<row r="1">${inline('A1', 'a')}</row>` });
    expect(() => read(good.subarray(0, good.length - 30))).toThrow(new ExportFileError('export.xlsx is not a readable .xlsx workbook (its zip structure is damaged): open it in Excel and save it again.'));
    expect(() => read(strToU8('First name,Last name\nAna,One\nBen,Two\n'))).toThrow(new ExportFileError('export.xlsx is not a readable .xlsx workbook (its zip structure is damaged): open it in Excel and save it again.'));
  });

  it('an OpenDocument spreadsheet, and a zip of something else', () => {
    expect(() => read(zipSync({ 'mimetype': strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') })))
      .toThrow(new ExportFileError('export.xlsx is an OpenDocument spreadsheet (.ods): save it as .xlsx or as CSV UTF-8, then import that.'));
    expect(() => read(zipSync({ 'word/document.xml': strToU8('<w:document/>') })))
      .toThrow(new ExportFileError('export.xlsx is not an .xlsx workbook (a zip without a workbook part): save it from Excel as .xlsx or as CSV UTF-8.'));
  });

  it('XML that is not well-formed, in any part read', () => {
    const message = new ExportFileError('export.xlsx holds XML that is not well-formed: open it in Excel and save it again.');
    expect(() => read(book({ rows: '<row r="1"><c r="A1"><v>1</v></row>' }))).toThrow(message);
    expect(() => read(book({ rows: '', shared: '<si><t>a</si>' }))).toThrow(message);
    expect(() => read(book({ rows: '', styles: '<cellXfs><xf></cellXfs>' }))).toThrow(message);
    expect(() => read(book({ workbook: `<workbook ${NS}><sheets>` }))).toThrow(message);
  });

  it('a DOCTYPE, which no workbook has, is refused before any entity is read', () => {
    const sheetXml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "boom">]><worksheet ${NS}><sheetData><row r="1">${inline('A1', 'a')}</row></sheetData></worksheet>`;
    expect(() => read(book({ sheetXml }))).toThrow(new ExportFileError('export.xlsx holds a DOCTYPE, which no workbook has: it is refused.'));
  });

  it('a part inflating past 128 MB is refused by its declared size, even a part that is not read', () => {
    const base = book({ rows: `<row r="1">${inline('A1', 'a')}</row>`, extra: { 'xl/media/image1.png': Uint8Array.from([1, 2, 3]) } });
    expect(read(patchEntry(base, 'xl/media/image1.png', { originalSize: 128 * 1024 * 1024 }))).toEqual([{ line: 1, cells: ['a'] }]);
    expect(() => read(patchEntry(base, 'xl/media/image1.png', { originalSize: 128 * 1024 * 1024 + 1 })))
      .toThrow(new ExportFileError('export.xlsx has a part (xl/media/image1.png) too large for an export: save the sheet as CSV UTF-8 instead.'));
  });

  it('only XML and relationship parts are unpacked: a picture in a form no reader knows does not stop the import', () => {
    const base = book({ rows: `<row r="1">${inline('A1', 'a')}</row>`, extra: { 'xl/media/image1.png': Uint8Array.from([1, 2, 3]), 'xl/media/sheet.xml.bak': Uint8Array.from([4, 5]) } });
    const odd = patchEntry(patchEntry(base, 'xl/media/image1.png', { method: 99 }), 'xl/media/sheet.xml.bak', { method: 99 });
    expect(read(odd)).toEqual([{ line: 1, cells: ['a'] }]);
    // The same unknown compression on a part that is read: the zip is damaged.
    expect(() => read(patchEntry(base, 'xl/_rels/workbook.xml.rels', { method: 99 }))).toThrow('export.xlsx is not a readable .xlsx workbook (its zip structure is damaged)');
    expect(() => read(patchEntry(base, 'xl/worksheets/sheet1.xml', { method: 99 }))).toThrow('export.xlsx is not a readable .xlsx workbook (its zip structure is damaged)');
  });
});
