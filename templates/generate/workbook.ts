// Writes a meeting workbook laid out by layout.ts: the blank template (no rows) or a generated
// meeting. Small workbooks get real Excel tables; large ones are streamed row by row in bounded memory.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type ColumnSpec, CONTRACT_VERSION, SHEETS, TABLE_SHEETS, type TableSheetName } from '../contract/sheets.js';
import { ABOUT_LAYOUT, type ColumnLayout, type ListSource, MEETING_LAYOUT, TABLE_LAYOUTS, tableColumnRange } from '../contract/layout.js';
import type { GeneratedMeeting, GeneratedRow, GeneratedValue } from './meeting.js';
import { fixZipTimestamps } from './zip-timestamps.js';

/** Every generated file claims the same authorship dates, so that regenerating changes no byte. */
export const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const ROWS_OF: { readonly [S in TableSheetName]: keyof Omit<GeneratedMeeting, 'meeting'> } = {
  Sessions: 'sessions',
  Agenda: 'agenda',
  Delegations: 'delegations',
  Participants: 'participants',
  Attendance: 'attendance',
  Speakers: 'speakers',
  Submissions: 'submissions',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TABLE_STYLE = 'TableStyleMedium2';
const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];

function kindOf(sheet: TableSheetName | 'Meeting', key: string): ColumnSpec['kind'] {
  const spec = (SHEETS[sheet].columns as Record<string, ColumnSpec>)[key];
  if (!spec) throw new Error(`no column ${sheet}.${key}`);
  return spec.kind;
}

/** A generated value as the cell value Excel should hold: real dates and day fractions, not text. */
export function toCellValue(kind: ColumnSpec['kind'], value: GeneratedValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  switch (kind) {
    case 'date': {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      // exceljs turns a Date into a serial from its UTC fields: a local-time Date would shift.
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'time': {
      const [h, min] = value.split(':').map(Number) as [number, number];
      return (h * 60 + min) / 1440;
    }
    case 'datetime': {
      const [date, time] = value.split('T') as [string, string];
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [h, min] = time.split(':').map(Number) as [number, number];
      return new Date(Date.UTC(y, m - 1, d, h, min));
    }
    default:
      return value;
  }
}

function rowValues(sheet: TableSheetName, row: GeneratedRow): ExcelJS.CellValue[] {
  return TABLE_LAYOUTS[sheet].columns.map((c) => toCellValue(kindOf(sheet, c.key), row[c.key]));
}

function listValidation(list: ListSource, what: string): ExcelJS.DataValidation {
  const fromSheet = list.kind === 'reference';
  return {
    type: 'list',
    allowBlank: true,
    formulae: [list.formula],
    showErrorMessage: true,
    // A reference must match a key exactly; a vocabulary also accepts the contract's synonyms
    // (Femme, Mujer, F...), so a value off the list only warns.
    errorStyle: fromSheet ? 'stop' : 'warning',
    errorTitle: what,
    error: fromSheet ? `Choose a ${list.header} from the ${list.sheet} sheet.` : `Expected one of: ${list.values.join(', ')}.`,
  };
}

/** exceljs has `dataValidations.add(range, rule)` (one rule over a whole range) but does not type it. */
function validate(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
}

/**
 * Puts each column's drop-down list on its rows: a table's body (`bodyRows` rows, which Excel
 * extends as the table grows; nothing below the table, so it can grow), or rows 2 to 10,001 of a
 * plain range when `bodyRows` is undefined (the streamed workbooks, which have no tables).
 */
function addColumnValidations(ws: ExcelJS.Worksheet, columns: readonly ColumnLayout[], bodyRows?: number): void {
  for (const c of columns) {
    if (c.list) validate(ws, bodyRows === undefined ? c.range : tableColumnRange(c, bodyRows), listValidation(c.list, c.header));
  }
}

function setColumns(ws: ExcelJS.Worksheet, columns: readonly ColumnLayout[]): void {
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    // A column style costs one <col> element, not one cell per row, and formats rows typed later.
    if (c.numFmt) column.numFmt = c.numFmt;
  });
}

/** Styles the header row itself too: viewers that ignore table styles (LibreOffice) still show it. */
function styleHeader(ws: ExcelJS.Worksheet, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = ws.getCell(1, c);
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.numFmt = 'General';
  }
}

/** Lines a wrapped text needs in a column of `width` characters, for a row height that shows it all. */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil(text.length / Math.max(1, width - 2)));
}

function addAboutSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(ABOUT_LAYOUT.sheet, { views: FROZEN_HEADER });
  ABOUT_LAYOUT.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.addRow([...ABOUT_LAYOUT.headers]);
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  for (const r of ABOUT_LAYOUT.rows) {
    const row = ws.addRow([...r]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = 15 * Math.max(...r.map((text, i) => linesFor(text, ABOUT_LAYOUT.widths[i] ?? 20)));
    if (r[1] === '') row.font = { bold: true };
  }
  ws.autoFilter = { from: 'A1', to: `E${ABOUT_LAYOUT.rows.length + 1}` };
}

function meetingRows(meeting: GeneratedMeeting | null): ExcelJS.CellValue[][] {
  return MEETING_LAYOUT.fields.map((f) => [f.field, meeting ? toCellValue(kindOf('Meeting', f.key), meeting.meeting[f.key]) : null]);
}

