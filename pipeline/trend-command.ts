// `att-meetings trend <a.xlsx | a/summary.json> ... [--out DIR]`: the shares of women across
// meetings, ordered by their dates, as trend.xlsx (tables and charts), trend.png and trend-by-category.png. A meeting comes
// from its workbook or from the summary.json of an earlier report (aggregates only), so trends
// outlive the personal data; the same meeting given twice is refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CONTRACT_VERSION } from '../templates/contract/index.js';
import { fixZipTimestamps } from '../templates/generate/zip-timestamps.js';
import { trendByCategorySpec, trendSpec } from './chart-configs.js';
import { renderChart } from './charts.js';
import { type CommandIo, processIo, todayOf } from './command-io.js';
import { COMMON_EXIT_CODES, type CommandSpec, EXIT, runCommand, usageLine } from './command-line.js';
import { categoryFigures, figureText, headlines, type ShareFigure } from './core/figures.js';
import { type Summary, SummarySchema } from './core/summary.js';
import { ExpectedError } from './errors.js';
import { checkOutsideInputs, checkReplaceable, writeFolderWhole } from './output-folder.js';
import { readForReport, summarize } from './report-input.js';
import { CHART_COLUMN_WIDTH, printAsReport, SHEET_CHART, SHEET_CHART_ROWS, wrappedLines } from './report-workbook.js';

export const TREND: CommandSpec = {
  name: 'trend',
  synopsis: '<a.xlsx | a/summary.json> <b.xlsx | b/summary.json> ... [--out DIR] [--force]',
  description: "Writes trend.xlsx, trend.png and trend-by-category.png into DIR: the shares of women among attendees,\nheads of delegation and speakers of each meeting with their counts, and by delegation category, ordered\nby the meetings' start dates. A meeting is its workbook or the summary.json of an earlier report.\nThe inputs are only ever read.",
  options: {
    out: { type: 'string', value: 'DIR', noun: 'a folder', description: 'the output folder (default out/trend/)' },
    force: { type: 'boolean', description: 'use the valid rows of a workbook even when some rows have errors' },
  },
  exitCodes: [
    [EXIT.ok, 'trend written'],
    [EXIT.errors, 'a workbook has errors (or lacks a required sheet or header): nothing written'],
    ...COMMON_EXIT_CODES,
  ],
};

export const TREND_USAGE = usageLine(TREND);

export interface TrendPoint {
  readonly code: string;
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly attended: number;
  readonly attendees: ShareFigure;
  readonly headsOfDelegation: ShareFigure;
  /** Undefined when the meeting has no Speakers sheet (not recorded). */
  readonly speakers: ShareFigure | undefined;
  /** Women among the meeting's attendees, per delegation category. */
  readonly byCategory: readonly { readonly category: string; readonly figure: ShareFigure }[];
}

/** One point per meeting, ordered by start date (then code, for meetings on the same day). */
export function trendPoints(summaries: readonly Summary[]): TrendPoint[] {
  return summaries
    .map((s) => {
      const [attendees, heads, speakers] = headlines(s);
      return {
        code: s.meeting.code,
        title: s.meeting.title,
        startDate: s.meeting.startDate,
        endDate: s.meeting.endDate,
        attended: s.participants.attended.total,
        attendees: attendees!.figure!,
        headsOfDelegation: heads!.figure!,
        speakers: speakers!.figure,
        byCategory: categoryFigures(s),
      };
    })
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.code.localeCompare(b.code)));
}

/** The same meeting given twice (same code, whatever its case and spaces): an ExpectedError naming it and both inputs. */
export function refuseRepeatedMeetings(meetings: readonly { input: string; summary: Summary }[]): void {
  const seen = new Map<string, string>();
  for (const { input, summary } of meetings) {
    const key = summary.meeting.code.trim().toLowerCase();
    const first = seen.get(key);
    const m = summary.meeting;
    if (first !== undefined) throw new ExpectedError(`${first} and ${input} are the same meeting, ${m.code} (${m.startDate} to ${m.endDate}): give each meeting once.`);
    seen.set(key, input);
  }
}

