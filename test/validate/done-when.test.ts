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
});
