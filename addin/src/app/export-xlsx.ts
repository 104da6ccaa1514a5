// Reads the first sheet of an .xlsx export (registration systems and form services that export only
// workbooks) as rows of text, in the browser and in Node: fflate unzips, saxes parses the XML.
// Used by the pane's imports only; the pipeline reads workbooks with its own streaming reader.
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { decodeXstring } from '../../../pipeline/xlsx/xstring.js';
import { DATE_1904_OFFSET, serialToIsoDate } from '../../../templates/contract/index.js';
import { ExportFileError, type ExportLine } from './export-file.js';

/** A part inflating past this is refused (an export's sheet is a few MB). */
const PART_MAX_BYTES = 128 * 1024 * 1024;

/**
 * The first sheet's rows (ECMA-376 Part 1, SpreadsheetML: workbook.xml's first `sheet`, found through
 * its relationship; shared strings, inline strings, formula results and booleans as text; numbers
 * formatted as a date or time shown as `2026-05-20`, `2026-05-20 09:14` or `09:14`, in the 1900 or
 * 1904 date system the workbook declares). Part names are matched case-insensitively, as Office does.
 * Excel's `_xHHHH_` escapes in strings are decoded.
 *
 * @param bytes the .xlsx file
 * @param fileName for messages
 * @returns one ExportLine per non-empty row, `line` being the sheet's row number
 * @throws ExportFileError when it is not a readable workbook
 */
export function readXlsxFirstSheet(bytes: Uint8Array, fileName: string): ExportLine[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > PART_MAX_BYTES) throw new ExportFileError(`${fileName} has a part (${f.name}) too large for an export: save the sheet as CSV UTF-8 instead.`);
        return /\.(xml|rels)$/i.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof ExportFileError) throw e;
    throw new ExportFileError(`${fileName} is not a readable .xlsx workbook (its zip structure is damaged): open it in Excel and save it again.`);
  }
  const byName = new Map(Object.entries(parts).map(([k, v]) => [k.toLowerCase(), v]));
  const text = (name: string) => {
    const b = byName.get(name.toLowerCase());
    return b === undefined ? undefined : new TextDecoder('utf-8').decode(b);
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) {
    if (byName.has('content.xml')) throw new ExportFileError(`${fileName} is an OpenDocument spreadsheet (.ods): save it as .xlsx or as CSV UTF-8, then import that.`);
    throw new ExportFileError(`${fileName} is not an .xlsx workbook (a zip without a workbook part): save it from Excel as .xlsx or as CSV UTF-8.`);
  }
  let firstSheetRel: string | undefined;
  let date1904 = false;
  parse(workbook, fileName, (name, attrs) => {
    if (name === 'sheet' && firstSheetRel === undefined) firstSheetRel = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];
    if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
  });
  let target: string | undefined;
  // Without its relationships part the workbook has no sheet to find (an empty text is no XML).
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels !== undefined) {
    parse(rels, fileName, (name, attrs) => {
      if (name === 'Relationship' && attrs.Id === firstSheetRel) target = attrs.Target;
    });
  }
  if (target === undefined) throw new ExportFileError(`${fileName} has no worksheet to read: save it from Excel as .xlsx again.`);
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/[^/]+\/\.\.\//g, '/');
  const sheet = text(sheetPath);
  if (sheet === undefined) throw new ExportFileError(`${fileName} lacks its first worksheet (${sheetPath}): save it from Excel as .xlsx again.`);
  const shared = readSharedStrings(text('xl/sharedStrings.xml'), fileName);
  const dateStyles = readDateStyles(text('xl/styles.xml'), fileName);
  return readSheet(sheet, fileName, shared, dateStyles, date1904);
}

type Attrs = Record<string, string>;

function parse(xml: string, fileName: string, open: (name: string, attrs: Attrs) => void, textFn?: (t: string) => void, close?: (name: string) => void): void {
  const p = new SaxesParser();
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  p.on('opentag', (t) => open(local(t.name), t.attributes as Attrs));
  // `if (true)` is an equivalent mutant (saxes keeps an undefined handler as none); `if (false)` is not (no text is read), so the line is not marked.
  if (textFn) p.on('text', textFn);
  if (close) p.on('closetag', (t) => close(local(t.name)));
  p.on('doctype', () => { throw new ExportFileError(`${fileName} holds a DOCTYPE, which no workbook has: it is refused.`); });
  try {
    p.write(xml).close();
  } catch (e) {
    if (e instanceof ExportFileError) throw e;
    throw new ExportFileError(`${fileName} holds XML that is not well-formed: open it in Excel and save it again.`);
  }
}

