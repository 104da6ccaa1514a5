// `att-meetings report <workbook.xlsx> [--out DIR] [--force]`: validates the workbook, computes
// its figures and writes report.xlsx, charts/*.png, summary.json and brief.pdf into DIR, whole.
import path from 'node:path';
import { type ChartSpec, chartSpecs } from './chart-configs.js';
import { figureText, headlines } from './core/figures.js';
import type { Issue } from './core/issues.js';
import { computeSummary } from './core/statistics.js';
import { type Summary, SummarySchema } from './core/summary.js';
import type { Validation } from './core/validate.js';
import { ExpectedError, reportingMistakes } from './errors.js';
import { checkOutsideInputs, checkReplaceable, writeFolderWhole } from './output-folder.js';
import { readMeetingFile } from './read-workbook.js';
import type { RenderedChart } from './report-workbook.js';
import type { MeetingData } from '../templates/contract/index.js';

/** Where a command writes: injectable so that tests read the output instead of the console. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True on an interactive terminal, where long steps show progress. */
  readonly tty: boolean;
  /** Today, for the brief's "generated on" line. */
  readonly today: () => string;
  /** Replaces the progress line on a terminal; '' clears it. */
  readonly progress?: (text: string) => void;
}

export const processIo: CommandIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  tty: process.stderr.isTTY === true,
  today: () => new Date().toISOString().slice(0, 10),
  progress: (t) => process.stderr.write(`\r${t}\x1b[K`),
};

function progress(io: CommandIo, text: string): void {
  if (io.tty) (io.progress ?? io.err)(text);
}

export const REPORT_USAGE = 'Usage: att-meetings report <workbook.xlsx> [--out DIR] [--force]';

export interface ReportArgs {
  readonly input: string;
  readonly out: string;
  readonly force: boolean;
}

/** Parses `<files...> [--out DIR] [--force]`; a mistake is an ExpectedError with the usage. */
export function parseArgs(argv: readonly string[], usage: string, defaultOut: string): { inputs: string[]; out: string; force: boolean; help: boolean } {
  const inputs: string[] = [];
  let out = defaultOut;
  let force = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--out') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new ExpectedError(`--out needs a folder.\n${usage}`);
      out = v;
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-')) throw new ExpectedError(`Unknown option ${a}.\n${usage}`);
    else inputs.push(a);
  }
  return { inputs, out, force, help };
}

function describeErrors(issues: readonly Issue[], io: CommandIo, limit = 20): void {
  const errors = issues.filter((i) => i.severity === 'error');
  for (const e of errors.slice(0, limit)) io.err(`  ${e.cell ?? e.sheet ?? ''}  ${e.message}`);
  if (errors.length > limit) io.err(`  ... and ${errors.length - limit} more errors.`);
}

/** The summary with the data-quality figures of the validation added, checked against the schema. */
export function summarize(validation: Validation & { data: MeetingData }): Summary {
  const summary: Summary = {
    ...computeSummary(validation.data),
    dataQuality: {
      errors: validation.issues.filter((i) => i.severity === 'error').length,
      warnings: validation.issues.filter((i) => i.severity === 'warning').length,
      leftOut: validation.leftOut.map((l) => ({ sheet: l.sheet, count: l.count, reasons: [...l.reasons] })),
    },
  };
  return SummarySchema.parse(summary);
}

