// The hostile and odd-input corpus (test/fixtures/hostile, made by `npm run fixtures:hostile`):
// every file gives the right figures or one clear error naming its cell, or is refused with exit
// code 2, in bounded time, never with a stack trace, and is never changed. The readable files all
// hold the same six-person meeting, so the figures below are counted by hand once, for all of them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../pipeline/core/issues.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { runReport } from '../../pipeline/report-command.js';
import { runValidate } from '../../pipeline/validate-command.js';
import { CASES } from '../fixtures/hostile/generate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'hostile');
const CLI = join(ROOT, 'dist', 'pipeline', 'cli.js');
const at = (name: string) => join(CORPUS, name);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const work = mkdtempSync(join(tmpdir(), 'att-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ValidateResult {
  code: number;
  out: string;
  err: string;
  issues: Issue[];
  seconds: number;
}

/** runValidate in-process, with the file's hash checked before and after. */
async function validate(name: string): Promise<ValidateResult> {
  const file = at(name);
  const before = sha256(file);
  const out: string[] = [];
  const err: string[] = [];
  const start = performance.now();
  const code = await runValidate([file, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), tty: false });
  const seconds = (performance.now() - start) / 1000;
  expect(sha256(file), `${name} must be left unchanged`).toBe(before);
  const text = out.join('\n');
  const issues = code === 2 ? [] : ((JSON.parse(text) as { issues: Issue[] }).issues);
  return { code, out: text, err: err.join('\n'), issues, seconds };
}

const OPTIONAL_ABSENT = ['optional-sheet-absent Agenda', 'optional-sheet-absent Speakers', 'optional-sheet-absent Submissions'];
const describeIssue = (i: Issue) => `${i.code} ${i.cell ?? i.sheet ?? ''}`;

