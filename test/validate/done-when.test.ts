// The issue's "Done when" cases: the sample meeting validates with exactly its planted warnings,
// and a workbook with a misspelt header, an unknown delegation and "Femme " gives exactly the two
// errors expected and reads the gender as Woman.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { runValidate } from '../../pipeline/validate-command.js';
import { tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';

const SAMPLE = 'templates/sample-csp12-prep.xlsx';

describe('Done when', () => {
  it('validate templates/sample-csp12-prep.xlsx --json lists the planted warnings and no errors, exit 0', async () => {
    const out: string[] = [];
    const code = await runValidate([SAMPLE, '--json'], { out: (t) => out.push(t), err: (t) => out.push(`stderr: ${t}`), tty: false });
    const json = JSON.parse(out.join('\n'));
    expect(code).toBe(0);
    expect(json).toMatchObject({ file: SAMPLE, valid: true, errors: 0, warnings: 4, leftOut: [] });
    const planted = json.issues.map((i: { code: string; sheet: string; found: string; message: string }) => [i.code, i.sheet, i.found, i.message]);
    // In the order printed: by sheet, then row (P0007 registers early in the roster, D-NOR comes after D-MEX).
    expect(planted).toEqual([
      ['late-registration', 'Participants', '2026-05-25', expect.stringContaining('P0007')],
      ['duplicate-person', 'Participants', expect.any(String), expect.stringMatching(/same e-mail address|same name/)],
      ['delegation-several-heads', 'Participants', expect.stringMatching(/^2 heads/), expect.stringContaining('D-NOR')],
      ['late-submission', 'Submissions', '2026-05-19', expect.stringContaining('WP5')],
    ]);
  });

  it('a misspelt required header, a participant of an unknown delegation, and a gender written "Femme "', async () => {
    const s = validSheets();
    s.Submissions![0]![4] = 'Recieved on'; // a required column of the (optional) Submissions sheet
    s.Participants![3]![1] = 'D-XYZ'; // P3, worksheet row 4
    s.Participants![1]![5] = 'Femme '; // P1
    const v = await readMeetingFile(await writeWorkbook(path.join(tempDir('att-done-'), 'done.xlsx'), s));
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'unknown-reference', cell: 'Participants!B4', found: '"D-XYZ"' }),
      expect.objectContaining({ code: 'missing-header', cell: 'Submissions!E1', expected: 'a column headed "Received on"', message: expect.stringContaining('"Received on"') }),
    ]);
    expect(v.data?.participants.find((p) => p.participantId === 'P1')?.gender).toBe('Woman');
  });

  it('the same three mistakes all on the Participants sheet: the sheet is still read for its other problems', async () => {
    const s = validSheets();
    s.Participants![0]![4] = 'Famly name'; // the header, Participants!E1
    s.Participants![3]![1] = 'D-XYZ'; // P3, worksheet row 4
    s.Participants![1]![5] = 'Femme '; // P1, Participants!F2
    const v = await readMeetingFile(await writeWorkbook(path.join(tempDir('att-done-'), 'done-participants.xlsx'), s));
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'missing-header', cell: 'Participants!E1', expected: 'a column headed "Family name"', message: expect.stringContaining('"Famly name" looks like a misspelling') }),
      expect.objectContaining({ code: 'unknown-reference', cell: 'Participants!B4', found: '"D-XYZ"' }),
    ]);
    expect(v.issues.filter((i) => i.cell === 'Participants!F2')).toEqual([]);
    // A required sheet lacking a required column gives no figures.
    expect(v.data).toBeNull();
  });
});

describe('a required column missing does not set off false alarms from the rules that need it', () => {
  const read = async (edit: (s: ReturnType<typeof validSheets>) => void) => {
    const s = validSheets();
    edit(s);
    return readMeetingFile(await writeWorkbook(path.join(tempDir('att-missing-'), 'missing.xlsx'), s));
  };
  const codes = (v: Awaited<ReturnType<typeof read>>) => v.issues.map((i) => `${i.code} ${i.cell ?? i.sheet}`);

  it('without a Delegation ID column on Delegations, no participant is said to name an unknown delegation', async () => {
    const v = await read((s) => { s.Delegations![0]![0] = 'Delegation'; });
    expect(codes(v)).toEqual(['missing-header Delegations!A1']);
  });

  it('without a Role column on Participants, no delegation is said to have no head', async () => {
    const v = await read((s) => { s.Participants![0]![6] = 'Function'; });
    expect(codes(v)).toEqual(['missing-header Participants']);
  });

  it('without a Participant ID column on Attendance, no attendance is taken for a repeat', async () => {
    const v = await read((s) => { s.Attendance![0]![0] = 'Person'; s.Attendance!.push([...s.Attendance![1]!]); });
    expect(codes(v)).toEqual(['missing-header Attendance']);
  });
});
