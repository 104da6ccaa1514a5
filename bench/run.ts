// The benchmark (npm run bench [-- --scales 1,10,100 --runs 3 --node-flags "..."]): generates meeting workbooks at
// 1x, 10x and 100x the sample, then times, each as its own process so that process start and peak
// memory are real, the whole `report` command, `validate` alone, and floors on the same file:
// (a) exceljs's streaming reader visiting every row, (b) inflating the XML parts, and (c) saxes
// without exceljs, the floor of the pipeline's own reader (pipeline/xlsx-reader.ts: yauzl + saxes). Prints a table and writes
// bench/results/bench.json and bench.md. Figures are printed, never asserted.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** dist/bench/run.js -> the repository. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const RESULTS = join(ROOT, 'bench', 'results');
const CLI = join(DIST, 'pipeline', 'cli.js');
const PEAK_RSS_HOOK = pathToFileURL(join(DIST, 'bench', 'peak-rss.js')).href;

/** The targets of issue 5, on the 100x workbook (and the 1x for process start). */
export const TARGETS = {
  reportOverFloorA: 1.5,
  peakRssMb: 400,
  growth100over10: 12,
  sampleReportSeconds: 1.5,
} as const;

export interface Run {
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** User + system CPU time of the process (all its threads). */
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly exitCode: number | null;
}

export interface Measured {
  /** Medians over the runs. */
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly runs: readonly Run[];
  /** Set when a run did not exit 0: its exit code and the end of what it wrote to stderr. */
  readonly failed?: string;
}

export interface ScaleResult {
  readonly scale: number;
  readonly file: string;
  readonly fileMb: number;
  readonly participants: number;
  readonly attendanceRows: number;
  readonly report: Measured;
  readonly validate: Measured;
  readonly floorStream: Measured;
  readonly floorInflate: Measured;
  /** Floor (c): saxes straight over the inflated parts, no exceljs: what another reader could reach. */
  readonly floorSaxes: Measured;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs `node <args>` once; wall time from spawn to exit, peak RSS as the child reports it. */
function runOnce(args: readonly string[]): Promise<Run & { stdout: string; stderr: string }> {
  const rssFile = join(RESULTS, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK_RSS_HOOK, ...args], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Keep only the ends: the commands' output is not what is measured.
    child.stdout.on('data', (c: Buffer) => (stdout = (stdout + c.toString('utf8')).slice(-20_000)));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMicros: number }) : { maxRssKb: Number.NaN, cpuMicros: Number.NaN };
      rmSync(rssFile, { force: true });
      resolve({ seconds, cpuSeconds: usage.cpuMicros / 1e6, peakMb: usage.maxRssKb / 1024, exitCode: code, stdout, stderr });
    });
  });
}

async function measure(label: string, runs: number, args: readonly string[], before?: () => void): Promise<Measured & { stdout: string }> {
  const all: Run[] = [];
  let stdout = '';
  let failed: string | undefined;
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = await runOnce(args);
    all.push({ seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakMb: r.peakMb, exitCode: r.exitCode });
    stdout = r.stdout;
    progress(`  ${label} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), ${r.peakMb.toFixed(0)} MB${r.exitCode === 0 ? '' : `, exit code ${r.exitCode}`}`);
    if (r.exitCode !== 0) {
      failed = `exit code ${r.exitCode}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`;
      break;
    }
  }
  return {
    seconds: median(all.map((r) => r.seconds)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    peakMb: median(all.map((r) => r.peakMb)),
    runs: all,
    stdout,
    ...(failed !== undefined ? { failed } : {}),
  };
}

/** The meeting workbook of a scale, generated once by the template generator and kept. */
async function workbookFor(scale: number, seed: number): Promise<string> {
  const file = join(RESULTS, `meeting-x${scale}-seed${seed}.xlsx`);
  if (existsSync(file)) return file;
  const partial = join(RESULTS, `meeting-x${scale}-seed${seed}.partial.xlsx`);
  progress(`Generating ${file} ...`);
  const r = await runOnce([join(DIST, 'templates', 'generate', 'cli.js'), '--scale', String(scale), '--seed', String(seed), '--out', partial]);
  if (r.exitCode !== 0) throw new Error(`generating scale ${scale} failed: ${r.stderr}`);
  renameSync(partial, file);
  return file;
}

/** Extra node options for the pipeline's commands only (e.g. --max-semi-space-size=32), to try V8 settings. */
let nodeFlags: string[] = [];

export async function benchScale(scale: number, seed: number, runs: number): Promise<ScaleResult> {
  const file = await workbookFor(scale, seed);
  progress(`Scale ${scale}x: ${file}`);
  const floorStream = await measure('floor (a) exceljs stream', runs, [join(DIST, 'bench', 'floor-stream.js'), file]);
  const rows = floorStream.failed === undefined ? (JSON.parse(floorStream.stdout) as Record<string, number>) : {};
  const floorInflate = await measure('floor (b) inflate', runs, [join(DIST, 'bench', 'floor-inflate.js'), file]);
  const floorSaxes = await measure('floor (c) saxes without exceljs', runs, [join(DIST, 'bench', 'floor-saxes.js'), file]);
  const validate = await measure('validate', runs, [...nodeFlags, CLI, 'validate', file, '--json']);
  const out = join(RESULTS, `report-x${scale}`);
  const report = await measure('report', runs, [...nodeFlags, CLI, 'report', file, '--out', out], () => rmSync(out, { recursive: true, force: true }));
  const strip = ({ stdout: _s, ...m }: Measured & { stdout: string }): Measured => m;
  return {
    scale,
    file,
    fileMb: statSync(file).size / 1024 / 1024,
    // Rows visited by the floor, less the header row.
    participants: Math.max(0, (rows.Participants ?? 1) - 1),
    attendanceRows: Math.max(0, (rows.Attendance ?? 1) - 1),
    report: strip(report),
    validate: strip(validate),
    floorStream: strip(floorStream),
    floorInflate: strip(floorInflate),
    floorSaxes: strip(floorSaxes),
  };
}