/** The hand-counted figures of the corpus meeting (see MEETING_ROWS in generate.ts). */
async function expectMeetingFigures(name: string): Promise<void> {
  const validation = await readMeetingFile(at(name));
  expect(validation.data, `${name} should be readable`).not.toBeNull();
  const summary = computeSummary(validation.data!);
  expect(summary.meeting).toMatchObject({ code: 'ATT-HOSTILE', startDate: '2026-05-27', endDate: '2026-05-28' });
  // P1-P6 registered; all six attended some session.
  expect(summary.participants.registered.total).toBe(6);
  expect(summary.participants.attended.total).toBe(6);
  expect(summary.participants.attended.byGender).toEqual({ woman: 3, man: 2, other: 0, notStated: 1 });
  // Women / (women + men + other) = 3 / 5; "not stated" stays out of the denominator.
  expect(summary.headline.attendees).toBeCloseTo(0.6, 10);
  const sessions = summary.sessions.map((s) => ({ id: s.id, date: s.date, start: s.start, end: s.end, total: s.attendees.total, byGender: s.attendees.byGender }));
  expect(sessions).toEqual([
    // S1: P1 (W), P2 (M), P3 (M), P4 (W), P5 (W)
    { id: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', total: 5, byGender: { woman: 3, man: 2, other: 0, notStated: 0 } },
    // S2: P1 (W), P3 (M), P6 (not stated)
    { id: 'S2', date: '2026-05-28', start: '15:00', end: '18:00', total: 3, byGender: { woman: 1, man: 1, other: 0, notStated: 1 } },
  ]);
  // Heads of delegation: P1 (W, France), P3 (M, Kenya), P5 (W, ICRC).
  expect(summary.delegations).toMatchObject({ total: 3, womanHeaded: 2 });
}

/**
 * What a zip holds, from its central directory: each entry's name, CRC-32 and sizes as declared.
 * Compared instead of bytes, since another zlib build may deflate the same data differently.
 */
function zipContents(bytes: Buffer): string[] | string {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return bytes.toString('hex');
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push(`${name} crc ${bytes.readUInt32LE(p + 16)} size ${bytes.readUInt32LE(p + 24)}`);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

describe('the committed corpus', () => {
  it('is what the generator writes', () => {
    for (const [name, build] of Object.entries(CASES)) {
      // A cut zip has no directory left to compare: it is checked to be refused below.
      if (name === 'truncated.xlsx') continue;
      expect(zipContents(readFileSync(at(name))), `${name} differs: run npm run fixtures:hostile`).toEqual(zipContents(build()));
    }
  });

  it('is small', () => {
    const total = [...Object.keys(CASES), 'libreoffice-sample.xlsx'].reduce((sum, n) => sum + readFileSync(at(n)).length, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('files that are refused whole, with exit code 2 and one sentence', () => {
  const refused: [string, RegExp][] = [
    ['not-a-zip.xlsx', /is not an Excel workbook \(\.xlsx\): it is a CSV or other text file; open it in Excel/],
    ['empty-file.xlsx', /is not an Excel workbook \(\.xlsx\)/],
    ['truncated.xlsx', /is not an Excel workbook \(\.xlsx\)|damaged/],
    ['zip-without-workbook.xlsx', /without xl\/workbook\.xml/],
    // 200 MB of padding in one part, honestly declared: refused from the zip directory alone.
    ['bomb-ratio.xlsx', /xl\/worksheets\/sheet4\.xml would inflate \d+ times over/],
    // The same part declaring 1 MB: only inflating tells, and inflating stops at the declared size.
    ['bomb-lying-size.xlsx', /inflates past the size its zip directory declares/],
    // 260 parts of 4 MB: each harmless, together 1,040 MB past the 1,024 MB limit.
    ['bomb-many-parts.xlsx', /would inflate to 1040 MB, over the limit of 1024 MB/],
    // A cell reference past column XFD, or a row past 1,048,576: the sentence names the cell.
    ['cell-past-the-last-column.xlsx', /cannot be read: Participants!XFE1 is past Excel's last column, XFD\.$/],
    ['rows-past-the-last-row.xlsx', /cannot be read: Attendance!A1048577 is past Excel's last row, 1,048,576\.$/],
    // Attendance rows numbered past 2^32 (and one going backwards, which alone would be read as given).
    ['absurd-row-numbers.xlsx', /cannot be read: Attendance!A4294967297 is past Excel's last row, 1,048,576\.$/],
    // A DOCTYPE is refused before any entity of a "billion laughs" could be declared, let alone expanded.
    ['xml-entity-bomb.xlsx', /could not be read as an Excel workbook: xl\/sharedStrings\.xml is not well-formed XML \(it declares a DOCTYPE, which no workbook needs\)\.$/],
    ['malformed-sheet-xml.xlsx', /could not be read as an Excel workbook: sheet 'Attendance' \(xl\/worksheets\/sheet5\.xml\) is not well-formed XML \(.+\)\.$/],
  ];
  it.each(refused)('%s', async (name, message) => {
    const r = await validate(name);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).not.toMatch(/\.\.$/);
    expect(r.seconds).toBeLessThan(10);
  });
});

describe('odd but honest files give the meeting\'s figures', () => {
  const readable: [string, string[]][] = [
    ['baseline.xlsx', []],
    ['date-1904.xlsx', []],
    ['sheet-names-in-other-case.xlsx', []],
    ['reordered-columns.xlsx', []],
    ['text-dates-and-times.xlsx', []],
    // A formula's cached result is read; a computed name or title is worth a warning.
    ['formulas-rich-text-links.xlsx', ['formula-in-text Sessions!E2', 'formula-in-text Delegations!B2']],
    // exceljs's full reader would expand these ranges cell by cell; the streaming read ignores them.
    ['whole-column-ranges.xlsx', []],
    ['merged-header-cells.xlsx', []],
    ['long-cells.xlsx', []],
    ['names-in-many-scripts.xlsx', []],
    ['absolute-relationship-targets.xlsx', []],
    // Worksheet parts not called sheetN.xml, found through the workbook's relationships.
    ['sheet-parts-named-otherwise.xlsx', []],
    // Rows and cells without their optional r attribute take the next position.
    ['cells-without-addresses.xlsx', []],
  ];
  it.each(readable)('%s', async (name, warnings) => {
    const r = await validate(name);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.issues.map(describeIssue).sort()).toEqual([...OPTIONAL_ABSENT, ...warnings].sort());
    expect(r.seconds).toBeLessThan(10);
    await expectMeetingFigures(name);
  });

  // Inline strings, as exceljs's own streaming writer saves: without xl/sharedStrings.xml exceljs's
  // streaming reader parked the sheets in temporary files and lost the last one (Attendance).
  it('inline-strings.xlsx', async () => {
    const r = await validate('inline-strings.xlsx');
    expect(r.code).toBe(0);
    expect(r.issues.map(describeIssue).sort()).toEqual(OPTIONAL_ABSENT);
    await expectMeetingFigures('inline-strings.xlsx');
  });
});

describe('files with one mistake give one error naming its cell', () => {
  const mistakes: [string, string][] = [
    ['error-value.xlsx', 'unreadable-value Participants!E7'],
    ['duplicated-header.xlsx', 'duplicate-header Attendance!D1'],
    ['ambiguous-text-date.xlsx', 'unreadable-value Participants!I3'],
  ];
  it.each(mistakes)('%s', async (name, error) => {
    const r = await validate(name);
    expect(r.code).toBe(1);
    expect(r.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([error]);
    expect(r.issues.filter((i) => i.severity === 'warning').map(describeIssue).sort()).toEqual(OPTIONAL_ABSENT);
  });

  it('absurd-numbers.xlsx: serials no calendar holds and a negative time, each an error at its cell', async () => {
    const r = await validate('absurd-numbers.xlsx');
    expect(r.code).toBe(1);
    // Sessions!B2 = 1e308, Sessions!C3 = -5, Participants!I4 = 2,958,466 (the day after 9999-12-31).
    expect(r.issues.filter((i) => i.severity === 'error').map(describeIssue).sort()).toEqual(['unreadable-value Participants!I4', 'unreadable-value Sessions!B2', 'unreadable-value Sessions!C3']);
  });

  it('bad-cell-references.xlsx: a shared string past the table and text in a number cell stay with their cells', async () => {
    const r = await validate('bad-cell-references.xlsx');
    expect(r.code).toBe(1);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.cell).sort()).toEqual(['Participants!C3', 'Participants!D4']);
  });
});

describe('sheets Excel would never write', () => {
  it('two-sheets-one-name.xlsx: of two sheets whose names differ only in case (Excel forbids it), the first is read and the second named', async () => {
    const r = await validate('two-sheets-one-name.xlsx');
    expect(r.code).toBe(0);
    expect(r.issues.map(describeIssue).sort()).toEqual(['duplicate-sheet ATTENDANCE', ...OPTIONAL_ABSENT].sort());
    await expectMeetingFigures('two-sheets-one-name.xlsx');
  });
});

describe('the sample re-saved by LibreOffice', () => {
  const sample = join(ROOT, 'templates', 'sample-csp12-prep.xlsx');
  it.skipIf(!existsSync(sample))('validates to the same planted warnings and the same figures as the original', async () => {
    const original = await readMeetingFile(sample);
    const resaved = await readMeetingFile(at('libreoffice-sample.xlsx'));
    const issues = (v: typeof original) => v.issues.map(describeIssue).sort();
    expect(issues(resaved)).toEqual(issues(original));
    // The four planted warnings of the sample, and nothing else.
    expect(issues(resaved).map((i) => i.split(' ')[0])).toEqual(['delegation-several-heads', 'duplicate-person', 'late-registration', 'late-submission']);
    const a = computeSummary(original.data!);
    const b = computeSummary(resaved.data!);
    expect(b.headline).toEqual(a.headline);
    expect(b.participants).toEqual(a.participants);
    expect(b.sessions).toEqual(a.sessions);
  });
});

describe('report on odd files', () => {
  it.each(['names-in-many-scripts.xlsx', 'long-cells.xlsx', 'date-1904.xlsx'])('%s: report written, input unchanged', async (name) => {
    const before = sha256(at(name));
    const out = join(work, name.replace('.xlsx', ''));
    const err: string[] = [];
    const code = await runReport([at(name), '--out', out], { out: () => {}, err: (t) => err.push(t), tty: false, today: () => '2026-06-01' });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { headline: { attendees: number } };
    expect(summary.headline.attendees).toBeCloseTo(0.6, 10);
    expect(sha256(at(name))).toBe(before);
  });
});

// The command line as a person meets it: a separate process with a memory cap. Needs the build
// (`npm ci` runs it through `prepare`; locally, `npm run build`).
describe.skipIf(!existsSync(CLI))('the att-meetings command on the corpus', () => {
  const cases: [string, number][] = [
    ['not-a-zip.xlsx', 2],
    ['truncated.xlsx', 2],
    ['bomb-ratio.xlsx', 2],
    ['bomb-lying-size.xlsx', 2],
    ['bomb-many-parts.xlsx', 2],
    ['cell-past-the-last-column.xlsx', 2],
    ['xml-entity-bomb.xlsx', 2],
    ['error-value.xlsx', 1],
    ['whole-column-ranges.xlsx', 0],
    ['long-cells.xlsx', 0],
    ['rows-past-the-last-row.xlsx', 2],
    ['absurd-row-numbers.xlsx', 2],
    ['cells-without-addresses.xlsx', 0],
    ['sheet-parts-named-otherwise.xlsx', 0],
  ];
  it.each(cases)('validate %s exits %i without a stack trace, in 256 MB', (name, exit) => {
    const before = sha256(at(name));
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'validate', at(name)], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(exit);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout + r.stderr).not.toMatch(/internal error/);
    if (exit === 1) expect(r.stdout).toMatch(/Participants!E7/);
    expect(sha256(at(name))).toBe(before);
  });

  it('report on a bomb exits 2 without a stack trace and writes nothing', () => {
    const out = join(work, 'bomb-report');
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'report', at('bomb-lying-size.xlsx'), '--out', out], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});