/** Reads the summary.json of an earlier report; anything else is an ExpectedError in one sentence. */
export async function readSummaryFile(file: string): Promise<Summary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ExpectedError(`${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExpectedError(`${file} is not JSON, so not the summary.json of an att-meetings report.`);
  }
  // A summary of another contract version may count or name its figures differently: refused,
  // naming both versions, whether or not its shape still fits.
  const version = typeof json === 'object' && json !== null ? (json as { contractVersion?: unknown }).contractVersion : undefined;
  if (typeof version === 'number' && version !== CONTRACT_VERSION) {
    throw new ExpectedError(`${file} is the summary.json of a report under workbook contract version ${version}; this att-meetings reads version ${CONTRACT_VERSION}: draw this trend with an att-meetings that reads version ${version}, or report on that meeting again.`);
  }
  const parsed = SummarySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ExpectedError(`${file} is not the summary.json of an att-meetings report: at ${first.path.length === 0 ? 'its top' : first.path.join('.')}, ${first.message.charAt(0).toLowerCase()}${first.message.slice(1)}.`);
  }
  return parsed.data;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

/** A table from row 1: header, then rows; numbers keep a format; every row as tall as its wrapped text. */
function writeTable(ws: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[], rows: readonly (string | number | null)[][], shareColumns: readonly number[]): void {
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const header = ws.getRow(1);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: 'Calibri', bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.height = 15 * Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]!)));
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v === null ? 'n/a' : v;
      if (typeof v === 'number') c.numFmt = shareColumns.includes(i) ? '0.0%' : '#,##0';
      c.alignment = { vertical: 'top', wrapText: typeof v === 'string', ...(typeof v !== 'number' && shareColumns.includes(i) ? { horizontal: 'right' as const } : {}), ...(i > 0 && shareColumns.includes(i - 1) ? { indent: 1 } : {}) };
    });
    row.height = 15 * Math.max(1, ...values.map((v, i) => (typeof v === 'string' ? wrappedLines(v, widths[i]! - 2) : 1)));
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

/** trend.xlsx: the three shares with their counts, the share by category, and the charts (each on its own sheet, printed whole), every sheet one page wide. */
export async function buildTrendWorkbook(points: readonly TrendPoint[], png: Buffer, dataDate: string, categoryPng?: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'att-meetings';
  // Fixed from the latest meeting, so that the same workbooks give the same bytes.
  const stamp = new Date(`${points.reduce((d, p) => (p.startDate > d ? p.startDate : d), '2000-01-01')}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  const heading = points.length === 0 ? 'Trend' : `Share of women across meetings, ${points[0]!.code} to ${points[points.length - 1]!.code}`;

  const ws = wb.addWorksheet('Trend');
  const share = (f: ShareFigure | undefined): string | number | null => (f === undefined ? 'not recorded' : f.share);
  writeTable(
    ws,
    ['Meeting', 'Title', 'Start date', 'End date', 'Participants who attended', 'Share of women among attendees', 'Counts', 'Share of women among heads of delegation who attended', 'Counts', 'Share of interventions made by women', 'Counts'],
    [Math.max(11, ...points.map((p) => p.code.length + 2)), 26, 11, 11, 13, 11, 26, 13, 26, 14, 26],
    points.map((p) => [p.code, p.title, p.startDate, p.endDate, p.attended, share(p.attendees), figureText(p.attendees, 'attendees'), share(p.headsOfDelegation), figureText(p.headsOfDelegation, 'heads'), share(p.speakers), figureText(p.speakers, 'interventions')]),
    [5, 7, 9],
  );
  const note = ws.getCell(points.length + 3, 1);
  note.value = 'Share of women = women / (women + men + other); "not stated" is counted beside it, never in the denominator. n/a: nobody of known gender. Meetings in date order; the charts are on the Chart sheets.';
  note.font = { name: 'Calibri', italic: true };
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(points.length + 3, 1, points.length + 3, 11);
  ws.getRow(points.length + 3).height = 30;
  printAsReport(ws, heading, dataDate, `A1:K${points.length + 3}`, '1:1');

  const cs = wb.addWorksheet('By category');
  const rows = points.flatMap((p) => p.byCategory.map((c) => [p.code, p.startDate, c.category, c.figure.share, c.figure.women, c.figure.known, c.figure.notStated, figureText(c.figure, 'attendees')]));
  writeTable(cs, ['Meeting', 'Start date', 'Delegation category', 'Share of women among attendees', 'Women', 'Women, men and other', 'Not stated', 'In words'], [Math.max(11, ...points.map((p) => p.code.length + 2)), 11, 34, 13, 9, 12, 10, 52], rows, [3]);
  printAsReport(cs, heading, dataDate, `A1:H${rows.length + 1}`, '1:1');

  // The chart on a sheet of its own, fitted to one page: printed whole, never cut.
  const chart = wb.addWorksheet('Chart');
  const chartArea = `A1:A${SHEET_CHART_ROWS + 1}`;
  chart.getColumn(1).width = CHART_COLUMN_WIDTH;
  const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  chart.addImage(id, { tl: { col: 0, row: 0 }, ext: { ...SHEET_CHART } });
  printAsReport(chart, heading, dataDate, chartArea);
  chart.pageSetup.fitToHeight = 1;
  if (categoryPng !== undefined) {
    const byCategory = wb.addWorksheet('Chart by category');
    byCategory.getColumn(1).width = CHART_COLUMN_WIDTH;
    byCategory.addImage(wb.addImage({ buffer: categoryPng as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 0, row: 0 }, ext: { ...SHEET_CHART } });
    printAsReport(byCategory, heading, dataDate, chartArea);
    byCategory.pageSetup.fitToHeight = 1;
  }
  return fixZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
}

