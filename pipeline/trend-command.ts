// `att-meetings trend <a.xlsx> <b.xlsx> ... [--out DIR]`: the headline shares of women across
// several meetings, ordered by their dates, as trend.xlsx (table and chart) and trend.png.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fixZipTimestamps } from '../templates/generate/zip-timestamps.js';
import { trendSpec } from './chart-configs.js';
import { renderChart } from './charts.js';
import { type CommandIo, processIo } from './command-io.js';
import { COMMON_EXIT_CODES, type CommandSpec, EXIT, runCommand, usageLine } from './command-line.js';
import type { Summary } from './core/summary.js';
import { ExpectedError } from './errors.js';
import { checkOutsideInputs, checkReplaceable, writeFolderWhole } from './output-folder.js';
import { percent, readForReport, summarize } from './report-input.js';

export const TREND: CommandSpec = {
  name: 'trend',
  synopsis: '<a.xlsx> <b.xlsx> ... [--out DIR] [--force]',
  description: "Writes trend.xlsx and trend.png into DIR: the shares of women among attendees, heads of delegation\nand speakers of each meeting, ordered by the meetings' start dates. The workbooks are only ever read.",
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
  readonly attendees: number | null;
  readonly headsOfDelegation: number | null;
  /** Undefined when the meeting has no Speakers sheet (not recorded). */
  readonly speakers: number | null | undefined;
}

/** One point per meeting, ordered by start date (then code, for meetings on the same day). */
export function trendPoints(summaries: readonly Summary[]): TrendPoint[] {
  return summaries
    .map((s) => ({
      code: s.meeting.code,
      title: s.meeting.title,
      startDate: s.meeting.startDate,
      endDate: s.meeting.endDate,
      attended: s.participants.attended.total,
      attendees: s.headline.attendees,
      headsOfDelegation: s.headline.headsOfDelegation,
      speakers: s.speakers === null ? undefined : s.headline.speakers,
    }))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.code.localeCompare(b.code)));
}

export async function buildTrendWorkbook(points: readonly TrendPoint[], png: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'att-meetings';
  // Fixed from the latest meeting, so that the same workbooks give the same bytes.
  const stamp = new Date(`${points.reduce((d, p) => (p.startDate > d ? p.startDate : d), '2000-01-01')}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  const ws = wb.addWorksheet('Trend');
  const headers = ['Meeting', 'Title', 'Start date', 'End date', 'Participants who attended', 'Share of women among attendees', 'Share of women among heads of delegation', "Women's share of interventions"];
  const header = ws.getRow(1);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: 'Calibri', bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.height = 32;
  points.forEach((p, r) => {
    const row = ws.getRow(r + 2);
    row.getCell(1).value = p.code;
    row.getCell(2).value = p.title;
    row.getCell(3).value = p.startDate;
    row.getCell(4).value = p.endDate;
    row.getCell(5).value = p.attended;
    row.getCell(5).numFmt = '#,##0';
    [p.attendees, p.headsOfDelegation, p.speakers].forEach((v, i) => {
      const c = row.getCell(6 + i);
      c.value = typeof v === 'number' ? v : v === null ? 'n/a' : 'not recorded';
      if (typeof v === 'number') c.numFmt = '0.0%';
      c.alignment = { horizontal: 'right' };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  const widths = [Math.max(10, ...points.map((p) => p.code.length + 2)), Math.min(60, Math.max(12, ...points.map((p) => p.title.length + 2))), 12, 12, 14, 16, 18, 16];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(id, { tl: { col: 0, row: points.length + 3 }, ext: { width: 800, height: 450 } });
  return fixZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
}

/** Runs `trend` with its arguments (after the command name); returns the exit code. */
export async function runTrend(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  return runCommand(TREND, argv, io, async ({ values, positionals: inputs }) => {
    const out = (values.out as string | undefined) ?? path.join('out', 'trend');
    const force = values.force === true;
    if (inputs.length < 2) throw new ExpectedError(`Give at least two meeting workbooks.\n${TREND_USAGE}`);
    checkOutsideInputs(out, inputs);
    await checkReplaceable(out);
    const summaries: Summary[] = [];
    for (const input of inputs) {
      const validation = await readForReport(input, force, io);
      if (validation === null) return EXIT.errors;
      summaries.push(summarize(validation));
    }
    const points = trendPoints(summaries);
    const png = await renderChart(trendSpec(points.map((p) => ({ ...p, speakers: p.speakers ?? null }))).config);
    const files = new Map<string, Buffer | string>([
      ['trend.xlsx', await buildTrendWorkbook(points, png)],
      ['trend.png', png],
    ]);
    await writeFolderWhole(out, files);
    io.out(`Trend over ${points.length} meetings written to ${path.resolve(out)}${path.sep}: trend.xlsx, trend.png`);
    for (const p of points) io.out(`  ${p.startDate}  ${p.code}: attendees ${percent(p.attendees)}, heads of delegation ${percent(p.headsOfDelegation)}, speakers ${percent(p.speakers)}`);
    return EXIT.ok;
  });
}
