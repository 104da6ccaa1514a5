// Builds report.xlsx, the CSP report workbook: a Summary sheet, one table per breakdown, the
// validation warnings (without personal data) and the charts as embedded PNGs. exceljs, in memory.
import ExcelJS from 'exceljs';
import { fixZipTimestamps } from '../templates/generate/zip-timestamps.js';
import type { ChartSpec } from './chart-configs.js';
import { type CellKind, cellText, dataQualityText, DEFINITIONS, type FigureCell, type FigureColumn, type FigureTable, figureTables, headlineTable } from './core/figures.js';
import type { Issue } from './core/issues.js';
import type { Summary } from './core/summary.js';


export interface RenderedChart {
  readonly spec: ChartSpec;
  readonly png: Buffer;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const NUM_FMT: Record<CellKind, string | undefined> = { text: undefined, count: '#,##0', number: '#,##0.0', share: '0.0%' };

/**
 * Text for a header or footer section: "&" starts a code there (&P is the page), so a literal one
 * is "&&"; cut to 100 characters, as Excel refuses a header or footer over 255 in all.
 * Codes: [MS-OI29500] 2.1.619 (ECMA-376 Part 1, 18.3.1.39), https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/c167a243-45ad-4def-816e-7032fb1adf5c
 */
function headerText(text: string): string {
  const cut = text.length > 100 ? `${text.slice(0, 99)}…` : text;
  return cut.replace(/&/g, '&&');
}

/**
 * Prints a sheet as a report: A4 landscape, one page wide, the rows `repeatRows` (such as "1:3")
 * on every page, a header naming the meeting (left) and the sheet (right), a footer with the date
 * of the data (left) and "Page x of y" (right, the codes &P and &N); exceljs writes them as given.
 * `printArea` such as "A1:L20"; `dataDate` YYYY-MM-DD.
 */
export function printAsReport(ws: ExcelJS.Worksheet, heading: string, dataDate: string, printArea: string | undefined, repeatRows?: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(printArea === undefined ? {} : { printArea }),
    ...(repeatRows === undefined ? {} : { printTitlesRow: repeatRows }),
  };
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&L${headerText(heading)}&R${headerText(ws.name)}`,
    oddFooter: `&L${headerText(`Data as of ${dataDate}. att-meetings report`)}&RPage &P of &N`,
  };
}

/**
 * A chart's size on a Charts sheet, in pixels at 96 per inch: 990 px print 742.5 pt wide, so a
 * chart's smallest text (MIN_FONT_PX of its 1600) prints at 9.3 pt, at least 8 pt as the brief's;
 * 557 px high keeps 16:9. Column A (CHART_COLUMN_WIDTH characters, 7 px each + 5) holds it whole
 * and stays inside A4 landscape's 770 pt between the margins, so nothing shrinks it to fit.
 */
export const SHEET_CHART = { width: 990, height: 557 } as const;
export const CHART_COLUMN_WIDTH = 142;
/** Rows of 20 px (15 pt) under a chart's top row that hold it: 28 rows. */
export const SHEET_CHART_ROWS = Math.ceil(SHEET_CHART.height / 20);

/** "A1:K12" for a block of `columns` columns and `rows` rows from A1. */
function area(columns: number, rows: number): string {
  let n = Math.max(1, columns);
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `A1:${letters}${Math.max(1, rows)}`;
}

/** How many lines a text wraps to in a column `width` characters wide (word by word). */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const w = word.length * 1.1;
    if (used > 0 && used + 1 + w > width - 1) {
      lines++;
      used = w;
    } else used += (used > 0 ? 1 : 0) + w;
  }
  return lines;
}

/** Writes a styled header row at `row`; returns the row below it. */
function headerRow(ws: ExcelJS.Worksheet, row: number, columns: readonly FigureColumn[]): number {
  const header = ws.getRow(row);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Calibri', bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: true };
  });
  // Wrapped headers need the height of their lines: no reader grows a row for them.
  const lines = Math.max(1, ...columns.map((c, i) => wrappedLines(c.header, ws.getColumn(i + 1).width ?? 9)));
  header.height = 15 * lines;
  return row + 1;
}

/** Writes rows of cells from `row`: numbers stay numbers (with their format), the rest as text. */
function bodyRows(ws: ExcelJS.Worksheet, row: number, columns: readonly FigureColumn[], rows: readonly (readonly FigureCell[])[]): number {
  rows.forEach((values, r) => {
    const line = ws.getRow(row + r);
    columns.forEach((c, i) => {
      const v = values[i];
      const cell = line.getCell(i + 1);
      // Strings are written as plain values: exceljs stores them as shared strings, never as a
      // formula, even when they start with "=" (tested on the written XML).
      cell.value = typeof v === 'number' ? v : cellText(v, c.kind);
      if (typeof v === 'number' && NUM_FMT[c.kind] !== undefined) cell.numFmt = NUM_FMT[c.kind] as string;
      if (typeof v !== 'number' && c.kind !== 'text') cell.alignment = { horizontal: 'right' };
      // A text column after a number column starts one indent in, so "37.5%" and its note stay apart.
      if (c.kind === 'text' && i > 0 && columns[i - 1]!.kind !== 'text') cell.alignment = { indent: 1 };
    });
  });
  return row + rows.length;
}

/** A note line in italics across the table's width. */
function noteRow(ws: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  ws.getCell(row, 1).value = text;
  ws.getCell(row, 1).font = { name: 'Calibri', italic: true };
  ws.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
  if (width > 1) ws.mergeCells(row, 1, row, width);
  // A merged cell does not grow with its text: give it the lines it needs at this width.
  const chars = Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width ?? 9).reduce((a, b) => a + b, 0);
  ws.getRow(row).height = 15 * wrappedLines(text, chars);
}

/** A sheet holding one table: its note on row 1, header on row 3 (repeated on every printed page). */
function addTable(wb: ExcelJS.Workbook, t: FigureTable, heading: string, dataDate: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.sheet);
  t.columns.forEach((c, i) => {
    const longest = Math.max(...c.header.split(' ').map((w) => w.length), ...t.rows.map((values) => cellText(values[i], c.kind).length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(9, longest + 2));
  });
  noteRow(ws, 1, t.note, t.columns.length);
  const end = bodyRows(ws, headerRow(ws, 3, t.columns), t.columns, t.rows);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3 }];
  printAsReport(ws, heading, dataDate, area(t.columns.length, end - 1), '1:3');
  return ws;
}

/**
 * What a warning or error says in the report: no names or e-mails, only cells, codes and what was
 * expected. `personal` holds every word of every name, and every e-mail (see personalWords).
 */
export function reportableIssue(issue: Issue, personal: ReadonlySet<string>): { severity: string; problem: string; cell: string; detail: string } {
  // Messages on the Participants sheet may quote a name or an e-mail (a duplicate person, an
  // unreadable address); the report keeps only what was expected there.
  const onParticipants = issue.sheet === 'Participants' || (issue.cell ?? '').startsWith('Participants!');
  let detail = onParticipants ? (issue.expected ? `Expected ${issue.expected}.` : 'Details are left out of the report: they would quote personal data.') : issue.message;
  // Word by word against a set, so that thousands of issues and participants stay linear.
  detail = detail.replace(/[^\s,;:()"'«»\[\]]+/g, (word) => (personal.has(word) || personal.has(word.replace(/[.!?]+$/, '')) ? '[personal data]' : word));
  // One style for every line: a sentence, capital first, full stop last.
  detail = detail.charAt(0).toUpperCase() + detail.slice(1);
  if (!/[.!?]$/.test(detail)) detail += '.';
  const problem = issue.code.replace(/-/g, ' ');
  return { severity: issue.severity === 'error' ? 'Error' : 'Warning', problem: problem.charAt(0).toUpperCase() + problem.slice(1), cell: issue.cell ?? (issue.sheet ?? ''), detail };
}

/** The words to keep out of the report: each word of a participant's names, and their e-mail. */
export function personalWords(people: Iterable<{ givenName: string; familyName: string; email?: string | undefined }>): Set<string> {
  const set = new Set<string>();
  for (const p of people) {
    for (const w of `${p.givenName} ${p.familyName}`.split(/\s+/)) if (w.length >= 3) set.add(w);
    if (p.email !== undefined) set.add(p.email);
  }
  return set;
}

/**
 * The report workbook as xlsx bytes: the Summary (meeting, headline figures with their counts,
 * data quality, how each figure is counted), one sheet per table of figures, the validation
 * messages and the charts; every sheet prints with a header and a footer. `dataDate` (YYYY-MM-DD)
 * is the date the workbook was read, shown in the footer. `personal` holds names and e-mails to keep out.
 */
export async function buildReportWorkbook(summary: Summary, issues: readonly Issue[], charts: readonly RenderedChart[], dataDate: string, personal: ReadonlySet<string> = new Set()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'att-meetings';
  const m = summary.meeting;
  // Fixed from the meeting, so that two runs on one workbook give the same file.
  wb.created = new Date(`${m.startDate}T00:00:00Z`);
  wb.modified = wb.created;
  const heading = `${m.code}: ${m.title}`;

  // Summary: the meeting, the headline figures, data quality, then how each figure is counted.
  const ws = wb.addWorksheet('Summary');
  const head = headlineTable(summary);
  const widths = [58, 16, 10, 18, 11, 48];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const textCols: FigureColumn[] = [
    { header: 'Item', kind: 'text' },
    { header: 'Value', kind: 'text' },
  ];
  let row = headerRow(ws, 1, textCols);
  const meetingRows: FigureCell[][] = [
    ['Meeting', m.code],
    ['Title', m.title],
    ['Venue', [m.venue, m.city].filter((x) => x !== null).join(', ')],
    ['Dates', m.startDate === m.endDate ? m.startDate : `${m.startDate} to ${m.endDate}`],
    ['Sessions', summary.sessions.length],
    ['Participants registered (not cancelled)', summary.participants.registered.total],
    ['Participants who attended at least one session', summary.participants.attended.total],
  ];
  row = bodyRows(ws, row, textCols, meetingRows);
  for (let r = 2; r < row; r++) ws.getRow(r).getCell(2).alignment = { horizontal: 'left' };
  ws.mergeCells(1, 2, 1, widths.length);
  for (let r = 2; r < row; r++) ws.mergeCells(r, 2, r, widths.length);
  row += 1;
  ws.getCell(row, 1).value = head.title;
  ws.getCell(row, 1).font = { name: 'Calibri', bold: true, size: 12 };
  row = bodyRows(ws, headerRow(ws, row + 1, head.columns), head.columns, head.rows);
  for (let r = row - head.rows.length; r < row; r++) {
    const line = ws.getRow(r);
    // The share large, when it is one; a word in its place ("not recorded") stays at the table's size.
    if (typeof line.getCell(2).value === 'number') line.getCell(2).font = { name: 'Calibri', bold: true, size: 14 };
    line.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    line.getCell(6).alignment = { wrapText: true, vertical: 'top', indent: 1 };
    // Words in the number columns wrap inside their cell rather than run over the next one.
    const lines = [wrappedLines(String(line.getCell(1).value), widths[0]!), wrappedLines(String(line.getCell(6).value), widths[5]! - 2)];
    for (let c = 2; c <= 5; c++) {
      const v = line.getCell(c).value;
      // Top, as the figure's name and its words, so a row reads across on one line.
      line.getCell(c).alignment = { horizontal: 'right', vertical: 'top', wrapText: typeof v === 'string', indent: 1 };
      if (typeof v !== 'string') continue;
      lines.push(wrappedLines(v, widths[c - 1]!));
    }
    line.height = Math.max(20, 15 * Math.max(...lines));
  }
  noteRow(ws, row, head.note, widths.length);
  row += 2;
  ws.getCell(row, 1).value = 'Data quality';
  ws.getCell(row, 1).font = { name: 'Calibri', bold: true, size: 12 };
  noteRow(ws, row + 1, dataQualityText(summary), widths.length);
  row += 3;
  ws.getCell(row, 1).value = 'How the figures are counted';
  ws.getCell(row, 1).font = { name: 'Calibri', bold: true, size: 12 };
  row = headerRow(ws, row + 1, [
    { header: 'Term', kind: 'text' },
    { header: 'Meaning', kind: 'text' },
  ]);
  for (const d of DEFINITIONS) {
    ws.getCell(row, 1).value = d.term;
    ws.getCell(row, 1).alignment = { vertical: 'top' };
    ws.getCell(row, 2).value = d.meaning;
    ws.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(row, 2, row, widths.length);
    ws.getRow(row).height = 15 * wrappedLines(d.meaning, widths.slice(1).reduce((a, b) => a + b, 0));
    row++;
  }
  printAsReport(ws, heading, dataDate, area(widths.length, row - 1));

  for (const t of figureTables(summary)) addTable(wb, t, heading, dataDate);

  addTable(
    wb,
    {
      sheet: 'Validation',
      title: 'Validation messages',
      note: issues.length === 0 ? 'No errors and no warnings.' : 'Problems the validation found, by cell; names and e-mails are never quoted. Warnings remove no row from the figures; rows with errors are left out of them.',
      columns: [
        { header: 'Severity', kind: 'text' },
        { header: 'Problem', kind: 'text' },
        { header: 'Cell', kind: 'text' },
        { header: 'Detail', kind: 'text' },
      ],
      rows: issues.map((i) => {
        const r = reportableIssue(i, personal);
        return [r.severity, r.problem, r.cell, r.detail];
      }),
    },
    heading,
    dataDate,
  );

  const cs = wb.addWorksheet('Charts');
  cs.getColumn(1).width = CHART_COLUMN_WIDTH;
  row = 1;
  for (const c of charts) {
    const caption = cs.getCell(row, 1);
    caption.value = c.spec.caption;
    caption.font = { name: 'Calibri', bold: true, size: 12 };
    const id = wb.addImage({ buffer: c.png as unknown as ExcelJS.Buffer, extension: 'png' });
    cs.addImage(id, { tl: { col: 0, row }, ext: { ...SHEET_CHART } });
    // One chart per printed page, rather than charts cut in two: the caption, the chart's rows and one spare.
    cs.getRow(row + SHEET_CHART_ROWS + 1).addPageBreak();
    row += SHEET_CHART_ROWS + 2;
  }
  if (charts.length === 0) cs.getCell(1, 1).value = 'No charts.';
  printAsReport(cs, heading, dataDate, area(1, Math.max(1, row - 1)));

  // Same workbook in, same bytes out: the zip entries carry the meeting's date, not the time of the run.
  return fixZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}
