// `att-meetings report <workbook.xlsx> [--out DIR] [--force]`: validates the workbook, computes
// its figures and writes report.xlsx, charts/*.png, summary.json and brief.pdf into DIR, whole.
import path from 'node:path';
import type { MeetingData } from '../templates/contract/index.js';
import { type ChartSpec, chartSpecs } from './chart-configs.js';
import { type CommandIo, processIo, showProgress, todayOf } from './command-io.js';
import { COMMON_EXIT_CODES, type CommandSpec, EXIT, runCommand, usageLine } from './command-line.js';
import { figureText, headlines } from './core/figures.js';
import type { Summary } from './core/summary.js';
import type { Validation } from './core/validate.js';
import { ExpectedError } from './errors.js';
import { checkOutsideInputs, checkReplaceable, writeFolderWhole } from './output-folder.js';
import { readForReport, summarize } from './report-input.js';
import type { RenderedChart } from './report-workbook.js';

// The one IO interface and the shared helpers, under the names this module used to export them by.
export { type CommandIo, processIo } from './command-io.js';
export { readForReport, summarize } from './report-input.js';

export const REPORT: CommandSpec = {
  name: 'report',
  synopsis: '<workbook.xlsx> [--out DIR] [--force]',
  description: 'Validates the workbook, then writes report.xlsx, charts/*.png, summary.json and brief.pdf into DIR,\nreplacing the previous output whole. The workbook is only ever read.',
  options: {
    out: { type: 'string', value: 'DIR', noun: 'a folder', description: 'the output folder (default out/); a folder att-meetings did not write, or that holds the input, is refused' },
    force: { type: 'boolean', description: 'report on the valid rows even when some rows have errors, saying which were left out' },
  },
  exitCodes: [
    [EXIT.ok, 'report written'],
    [EXIT.errors, 'the workbook has errors (or lacks a required sheet or header): nothing written'],
    ...COMMON_EXIT_CODES,
  ],
};

export const REPORT_USAGE = usageLine(REPORT);

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
      showProgress(io, `Drawing chart ${i + 1} of ${specs.length}: ${spec.name}`);
      return { spec, png: await renderChart(spec.config) };
    }),
  );
  const personal = personalWords(validation.data.participants);
  const files = new Map<string, Buffer | string>();
  files.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  showProgress(io, 'Writing report.xlsx and brief.pdf');
  files.set('report.xlsx', await buildReportWorkbook(summary, validation.issues, charts, todayOf(io), personal));
  // The brief's charts are drawn again, smaller, so that their text prints at 8 pt or more on A4.
  const briefSpecs = BRIEF_CHARTS.map((n) => specs.find((c) => c.name === n)).filter((c): c is ChartSpec => c !== undefined);
  const briefCharts = await Promise.all(briefSpecs.map(async (spec) => ({ spec, png: await renderChart(spec.config, BRIEF_CHART_WIDTH, BRIEF_CHART_HEIGHT) })));
  files.set('brief.pdf', await buildBrief(summary, briefCharts, todayOf(io)));
  for (const c of charts) files.set(path.join('charts', `${c.spec.name}.png`), c.png);
  showProgress(io, '');
  return { files, summary };
}

/** Runs `report` with its arguments (after the command name); returns the exit code. */
export async function runReport(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  return runCommand(REPORT, argv, io, async ({ values, positionals: inputs }) => {
    const out = (values.out as string | undefined) ?? 'out';
    const force = values.force === true;
    if (inputs.length !== 1) throw new ExpectedError(`Give exactly one meeting workbook.\n${REPORT_USAGE}`);
    const input = inputs[0] as string;
    checkOutsideInputs(out, [input]);
    await checkReplaceable(out, ['trend']);
    const validation = await readForReport(input, force, io);
    if (validation === null) return EXIT.errors;
    const { files, summary } = await buildReportFiles(validation, io);
    await writeFolderWhole(out, files, ['trend']);
    io.out(`Report on ${summary.meeting.code} written to ${path.resolve(out)}${path.sep}: report.xlsx, brief.pdf, summary.json, charts/ (${files.size - 3} PNGs)`);
    io.out(`  Participants who attended: ${summary.participants.attended.total.toLocaleString('en-GB')} of ${summary.participants.registered.total.toLocaleString('en-GB')} registered`);
    for (const h of headlines(summary)) io.out(`  ${h.label}: ${figureText(h.figure, h.noun)}`);
    return EXIT.ok;
  });
}
