// The report and trend commands end to end on workbooks built in the test: exit codes, the files
// written, the figures printed, output replaced whole, and no personal data in any output.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { SummarySchema } from '../../pipeline/core/summary.js';
import { MARKER, writeFolderWhole } from '../../pipeline/output-folder.js';
import { type CommandIo, runReport } from '../../pipeline/report-command.js';
import { dataQualityText } from '../../pipeline/core/figures.js';
import { runTrend } from '../../pipeline/trend-command.js';
import { day, type Sheets, tempDir, tempDir as makeTempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';
import { runCliProcess } from '../support/cli-process.js';
import { pngSize, unzipText } from './unzip.js';

function captureIo(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), tty: false, today: () => '2026-05-29' };
}

const PERSONAL = ['Zebulonia', 'Quixotrix', 'zeb.secret@example.org', 'Ana', 'Ruiz', 'ana.ruiz', 'Berg', 'lee.kim'];

/**
 * The fixture's valid meeting with a distinctive name and e-mail for P1, P1 checked into S1 twice,
 * and a session title that looks like a formula.
 * S1: P1 W, P2 M -> 1/2 ; S2: P3 W -> 1 ; attended P1 W, P2 M, P3 W -> 2/3 ;
 * heads P1 W, P3 W -> 1 ; interventions P1 W -> 1.
 */
function meetingSheets(): Sheets {
  const s = validSheets();
  s.Participants![1] = ['P1', 'D-CHE', 'Ms', 'Zebulonia', 'Quixotrix', 'Woman', 'Head of delegation', 'zeb.secret@example.org', 'In person', day('2026-05-01'), 'Confirmed'];
  s.Attendance!.push(['P1', 'S1', 'In person', '2026-05-27 10:15']);
  s.Sessions![2]![4] = '=HYPERLINK("http://evil.example","x")';
  return s;
}

async function writeMeeting(dir: string, sheets = meetingSheets(), name = 'meeting.xlsx'): Promise<string> {
  return writeWorkbook(path.join(dir, name), sheets);
}

