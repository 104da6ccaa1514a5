// The validate command end to end, in-process: exit codes 0/1/2, human and JSON output, files that
// are not workbooks, zip bombs (honest and lying), and the input file left byte for byte unchanged.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MeetingReader } from '../../pipeline/core/read-meeting.js';
import { type Command, runCli } from '../../pipeline/commands.js';
import { runValidate, type ValidateIo } from '../../pipeline/validate-command.js';
import { ZIP_LIMITS } from '../../pipeline/zip-guard.js';
import { type Sheets, tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';
import { zip } from '../fixtures/hostile/zip.js';
import { CLI, runCliProcess } from '../support/cli-process.js';

const dir = tempDir('att-cli-');
let n = 0;
const file = (sheets: Sheets) => writeWorkbook(path.join(dir, `w-${++n}.xlsx`), sheets);
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function capture(tty = false): ValidateIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), tty };
}

async function run(argv: string[], options: Parameters<typeof runValidate>[2] = {}, tty = false) {
  const io = capture(tty);
  const code = await runValidate(argv, io, options);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const MINIMAL_XLSX_PARTS = {
  workbook: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Meeting" sheetId="1" r:id="rId1"/></sheets></workbook>',
  rels: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

describe('att-meetings validate: exit codes and output', () => {
  it('exits 0 for a valid workbook and says so', async () => {
    const r = await run([await file(validSheets())]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^.*w-\d+\.xlsx: 0 errors, 0 warnings\n\nValid\.$/);
    expect(r.err).toBe('');
  });

  it('exits 0 with warnings, 1 with errors; human output is grouped by sheet, one issue a line', async () => {
    const s = validSheets();
    s.Participants![2]![9] = '25 May 2026'; // late: a warning
    const warned = await run([await file(s)]);
    expect(warned.code).toBe(0);
    s.Participants![3]![1] = 'D-XXX';
    s.Sessions![1]![3] = '09:00';
    const r = await run([await file(s)]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/: 2 errors, 1 warning$/);
    expect(lines.slice(1)).toEqual([
      '',
      'Sessions (1)',
      '  Sessions!D2  error    Session S1 ends (09:00) at or before its start (10:00). (found 09:00, expected a time after the start 10:00)',
      '',
      'Participants (2)',
      '  Participants!J3  warning  Participant P2 registered after the registration deadline. (found 2026-05-25, expected on or before the registration deadline 2026-05-22)',
      '  Participants!B4  error    Delegation ID "D-XXX" is not on the Delegations sheet. (found "D-XXX", expected a Delegation ID from the Delegations sheet)',
      '',
      'Rows left out of the figures',
      '  Sessions: 1 row (1 row with an end not after its start)',
      '  Agenda: 1 row (1 row referring to a session that is itself left out)',
      '  Participants: 1 row (1 row referring to an unknown delegation)',
      '  Attendance: 3 rows (2 rows referring to a session that is itself left out; 1 row referring to a participant that is itself left out)',
      '  Speakers: 1 row (1 row referring to a session that is itself left out)',
      '',
      'Not valid: fix the 2 errors above (rows with errors are left out of any report).',
    ]);
    expect(r.out).not.toContain('\u001b[');
    const coloured = await run([await file(s)], {}, true);
    expect(coloured.out).toContain('\u001b[31merror  \u001b[0m');
  });

  it('--json gives file, contract version, validity, counts, issues and rows left out', async () => {
    const s = validSheets();
    s.Participants![3]![5] = 'Femmex';
    const f = await file(s);
    const r = await run([f, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      // P3 is left out, so D-SAS sends nobody and needs no head: no warning.
      file: f, contractVersion: 1, valid: false, errors: 1, warnings: 0,
      issues: [
        { severity: 'error', code: 'not-allowed', sheet: 'Participants', cell: 'Participants!F4', row: 4, found: '"Femmex"', expected: 'a gender: one of Woman, Man, Other, Not stated', message: 'Gender "Femmex" is not one of the allowed values.' },
      ],
      leftOut: [
        { sheet: 'Participants', count: 1, reasons: ['1 row with a cell that cannot be read'] },
        { sheet: 'Attendance', count: 1, reasons: ['1 row referring to a participant that is itself left out'] },
      ],
    });
  });

  it('usage mistakes exit 2 with the usage; --help exits 0', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('Usage: att-meetings validate') });
    expect(await run(['a.xlsx', '--jsn'])).toMatchObject({ code: 2, err: expect.stringContaining('Unknown option --jsn.') });
    expect(await run(['a.xlsx', 'b.xlsx'])).toMatchObject({ code: 2 });
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('--json') });
  });
});