/** Runs `trend` with its arguments (after the command name); returns the exit code. */
export async function runTrend(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  return runCommand(TREND, argv, io, async ({ values, positionals: inputs }) => {
    const out = (values.out as string | undefined) ?? path.join('out', 'trend');
    const force = values.force === true;
    if (inputs.length < 2) throw new ExpectedError(`Give at least two meetings (workbooks or summary.json files).\n${TREND_USAGE}`);
    checkOutsideInputs(out, inputs);
    await checkReplaceable(out);
    const meetings: { input: string; summary: Summary }[] = [];
    for (const input of inputs) {
      if (input.toLowerCase().endsWith('.json')) {
        meetings.push({ input, summary: await readSummaryFile(input) });
        continue;
      }
      const validation = await readForReport(input, force, io);
      if (validation === null) return EXIT.errors;
      meetings.push({ input, summary: summarize(validation) });
    }
    refuseRepeatedMeetings(meetings);
    const points = trendPoints(meetings.map((m) => m.summary));
    const png = await renderChart(trendSpec(points).config);
    const categoryPng = await renderChart(trendByCategorySpec(points).config);
    const files = new Map<string, Buffer | string>([
      ['trend.xlsx', await buildTrendWorkbook(points, png, todayOf(io), categoryPng)],
      ['trend.png', png],
      ['trend-by-category.png', categoryPng],
    ]);
    await writeFolderWhole(out, files);
    io.out(`Trend over ${points.length} meetings written to ${path.resolve(out)}${path.sep}: trend.xlsx, trend.png, trend-by-category.png`);
    for (const p of points) io.out(`  ${p.startDate}  ${p.code}: attendees ${figureText(p.attendees, 'attendees')}; heads of delegation who attended ${figureText(p.headsOfDelegation, 'heads')}; interventions ${figureText(p.speakers, 'interventions')}`);
    return EXIT.ok;
  });
}