function readSharedStrings(xml: string | undefined, fileName: string): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  // Stryker disable next-line StringLiteral: set anew at each <si> before any text is added to it
  let current = '';
  let inT = false;
  let phonetic = 0;
  parse(xml, fileName, (name) => {
    if (name === 'si') current = '';
    else if (name === 't') inT = true;
    else if (name === 'rPh') phonetic++;
  }, (t) => { if (inT && phonetic === 0) current += t; }, (name) => {
    if (name === 't') inT = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') out.push(decodeXstring(current));
  });
  return out;
}

/** Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30 numFmt). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether its number format shows a date or time. */
function readDateStyles(xml: string | undefined, fileName: string): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inXfs = false;
  parse(xml, fileName, (name, attrs) => {
    if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
    else if (name === 'cellXfs') inXfs = true;
    else if (name === 'xf' && inXfs) {
      const id = Number(attrs.numFmtId ?? 0);
      const code = custom.get(id);
      styles.push(code !== undefined ? /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) : BUILT_IN_DATES.has(id));
    }
  }, undefined, (name) => { if (name === 'cellXfs') inXfs = false; });
  return styles;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d/g, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function dateText(serial: number, date1904: boolean): string | undefined {
  const s = date1904 ? serial + DATE_1904_OFFSET : serial;
  // Seconds are dropped, never rounded up, as the contract reads every time (23:59:45 is 23:59 of
  // that day, not the next day): the fraction is rounded to the millisecond first, as a program's
  // arithmetic stores 10:03 as 10:02:59.99999...
  const minutes = Math.floor(Math.round((s - Math.floor(s)) * 86_400_000) / 60_000);
  const time = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (serial < 1 && serial >= 0) return time;
  const day = serialToIsoDate(Math.floor(s) + (minutes >= 1440 ? 1 : 0));
  if (day === undefined) return undefined;
  return minutes % 1440 === 0 ? day : `${day} ${time}`;
}

function readSheet(xml: string, fileName: string, shared: readonly string[], dateStyles: readonly boolean[], date1904: boolean): ExportLine[] {
  const lines: ExportLine[] = [];
  // Stryker disable next-line ArrayDeclaration: set anew at each <row> before any cell is put in it
  let row: string[] = [];
  let rowNumber = 0;
  let cell: { col: number; type: string; style: number } | null = null;
  // Stryker disable next-line StringLiteral: set anew at each <c> before any text is added to it
  let value = '';
  let collecting = false;
  let nextCol = 0;
  parse(xml, fileName, (name, attrs) => {
    if (name === 'row') {
      rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
      row = [];
      nextCol = 0;
    } else if (name === 'c') {
      const col = attrs.r ? columnIndex(attrs.r) : nextCol;
      cell = { col, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0) };
      nextCol = col + 1;
      value = '';
    } else if ((name === 'v' || name === 't') && cell) collecting = true;
  }, (t) => { if (collecting) value += t; }, (name) => {
    if (name === 'v' || name === 't') collecting = false;
    else if (name === 'c' && cell) {
      let shown = value;
      if (cell.type === 's') shown = shared[Number(value)] ?? '';
      else if (cell.type === 'inlineStr' || cell.type === 'str') shown = decodeXstring(value);
      else if (cell.type === 'b') shown = value === '1' ? 'TRUE' : 'FALSE';
      else if (cell.type === 'n' && value !== '' && dateStyles[cell.style]) shown = dateText(Number(value), date1904) ?? value;
      // `<=` for `<` is an equivalent mutant (the extra empty cell at cell.col is overwritten next line); `>=` is not (it pads forever), so the line is not marked.
      while (row.length < cell.col) row.push('');
      row[cell.col] = shown;
      cell = null;
    } else if (name === 'row') {
      if (!row.some((c) => c.trim() !== '')) return;
      // A gap between rows is a blank line, which ends a section as in a CSV.
      const previous = lines[lines.length - 1]?.line ?? 0;
      if (rowNumber > previous + 1 && lines.length > 0) lines.push({ line: previous + 1, cells: [''] });
      lines.push({ line: rowNumber, cells: row });
    }
  });
  // Every row as wide as the widest, as a CSV's would be.
  const width = Math.max(0, ...lines.map((l) => l.cells.length));
  return lines.map((l) => (l.cells.length === 1 && l.cells[0] === '' ? l : { line: l.line, cells: [...l.cells, ...Array<string>(width - l.cells.length).fill('')] }));
}