describe('att-meetings report', () => {
  it('writes report.xlsx, brief.pdf, summary.json and the charts, and prints the headline figures', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const out = path.join(dir, 'out');
    const io = captureIo();
    expect(await runReport([input, '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout.join('\n')).toContain(out);
    // Each share beside its counts: attended P1 W, P2 M, P3 W ; heads P1, P3 ; P1 spoke once.
    expect(io.stdout).toContain('  Share of women among participants who attended at least one session: 66.7% (2 of 3 attendees; small group (n under 10))');
    expect(io.stdout).toContain('  Share of women among heads of delegation who attended at least one session: 100.0% (2 of 2 heads of delegation who attended; small group (n under 10))');
    expect(io.stdout).toContain('  Share of interventions (times a person took the floor) made by women: 100.0% (1 of 1 interventions; small group (n under 10))');

    expect(readdirSync(out).sort()).toEqual([MARKER, 'brief.pdf', 'charts', 'report.xlsx', 'summary.json']);
    const pngs = readdirSync(path.join(out, 'charts')).sort();
    expect(pngs).toEqual(['attendance-by-gender.png', 'heads-of-delegation.png', 'mode-by-gender.png', 'speakers-by-gender.png', 'women-share-by-category.png']);
    for (const p of pngs) expect(pngSize(readFileSync(path.join(out, 'charts', p)))).toEqual({ width: 1600, height: 900 });

    const summary = SummarySchema.parse(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')));
    expect(summary.meeting.code).toBe('CSP12-PREP');
    expect(summary.sessions.map((s) => [s.id, s.attendees.total, s.attendees.womenShare])).toEqual([
      ['S1', 2, 0.5], // P1 checked in twice, counted once
      ['S2', 1, 1],
    ]);
    expect(summary.headline).toEqual({ attendees: 2 / 3, headsOfDelegation: 1, speakers: 1 });
    expect(summary.delegations).toMatchObject({ total: 2, withWoman: 2, womanHeaded: 2, menOnly: 0 });
    expect(summary.dataQuality?.errors).toBe(0);
    expect(summary.dataQuality?.warnings).toBeGreaterThanOrEqual(1); // the second check-in

    // The formula-looking title is text in report.xlsx.
    const xml = await unzipText(readFileSync(path.join(out, 'report.xlsx')));
    for (const [name, text] of xml) if (name.startsWith('xl/worksheets/sheet')) expect(text).not.toMatch(/<f[ >]/);
    expect(xml.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(');
  });

  it('lets no participant name or e-mail into brief.pdf, summary.json, report.xlsx or the charts', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const out = path.join(dir, 'out');
    expect(await runReport([input, '--out', out], captureIo())).toBe(0);
    const texts = [
      readFileSync(path.join(out, 'summary.json'), 'utf8'),
      execFileSync('pdftotext', [path.join(out, 'brief.pdf'), '-'], { encoding: 'utf8' }),
      readFileSync(path.join(out, 'brief.pdf'), 'latin1'),
      ...(await unzipText(readFileSync(path.join(out, 'report.xlsx')))).values(),
      ...readdirSync(path.join(out, 'charts')).map((p) => readFileSync(path.join(out, 'charts', p), 'latin1')),
    ];
    // The input does hold them, so the test would see them if they leaked.
    expect(JSON.stringify(meetingSheets())).toContain('zeb.secret@example.org');
    for (const t of texts) for (const p of PERSONAL) expect(t).not.toContain(p);
  });

  it('stops with exit code 1 on errors, writing nothing', async () => {
    const dir = tempDir();
    const sheets = meetingSheets();
    sheets.Participants![2]![5] = 'Q'; // P2's gender cannot be read
    const input = await writeMeeting(dir, sheets);
    const out = path.join(dir, 'out');
    const io = captureIo();
    expect(await runReport([input, '--out', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('--force');
    expect(io.stderr.join('\n')).toContain('Participants!F3');
    expect(existsSync(out)).toBe(false);
  });

  it('with --force reports on the valid rows and says what was left out', async () => {
    const dir = tempDir();
    const sheets = meetingSheets();
    sheets.Participants![2]![5] = 'Q';
    const input = await writeMeeting(dir, sheets);
    const out = path.join(dir, 'out');
    const io = captureIo();
    expect(await runReport([input, '--out', out, '--force'], io)).toBe(0);
    expect(io.stderr.slice(0, 2)).toEqual([
      `--force: reporting on the valid rows of ${input}; 1 error left these rows out:`,
      '  Participants: 1 row left out (1 row with a cell that cannot be read)',
    ]);
    const summary = SummarySchema.parse(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')));
    // P2 is gone (and so is its attendance row): S1 has P1 only
    expect(summary.participants.registered.total).toBe(2);
    expect(summary.sessions[0]!.attendees.total).toBe(1);
    expect(summary.dataQuality?.leftOut.find((l) => l.sheet === 'Participants')?.count).toBe(1);
    // Left out: P2, P2's attendance in S1 and P1's second check-in to S1; warnings: that repeated
    // check-in and S2's formula-like title.
    expect(dataQualityText(summary)).toBe('Counted from 2 registered participants (cancelled registrations left out) and 2 sessions. 3 rows of the workbook could not be read and are left out of every figure (Participants: 1, Attendance: 2). The Secretariat has 2 points to check, such as a late registration or a possible duplicate person; no row is removed for them.');
  });

  it('gives exit code 2 for a file that is not a workbook', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'notes.xlsx');
    writeFileSync(input, 'this is not a zip');
    const io = captureIo();
    expect(await runReport([input, '--out', path.join(dir, 'out')], io)).toBe(2);
    expect(io.stderr.length).toBeGreaterThan(0);
  });

  it('refuses an output folder that contains the input file', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const before = readFileSync(input);
    const io = captureIo();
    expect(await runReport([input, '--out', dir], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('contains the input file');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('replaces the previous output cleanly on a second run, keeping the trend folder', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const out = path.join(dir, 'out');
    expect(await runReport([input, '--out', out], captureIo())).toBe(0);
    writeFileSync(path.join(out, 'charts', 'stale.png'), 'old');
    mkdirSync(path.join(out, 'trend'));
    writeFileSync(path.join(out, 'trend', 'trend.png'), 'kept');
    expect(await runReport([input, '--out', out], captureIo())).toBe(0);
    expect(existsSync(path.join(out, 'charts', 'stale.png'))).toBe(false);
    expect(readFileSync(path.join(out, 'trend', 'trend.png'), 'utf8')).toBe('kept');
    expect(readdirSync(dir).sort()).toEqual(['meeting.xlsx', 'out']); // no temporary folders left
  });

  it('shows progress on a terminal, on one line that it clears at the end', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const lines: string[] = [];
    const io = { ...captureIo(), tty: true, progress: (t: string) => lines.push(t) };
    expect(await runReport([input, '--out', path.join(dir, 'out')], io)).toBe(0);
    expect(lines).toContain('Reading meeting.xlsx: Participants, 0 rows');
    expect(lines).toContain('Drawing chart 1 of 5: attendance-by-gender');
    expect(lines.at(-1)).toBe('');
    expect(io.stderr).toEqual([]);
  });

  it('gives the same bytes for the same workbook, run after run', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    expect(await runReport([input, '--out', a], captureIo())).toBe(0);
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a resolution of two seconds
    expect(await runReport([input, '--out', b], captureIo())).toBe(0);
    for (const f of ['report.xlsx', 'brief.pdf', 'summary.json', 'charts/attendance-by-gender.png']) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    }
  });

  it('says in one sentence, exit 1, why a workbook without its Meeting fields cannot be reported on, even with --force', async () => {
    const dir = tempDir();
    const sheets = meetingSheets();
    sheets.Meeting![1]![1] = ''; // no Code: the Meeting sheet cannot be read, so there is nothing to report on
    const input = await writeMeeting(dir, sheets);
    const out = path.join(dir, 'out');
    for (const argv of [[input, '--out', out], [input, '--out', out, '--force']]) {
      const io = captureIo();
      expect(await runReport(argv, io)).toBe(1);
      expect(io.stderr).toEqual([
        `${input} cannot be reported on: 1 error, and a field the Meeting sheet needs is empty or cannot be read, so there is nothing to report on, even with --force.`,
        '  Meeting!B2  Code is required but the cell is empty.',
      ]);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing required sheet as what leaves nothing to report on', async () => {
    const dir = tempDir();
    const sheets = meetingSheets();
    delete sheets.Attendance;
    const input = await writeMeeting(dir, sheets);
    const io = captureIo();
    expect(await runReport([input, '--out', path.join(dir, 'out')], io)).toBe(1);
    expect(io.stderr[0]).toBe(`${input} cannot be reported on: 1 error, and a required sheet or column is missing, so there is nothing to report on, even with --force.`);
  });

  it('counts one error as one error', async () => {
    const dir = tempDir();
    const sheets = meetingSheets();
    sheets.Participants![2]![5] = 'Q';
    const input = await writeMeeting(dir, sheets);
    const io = captureIo();
    expect(await runReport([input, '--out', path.join(dir, 'out')], io)).toBe(1);
    expect(io.stderr[0]).toBe(`${input} has 1 error; fix it, or run again with --force to report on the valid rows only.`);
  });

  it('refuses, before any work and in one sentence (exit 2), an --out that cannot be created because a file stands on its path', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'a file, not a folder');
    for (const out of [path.join(notes, 'out'), path.join(notes, 'a', 'b')]) {
      const lines: string[] = [];
      const io = { ...captureIo(), tty: true, progress: (t: string) => lines.push(t) };
      expect(await runReport([input, '--out', out], io)).toBe(2);
      expect(io.stderr).toEqual([`${out} cannot be created, as ${notes} is a file: choose another folder with --out.`]);
      expect(lines).toEqual([]); // refused before reading the workbook
    }
    expect(readdirSync(dir).sort()).toEqual(['meeting.xlsx', 'notes.txt']);
  });

  it('ends with one sentence and exit 2, not a stack, when the output folder cannot be written', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const out = path.join(dir, 'x'.repeat(300)); // longer than any file system allows a name to be
    const io = captureIo();
    expect(await runReport([input, '--out', out], io)).toBe(2);
    expect(io.stderr).toEqual([`${out} cannot be written (a name on its path is too long): choose another folder with --out.`]);
    expect(readdirSync(dir)).toEqual(['meeting.xlsx']);
  });

  it('refuses to replace a folder it did not write', async () => {
    const dir = tempDir();
    const input = await writeMeeting(dir);
    const out = path.join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(path.join(out, 'thesis.docx'), 'precious');
    const io = captureIo();
    expect(await runReport([input, '--out', out], io)).toBe(2);
    expect(readFileSync(path.join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });
});

describe('writeFolderWhole', () => {
  it('replaces the folder a symbolic link points to, keeping the link', async () => {
    const dir = tempDir();
    const real = path.join(dir, 'real');
    const link = path.join(dir, 'link');
    await writeFolderWhole(real, new Map([['a.txt', 'first']]));
    symlinkSync(real, link);
    await writeFolderWhole(link, new Map([['b.txt', 'second']]));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(real).sort()).toEqual([MARKER, 'b.txt']);
    expect(readFileSync(path.join(link, 'b.txt'), 'utf8')).toBe('second');
    expect(readdirSync(dir).sort()).toEqual(['link', 'real']);
  });

  it('leaves the previous output as it was when writing fails', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    await writeFolderWhole(out, new Map([['a.txt', 'first']]));
    // "x" is written as a file, so "x/y.txt" cannot be: the write fails half-way.
    await expect(writeFolderWhole(out, new Map([['b.txt', 'second'], ['x', 'file'], ['x/y.txt', 'fails']]))).rejects.toThrow();
    expect(readdirSync(out).sort()).toEqual([MARKER, 'a.txt']);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('att-meetings trend', () => {
  it('orders meetings by date and writes trend.xlsx and trend.png', async () => {
    const dir = tempDir();
    const csp = await writeMeeting(dir, meetingSheets(), 'csp.xlsx');
    // An earlier Working Group meeting without a Speakers sheet, where only P2 (a man) attended.
    const wg = meetingSheets();
    wg.Meeting![1] = ['Code', 'WG-FEB'];
    wg.Meeting![5] = ['Start date', day('2026-02-10')];
    wg.Meeting![6] = ['End date', day('2026-02-11')];
    wg.Meeting![8] = ['Registration deadline', day('2026-02-01')];
    wg.Sessions![1]![1] = day('2026-02-10');
    wg.Sessions![2]![1] = day('2026-02-11');
    wg.Participants!.forEach((r, i) => {
      if (i > 0) r[9] = day('2026-01-20');
    });
    wg.Attendance = [['Participant ID', 'Session ID', 'Mode', 'Checked in at'], ['P2', 'S1', 'In person', '']];
    delete wg.Speakers;
    const wgFile = await writeMeeting(dir, wg, 'wg.xlsx');
    const out = path.join(dir, 'trend');
    const io = captureIo();
    expect(await runTrend([csp, wgFile, '--out', out], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(pngSize(readFileSync(path.join(out, 'trend.png')))).toEqual({ width: 1600, height: 900 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'trend.xlsx'));
    const ws = wb.getWorksheet('Trend')!;
    // WG-FEB: attended P2 M -> 0 of 1 ; heads none attended -> n/a ; no Speakers sheet -> not recorded
    expect(ws.getRow(2).values).toEqual([
      undefined, 'WG-FEB', 'Informal preparatory meeting for CSP12', '2026-02-10', '2026-02-11', 1,
      0, '0.0% (0 of 1 attendees; small group (n under 10))', 'n/a', 'n/a (no heads)', 'not recorded', 'not recorded',
    ]);
    expect(ws.getRow(3).getCell(1).value).toBe('CSP12-PREP');
    expect(ws.getRow(3).getCell(6).value).toBeCloseTo(2 / 3, 10);
    expect(ws.getRow(3).getCell(6).numFmt).toBe('0.0%');
    expect(ws.getRow(3).getCell(7).value).toBe('66.7% (2 of 3 attendees; small group (n under 10))');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trend', 'By category', 'Chart', 'Chart by category']);
    expect(wb.getWorksheet('Chart')!.getImages().length).toBe(1);
    expect(wb.getWorksheet('Chart by category')!.getImages().length).toBe(1);
    expect(pngSize(readFileSync(path.join(out, 'trend-by-category.png')))).toEqual({ width: 1600, height: 900 });
  });
});

describe('att-meetings trend from aggregates', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = makeTempDir();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** An earlier meeting, WG-FEB, where only P2 (a man) attended, without a Speakers sheet. */
  function wgSheets(): Sheets {
    const wg = meetingSheets();
    wg.Meeting![1] = ['Code', 'WG-FEB'];
    wg.Meeting![5] = ['Start date', day('2026-02-10')];
    wg.Meeting![6] = ['End date', day('2026-02-11')];
    wg.Meeting![8] = ['Registration deadline', day('2026-02-01')];
    wg.Sessions![1]![1] = day('2026-02-10');
    wg.Sessions![2]![1] = day('2026-02-11');
    wg.Participants!.forEach((r, i) => {
      if (i > 0) r[9] = day('2026-01-20');
    });
    wg.Attendance = [['Participant ID', 'Session ID', 'Mode', 'Checked in at'], ['P2', 'S1', 'In person', '']];
    delete wg.Speakers;
    return wg;
  }

  it('takes the summary.json of an earlier report in place of its workbook', async () => {
    const dir = tempDir();
    const wgFile = await writeMeeting(dir, wgSheets(), 'wg.xlsx');
    expect(await runReport([wgFile, '--out', path.join(dir, 'a')], captureIo())).toBe(0);
    const csp = await writeMeeting(dir, meetingSheets(), 'csp.xlsx');
    const io = captureIo();
    expect(await runTrend([path.join(dir, 'a', 'summary.json'), csp, '--out', path.join(dir, 'trend')], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    // WG-FEB from its summary.json, first by date: P2 M -> 0 of 1 ; CSP12-PREP: 2 of 3.
    expect(io.stdout.slice(1)).toEqual([
      '  2026-02-10  WG-FEB: attendees 0.0% (0 of 1 attendees; small group (n under 10)); heads of delegation who attended n/a (no heads); interventions not recorded',
      '  2026-05-27  CSP12-PREP: attendees 66.7% (2 of 3 attendees; small group (n under 10)); heads of delegation who attended 100.0% (2 of 2 heads; small group (n under 10)); interventions 100.0% (1 of 1 interventions; small group (n under 10))',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'trend', 'trend.xlsx'));
    // By category, CSP12-PREP: State Party D-CHE P1 W, P2 M -> 1 of 2 ; CSO D-SAS P3 W -> 1 of 1.
    const rows = wb.getWorksheet('By category')!.getSheetValues().filter((r) => Array.isArray(r) && r[1] === 'CSP12-PREP') as unknown[][];
    expect(rows.find((r) => r[3] === 'State Party')!.slice(4, 8)).toEqual([0.5, 1, 2, 0]);
    expect(rows.find((r) => r[3] === 'Civil Society or NGO')!.slice(4, 8)).toEqual([1, 1, 1, 0]);
    expect(rows.find((r) => r[3] === 'Industry')!.slice(4, 9)).toEqual(['n/a', 0, 0, 0, 'n/a (no attendees)']);
  });

  it('refuses the same meeting twice, naming it, and writes nothing', async () => {
    const dir = tempDir();
    const x = await writeMeeting(dir, meetingSheets(), 'x.xlsx');
    const io = captureIo();
    expect(await runTrend([x, x, '--out', path.join(dir, 'trend')], io)).toBe(2);
    expect(io.stderr).toEqual([`${x} and ${x} are the same meeting, CSP12-PREP (2026-05-27 to 2026-05-28): give each meeting once.`]);
    expect(existsSync(path.join(dir, 'trend'))).toBe(false);
    // The same meeting as a workbook and as the summary.json of its report: refused too.
    expect(await runReport([x, '--out', path.join(dir, 'a')], captureIo())).toBe(0);
    const io2 = captureIo();
    expect(await runTrend([path.join(dir, 'a', 'summary.json'), x, '--out', path.join(dir, 'trend')], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('are the same meeting, CSP12-PREP');
  });

  it('reads only summaries of its own workbook contract version, and says which version a refused one has', async () => {
    const dir = tempDir();
    const x = await writeMeeting(dir, meetingSheets(), 'x.xlsx');
    const wg = await writeMeeting(dir, wgSheets(), 'wg.xlsx');
    expect(await runReport([wg, '--out', path.join(dir, 'a')], captureIo())).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'a', 'summary.json'), 'utf8')) as Record<string, unknown>;
    // summary.json says which contract it was written under (version 1 today).
    expect(written.contractVersion).toBe(1);
    // A later version's summary, even of the same shape, may count differently: refused, naming both versions.
    const later = path.join(dir, 'later.json');
    writeFileSync(later, JSON.stringify({ ...written, contractVersion: 2 }));
    // And one whose shape changed with it (a field renamed): the versions, not a missing field, are the reason.
    const renamed = path.join(dir, 'renamed.json');
    const { headline, ...rest } = written;
    writeFileSync(renamed, JSON.stringify({ ...rest, headlines: headline, contractVersion: 2 }));
    for (const file of [later, renamed]) {
      const io = captureIo();
      expect(await runTrend([file, x, '--out', path.join(dir, 'trend')], io)).toBe(2);
      expect(io.stderr).toEqual([`${file} is the summary.json of a report under workbook contract version 2; this att-meetings reads version 1: draw this trend with an att-meetings that reads version 2, or report on that meeting again.`]);
    }
    expect(existsSync(path.join(dir, 'trend'))).toBe(false);
  });

  it('refuses, in one sentence, a JSON file that is not a report summary', async () => {
    const dir = tempDir();
    const x = await writeMeeting(dir, meetingSheets(), 'x.xlsx');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ meeting: { code: 'X' } }));
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, 'hello');
    for (const [file, expected] of [
      [bad, `${bad} is not the summary.json of an att-meetings report: at meeting.title,`],
      [notJson, `${notJson} is not JSON, so not the summary.json of an att-meetings report.`],
    ] as const) {
      const io = captureIo();
      expect(await runTrend([file, x, '--out', path.join(dir, 'trend')], io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]!.startsWith(expected)).toBe(true);
      expect(io.stderr[0]).not.toMatch(/\n|    at /);
    }
  });

  it('refuses, in one sentence (exit 2), an --out under a file, before reading any workbook', async () => {
    const dir = tempDir();
    const a = await writeMeeting(dir, meetingSheets(), 'a.xlsx');
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'a file');
    const out = path.join(notes, 'trend');
    const io = captureIo();
    expect(await runTrend([a, a, '--out', out], io)).toBe(2);
    expect(io.stderr).toEqual([`${out} cannot be created, as ${notes} is a file: choose another folder with --out.`]);
  });
});

// The same command as a separate process, on the dist/ that test/global-setup.ts compiles from the
// current source before the tests.
describe('att-meetings report as a process', () => {
  it('exits 0 and writes summary.json for a valid workbook, 1 and nothing for one with errors', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const ok = runCliProcess(['report', await writeMeeting(dir), '--out', out]);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^Report on CSP12-PREP written to /);
    // Attended: P1 W, P2 M, P3 W -> 2 of 3 (see meetingSheets).
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).headline.attendees).toBeCloseTo(2 / 3, 10);
    const sheets = meetingSheets();
    sheets.Participants![2]![5] = 'Q';
    const bad = runCliProcess(['report', await writeMeeting(dir, sheets, 'bad.xlsx'), '--out', path.join(dir, 'bad-out')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Participants!F3');
    expect(existsSync(path.join(dir, 'bad-out'))).toBe(false);
  });

  it('exits 2 with one sentence and no stack for an --out under a file', async () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'a file');
    const p = runCliProcess(['report', await writeMeeting(dir), '--out', path.join(notes, 'out')]);
    expect([p.status, p.stdout, p.stderr]).toEqual([2, '', `${path.join(notes, 'out')} cannot be created, as ${notes} is a file: choose another folder with --out.\n`]);
  });
});