/** Every file of the report, by path relative to the output folder. */
export async function buildReportFiles(validation: Validation & { data: MeetingData }, io: CommandIo): Promise<{ files: Map<string, Buffer | string>; summary: Summary }> {
  const summary = summarize(validation);
  // The drawing, workbook and PDF libraries load only now, once the workbook is read: loaded
  // before, they made the read 0.4 s slower and its peak 130 MB higher at 100x (larger heap to scan).
  const [{ renderChart }, { buildReportWorkbook, personalWords }, { buildBrief, BRIEF_CHARTS, BRIEF_CHART_WIDTH, BRIEF_CHART_HEIGHT }] = await Promise.all([import('./charts.js'), import('./report-workbook.js'), import('./brief.js')]);
  const specs = chartSpecs(summary);
  // Each chart is drawn in turn; their PNGs are then encoded side by side, off the main thread
  // (0.23 -> 0.14 s for the five charts).
  const charts: RenderedChart[] = await Promise.all(
    specs.map(async (spec, i) => {
      progress(io, `Drawing chart ${i + 1} of ${specs.length}: ${spec.name}`);
      return { spec, png: await renderChart(spec.config) };
    }),
  );
  const personal = personalWords(validation.data.participants);
  const files = new Map<string, Buffer | string>();
  files.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  progress(io, 'Writing report.xlsx and brief.pdf');
  files.set('report.xlsx', await buildReportWorkbook(summary, validation.issues, charts, io.today(), personal));
  // The brief's charts are drawn again, smaller, so that their text prints at 8 pt or more on A4.
  const briefSpecs = BRIEF_CHARTS.map((n) => specs.find((c) => c.name === n)).filter((c): c is ChartSpec => c !== undefined);
  const briefCharts = await Promise.all(briefSpecs.map(async (spec) => ({ spec, png: await renderChart(spec.config, BRIEF_CHART_WIDTH, BRIEF_CHART_HEIGHT) })));
  files.set('brief.pdf', await buildBrief(summary, briefCharts, io.today()));
  for (const c of charts) files.set(path.join('charts', `${c.spec.name}.png`), c.png);
  progress(io, '');
  return { files, summary };
}

/** Reads and validates one workbook; null (after saying why) when it cannot be reported on. */
export async function readForReport(input: string, force: boolean, io: CommandIo): Promise<(Validation & { data: MeetingData }) | null> {
  let lastSheet = '';
  const validation = await readMeetingFile(input, {
    onProgress: io.tty
      ? (p) => {
          if (p.sheet !== lastSheet || p.rows % 20_000 === 0) progress(io, `Reading ${path.basename(input)}: ${p.sheet}, ${p.rows.toLocaleString('en-GB')} rows`);
          lastSheet = p.sheet;
        }
      : undefined,
  });
  progress(io, '');
  const errors = validation.issues.filter((i) => i.severity === 'error');
  if (validation.data === null) {
    io.err(`${input} cannot be reported on: ${errors.length} errors, including a missing sheet or header.`);
    describeErrors(validation.issues, io);
    return null;
  }
  if (errors.length > 0 && !force) {
    io.err(`${input} has ${errors.length} errors; fix them, or run again with --force to report on the valid rows only.`);
    describeErrors(validation.issues, io);
    return null;
  }
  if (errors.length > 0) {
    io.err(`--force: reporting on the valid rows of ${input}; ${errors.length} errors left these rows out:`);
    for (const l of validation.leftOut) if (l.count > 0) io.err(`  ${l.sheet}: ${l.count} rows left out (${l.reasons.join('; ')})`);
  }
  return validation as Validation & { data: MeetingData };
}

export async function runReport(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  return reportingMistakes(io.err, async () => {
    const { inputs, out, force, help } = parseArgs(argv, REPORT_USAGE, 'out');
    if (help) {
      io.out(`${REPORT_USAGE}\n\nValidates the workbook, then writes report.xlsx, charts/*.png, summary.json and brief.pdf into DIR (default out/),\nreplacing the previous output whole. --force reports on the valid rows even when some rows have errors.`);
      return 0;
    }
    if (inputs.length !== 1) throw new ExpectedError(`Give exactly one meeting workbook.\n${REPORT_USAGE}`);
    const input = inputs[0] as string;
    checkOutsideInputs(out, [input]);
    await checkReplaceable(out, ['trend']);
    const validation = await readForReport(input, force, io);
    if (validation === null) return 1;
    const { files, summary } = await buildReportFiles(validation, io);
    await writeFolderWhole(out, files, ['trend']);
    io.out(`Report on ${summary.meeting.code} written to ${path.resolve(out)}${path.sep}: report.xlsx, brief.pdf, summary.json, charts/ (${files.size - 3} PNGs)`);
    io.out(`  Participants who attended: ${summary.participants.attended.total.toLocaleString('en-GB')} of ${summary.participants.registered.total.toLocaleString('en-GB')} registered`);
    for (const h of headlines(summary)) io.out(`  ${h.label}: ${figureText(h.figure, h.noun)}`);
    return 0;
  });
}