describe('files that cannot be read at all exit 2 with one sentence', () => {
  const refused = async (f: string, sentence: RegExp, options: Parameters<typeof runValidate>[2] = {}) => {
    const before = sha(f);
    const r = await run([f], options);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(sentence);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(sha(f)).toBe(before);
  };

  it('a file that does not exist', async () => {
    const r = await run([path.join(dir, 'nowhere.xlsx')]);
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/nowhere\.xlsx cannot be read: there is no such file\.$/) });
  });

  it('a text file renamed .xlsx', async () => {
    const f = path.join(dir, 'notes.xlsx');
    writeFileSync(f, 'Participant ID,Gender\nP1,Woman\n');
    await refused(f, /notes\.xlsx is not an Excel workbook \(\.xlsx\): it is a CSV or other text file; open it in Excel \(or LibreOffice Calc\) and save it as Excel Workbook \(\.xlsx\)\.$/);
  });

  it('a corrupt workbook (cut in half)', async () => {
    const f = await file(validSheets());
    const bytes = readFileSync(f);
    const cut = path.join(dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(cut, /cut\.xlsx is not an Excel workbook/);
  });

  it('a zip that is not a workbook', async () => {
    const f = path.join(dir, 'photos.xlsx');
    writeFileSync(f, zip([{ name: 'photo.txt', data: Buffer.from('hello') }]));
    await refused(f, /photos\.xlsx is not an Excel workbook \(\.xlsx\): it is a zip file without xl\/workbook\.xml\.$/);
  });

  it('a zip bomb: one entry inflating a thousand times over', async () => {
    const f = path.join(dir, 'bomb.xlsx');
    writeFileSync(f, zip([
      { name: 'xl/workbook.xml', data: Buffer.from(MINIMAL_XLSX_PARTS.workbook) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20) },
    ]));
    await refused(f, /bomb\.xlsx is refused: xl\/worksheets\/sheet1\.xml would inflate \d+ times over, past the limit of 200 to 1 \(a zip bomb\?\)\.$/);
  });

  it('a workbook whose contents inflate past the total limit (lowered for the test)', async () => {
    const f = await file(validSheets());
    await refused(f, /is refused: its contents would inflate to \d+ MB, over the limit of 0 MB\.$/, { limits: { ...ZIP_LIMITS, maxUncompressedBytes: 20_000 } });
  });

  it('a zip that lies about an entry\'s size is stopped as the entry inflates past it', async () => {
    const f = path.join(dir, 'liar.xlsx');
    writeFileSync(f, zip([
      { name: 'xl/workbook.xml', data: Buffer.from(MINIMAL_XLSX_PARTS.workbook) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(MINIMAL_XLSX_PARTS.rels) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]));
    await refused(f, /liar\.xlsx is refused: xl\/worksheets\/sheet1\.xml inflates past the size its zip directory declares \(a zip bomb\?\)\.$/);
  });
});

describe('a bug is not passed off as a bad file', () => {
  it('an exception in the validator reaches the caller as itself, not as an unreadable workbook', async () => {
    const f = await file(validSheets());
    vi.spyOn(MeetingReader.prototype, 'row').mockImplementation(() => {
      throw new TypeError('boom');
    });
    await expect(run([f])).rejects.toThrow(TypeError);
  });
});

describe('the input file is only ever read', () => {
  it('its bytes are the same after validation, valid or not', async () => {
    const s = validSheets();
    const valid = await file(s);
    s.Participants![1]![5] = 'Femmex';
    const invalid = await file(s);
    for (const f of [valid, invalid]) {
      const before = sha(f);
      await run([f, '--json']);
      await run([f]);
      expect(sha(f)).toBe(before);
    }
  });
});

describe('att-meetings (the command dispatcher)', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), tty: false } };
  };

  it('lists the commands on --help, and refuses an unknown command with exit 2', async () => {
    const a = io();
    expect(await runCli(['--help'], undefined, a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/Usage: att-meetings <command>[\s\S]*validate/);
    const b = io();
    expect(await runCli(['frobnicate'], undefined, b.io)).toBe(2);
    expect(b.err.join('\n')).toMatch(/^Unknown command "frobnicate"\.\nUsage/);
    const c = io();
    expect(await runCli([], undefined, c.io)).toBe(2);
  });

  it('prints a bug as an internal error with its stack, exit 3', async () => {
    const broken: Record<string, Command> = { crash: { summary: '', run: async () => { throw new TypeError('x is undefined'); } } };
    const a = io();
    expect(await runCli(['crash'], broken, a.io)).toBe(3);
    expect(a.err.join('\n')).toMatch(/^att-meetings: internal error \(a bug[^\n]*\n.*TypeError: x is undefined\n\s+at /s);
  });
});

// The same exit codes from a separate process on the compiled command line, which
// test/global-setup.ts builds from the current source before the tests (never a stale dist/).
describe('att-meetings validate as a process', () => {
  it('exits 0 for a valid workbook, 1 for one with errors, 2 for a file that is not a workbook', async () => {
    const s = validSheets();
    const valid = await file(s);
    s.Participants![1]![5] = 'Femmex';
    const invalid = await file(s);
    const notes = path.join(dir, 'process-notes.xlsx');
    writeFileSync(notes, 'not a workbook\n');
    const ok = runCliProcess(['validate', valid]);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/: 0 errors, 0 warnings\n\nValid\.\n$/);
    const bad = runCliProcess(['validate', invalid, '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, errors: 1 });
    const unreadable = runCliProcess(['validate', notes]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/process-notes\.xlsx is not an Excel workbook \(\.xlsx\)/);
  });

  it('keeps its own exit code, without a stack, when the reader of its output stops early (| true, | grep -q)', async () => {
    const s = validSheets();
    const valid = await file(s);
    s.Participants![1]![5] = 'Femmex';
    const invalid = await file(s);
    for (const [input, expected] of [[valid, 0], [invalid, 1]] as const) {
      // Standard output is a pipe that this side closes at once: every write of the command meets EPIPE.
      const child = spawn(process.execPath, [CLI, 'validate', input, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      expect([status, stderr]).toEqual([expected, '']);
    }
  });
});