export function machine(): { cpu: string; cores: number; memoryGb: number; node: string; platform: string; loadAverage: number } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    // Other work on the machine slows every figure: say how busy it was.
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** One measurement in a cell: wall seconds, CPU seconds in brackets, peak RSS. */
const cell = (m: Measured) => (m.failed !== undefined ? 'failed' : `${m.seconds.toFixed(2)} s (${m.cpuSeconds.toFixed(2)}), ${m.peakMb.toFixed(0)} MB`);
const ratio = (a: Measured, b: Measured) => (a.failed !== undefined || b.failed !== undefined ? '-' : `${(a.seconds / b.seconds).toFixed(2)} (${(a.cpuSeconds / b.cpuSeconds).toFixed(2)})`);

/** The results as a Markdown table (printed, and quoted in the README). */
export function table(results: readonly ScaleResult[]): string {
  const head = ['Scale', 'Participants', 'Attendance rows', 'File MB', 'report', 'validate', 'floor (a) exceljs stream', 'floor (b) inflate', 'floor (c) saxes, no exceljs', 'report / floor (a)', 'validate / floor (a)'];
  const lines = results.map((r) => [
    `${r.scale}x`,
    r.participants.toLocaleString('en-GB'),
    r.attendanceRows.toLocaleString('en-GB'),
    r.fileMb.toFixed(1),
    cell(r.report),
    cell(r.validate),
    cell(r.floorStream),
    cell(r.floorInflate),
    cell(r.floorSaxes),
    ratio(r.report, r.floorStream),
    ratio(r.validate, r.floorStream),
  ]);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(head), row(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...lines.map(row)].join('\n');
}

/** The issue's targets against the results: one line each, met or missed (never an exit code). */
export function targetLines(results: readonly ScaleResult[]): string[] {
  const at = (scale: number) => results.find((r) => r.scale === scale && r.report.failed === undefined);
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const big = at(100);
  const ten = at(10);
  const one = at(1);
  if (big && big.floorStream.failed === undefined) {
    const q = big.report.seconds / big.floorStream.seconds;
    const c = big.report.cpuSeconds / big.floorStream.cpuSeconds;
    lines.push(`report within ${TARGETS.reportOverFloorA}x of floor (a) at 100x: ${q.toFixed(2)}x wall, ${c.toFixed(2)}x CPU (${mark(q <= TARGETS.reportOverFloorA)})`);
  }
  if (big) lines.push(`report peak RSS under ${TARGETS.peakRssMb} MB at 100x: ${big.report.peakMb.toFixed(0)} MB (${mark(big.report.peakMb < TARGETS.peakRssMb)})`);
  if (big && ten) {
    const g = big.report.seconds / ten.report.seconds;
    lines.push(`100x run within ${TARGETS.growth100over10}x of the 10x run: ${g.toFixed(1)}x (${mark(g <= TARGETS.growth100over10)})`);
  }
  if (one) lines.push(`report on the sample under ${TARGETS.sampleReportSeconds} s, process start included: ${one.report.seconds.toFixed(2)} s (${mark(one.report.seconds < TARGETS.sampleReportSeconds)})`);
  return lines;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export async function main(argv: readonly string[]): Promise<number> {
  const scales = (option(argv, '--scales') ?? '1,10,100').split(',').map(Number);
  const runs = Number(option(argv, '--runs') ?? '3');
  const seed = Number(option(argv, '--seed') ?? '12');
  nodeFlags = (option(argv, '--node-flags') ?? '').split(' ').filter((f) => f !== '');
  if (scales.some((x) => !Number.isInteger(x) || x < 1) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node dist/bench/run.js [--scales 1,10,100] [--runs 3] [--seed 12] [--node-flags "--max-semi-space-size=32"]\n');
    return 2;
  }
  mkdirSync(RESULTS, { recursive: true });
  const results: ScaleResult[] = [];
  for (const scale of scales) results.push(await benchScale(scale, seed, runs));
  const m = machine();
  const when = new Date().toISOString();
  const md = [
    `Each cell: wall seconds (CPU seconds), peak RSS; ratios are of wall time (of CPU time). Measured ${when.slice(0, 10)} on ${m.cores} cores of ${m.cpu}, ${m.memoryGb} GB memory, Node ${m.node} (${m.platform}), load average ${m.loadAverage} at the end; median of ${runs} runs, each a new process, process start included${nodeFlags.length > 0 ? `; report and validate run with node ${nodeFlags.join(' ')}` : ''}.`,
    '',
    table(results),
    '',
    ...targetLines(results).map((l) => `- ${l}`),
  ].join('\n');
  process.stdout.write(`\n${md}\n`);
  writeFileSync(join(RESULTS, 'bench.json'), `${JSON.stringify({ when, machine: m, runs, seed, nodeFlags, targets: TARGETS, results }, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'bench.md'), `${md}\n`);
  process.stdout.write(`\nwrote ${join(RESULTS, 'bench.json')} and bench.md\n`);
  return results.some((r) => [r.report, r.validate, r.floorStream, r.floorInflate, r.floorSaxes].some((x) => x.failed !== undefined)) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