function addMeetingSheet(wb: ExcelJS.Workbook, meeting: GeneratedMeeting | null): void {
  const ws = wb.addWorksheet('Meeting', { views: FROZEN_HEADER });
  ws.getColumn(1).width = MEETING_LAYOUT.widths[0];
  ws.getColumn(2).width = MEETING_LAYOUT.widths[1];
  ws.addTable({
    name: MEETING_LAYOUT.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: MEETING_LAYOUT.headers.map((name) => ({ name, filterButton: false })),
    rows: meetingRows(meeting),
  });
  styleHeader(ws, 2);
  for (const f of MEETING_LAYOUT.fields) {
    const cell = ws.getCell(f.valueCell);
    if (f.numFmt) cell.numFmt = f.numFmt;
    cell.alignment = { horizontal: 'left' };
    if (f.list) validate(ws, f.valueCell, listValidation(f.list, f.field));
    if (f.required) ws.getCell(`A${f.row}`).font = { bold: true };
  }
}

function addTableSheet(wb: ExcelJS.Workbook, sheet: TableSheetName, rows: readonly GeneratedRow[]): void {
  const layout = TABLE_LAYOUTS[sheet];
  const ws = wb.addWorksheet(sheet, { views: FROZEN_HEADER });
  setColumns(ws, layout.columns);
  // Excel wants a table to have at least one data row: the blank template gets one empty row.
  const values = rows.length > 0 ? rows.map((r) => rowValues(sheet, r)) : [layout.columns.map(() => null)];
  ws.addTable({
    name: layout.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: layout.headers.map((name) => ({ name, filterButton: true })),
    rows: values,
  });
  layout.columns.forEach((c, i) => {
    // Widen a column to its longest value (within reason), so that filled-in sheets read well.
    const longest = values.reduce((n, row) => Math.max(n, typeof row[i] === 'string' ? row[i].length + 2 : 0), 0);
    ws.getColumn(i + 1).width = Math.min(Math.max(c.width, longest), 60);
    if (!c.numFmt) return;
    for (let r = 2; r <= values.length + 1; r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
  });
  styleHeader(ws, layout.columns.length);
  addColumnValidations(ws, layout.columns, values.length);
}

function properties(wb: ExcelJS.Workbook, meeting: GeneratedMeeting | null): void {
  wb.creator = 'att-meetings';
  wb.lastModifiedBy = 'att-meetings';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = meeting ? String(meeting.meeting.title) : 'ATT meeting workbook';
  wb.subject = `ATT meeting workbook, contract version ${CONTRACT_VERSION}`;
}

/**
 * Builds the workbook in memory, with Excel tables: the template (meeting null) and the sample.
 * Returns the bytes, identical from run to run.
 */
export async function meetingWorkbookBytes(meeting: GeneratedMeeting | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  properties(wb, meeting);
  addAboutSheet(wb);
  addMeetingSheet(wb, meeting);
  for (const sheet of TABLE_SHEETS) addTableSheet(wb, sheet, meeting ? meeting[ROWS_OF[sheet]] : []);
  // The Meeting sheet opens first; About is there for whoever needs the explanations.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(bytes, FIXED_DATE);
}

export async function writeMeetingWorkbook(path: string, meeting: GeneratedMeeting | null): Promise<void> {
  await writeFile(path, await meetingWorkbookBytes(meeting));
}

/**
 * Streams a large generated meeting to disk row by row (exceljs WorkbookWriter), so 60,000
 * participants take bounded memory. exceljs cannot stream Excel tables, so these sheets are plain
 * ranges with the same headers, widths, formats, filters, frozen headers and list validations; the
 * pipeline reads sheets by their header row either way.
 */
export async function streamMeetingWorkbook(path: string, meeting: GeneratedMeeting): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'att-meetings';
  wb.lastModifiedBy = 'att-meetings';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const about = wb.addWorksheet(ABOUT_LAYOUT.sheet, { views: FROZEN_HEADER });
  about.columns = ABOUT_LAYOUT.headers.map((header, i) => ({ header, width: ABOUT_LAYOUT.widths[i] ?? 20 }));
  for (const r of ABOUT_LAYOUT.rows) about.addRow([...r]).commit();
  about.commit();

  const m = wb.addWorksheet('Meeting', { views: FROZEN_HEADER });
  m.columns = MEETING_LAYOUT.headers.map((header, i) => ({ header, width: MEETING_LAYOUT.widths[i] ?? 20 }));
  meetingRows(meeting).forEach((values, i) => {
    const row = m.addRow(values);
    const f = MEETING_LAYOUT.fields[i];
    if (f?.numFmt) row.getCell(2).numFmt = f.numFmt;
    row.commit();
  });
  for (const f of MEETING_LAYOUT.fields) if (f.list) validate(m, f.valueCell, listValidation(f.list, f.field));
  m.commit();

  for (const sheet of TABLE_SHEETS) {
    const layout = TABLE_LAYOUTS[sheet];
    const ws = wb.addWorksheet(sheet, { views: FROZEN_HEADER });
    ws.columns = layout.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    styleHeader(ws, layout.columns.length);
    ws.autoFilter = `A1:${layout.columns[layout.columns.length - 1]?.letter ?? 'A'}1`;
    addColumnValidations(ws, layout.columns);
    for (const r of meeting[ROWS_OF[sheet]]) ws.addRow(rowValues(sheet, r)).commit();
    ws.commit();
  }
  await wb.commit();
}
