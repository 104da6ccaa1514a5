// The workbook cases of ../shared/field-cases (copied into test/fixtures/field-cases): workbooks
// shaped as people and tools really write them, each the base meeting with one thing changed. Through
// `report`, each gives the base meeting's figures, worked out by hand from its rows:
//   attendees P0001 W, P0002 M, P0003 W, P0004 M, P0005 not stated, P0006 other -> 2 / (2 + 2 + 1) = 40.0%
//   heads of delegation who attended P0001 W, P0003 W (P0005 not stated, outside the share) -> 100%
//   interventions P0001 W, P0003 W, P0002 M -> 2 / 3 = 66.7%
// except the formula case, which gives its error at each formula cell.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SummarySchema } from '../../pipeline/core/summary.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { type CommandIo, runReport } from '../../pipeline/report-command.js';
import { tempDir } from '../fixtures/build-workbook.js';

const CASES = path.resolve('test/fixtures/field-cases');
const dir = tempDir('att-field-cases-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), tty: false, today: () => '2026-05-29' };
}

async function report(name: string) {
  const out = path.join(dir, name.replace(/\.xlsx$/, ''));
  const io = captureIo();
  const code = await runReport([path.join(CASES, name), '--out', out], io);
  return { code, io, out };
}

describe('field-case workbooks through report', () => {
  it.each(['base-meeting.xlsx', 'escaped-line-break-in-gender.xlsx', 'check-in-times-as-text.xlsx'])('%s gives the base meeting\'s figures', async (name) => {
    const { code, io, out } = await report(name);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const summary = SummarySchema.parse(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')));
    expect(summary.headline.attendees).toBeCloseTo(0.4, 10);
    expect(summary.headline.headsOfDelegation).toBe(1);
    expect(summary.headline.speakers).toBeCloseTo(2 / 3, 10);
    expect(summary.dataQuality).toEqual({ errors: 0, warnings: 0, leftOut: [] });
    const printed = io.stdout.join('\n');
    expect(printed).toMatch(/participants who attended at least one session: 40\.0% \(2 of 5 attendees; 1 not stated;/);
    expect(printed).toMatch(/heads of delegation who attended at least one session: 100\.0% \(2 of 2 heads of delegation who attended;/);
    expect(printed).toMatch(/interventions \(times a person took the floor\) made by women: 66\.7% \(2 of 3 interventions;/);
  });

  it('formula-without-saved-result.xlsx names each formula cell, says why and what to do, and writes nothing', async () => {
    const { code, io, out } = await report('formula-without-saved-result.xlsx');
    expect(code).toBe(1);
    const validation = await readMeetingFile(path.join(CASES, 'formula-without-saved-result.xlsx'));
    const errors = validation.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.cell, i.found])).toEqual([
      ['formula-without-result', 'Participants!B2', '=Delegations!$A$2 (no saved result)'],
      ['formula-without-result', 'Participants!B3', '=Delegations!$A$2 (no saved result)'],
      ['formula-without-result', 'Participants!B4', '=Delegations!$A$3 (no saved result)'],
      ['formula-without-result', 'Participants!B5', '=Delegations!$A$3 (no saved result)'],
      ['formula-without-result', 'Participants!B6', '=Delegations!$A$4 (no saved result)'],
      ['formula-without-result', 'Participants!B7', '=Delegations!$A$4 (no saved result)'],
    ]);
    for (const e of errors) {
      expect(e.message).toMatch(/^Delegation ID holds the formula =Delegations!\$A\$\d, whose result was never saved in the file/);
      expect(e.message).toMatch(/open the workbook in Excel and save it, or type the value instead/);
      expect(e.message).not.toMatch(/empty/);
    }
    expect([...io.stdout, ...io.stderr].join('\n')).toMatch(/Participants!B2 .*Delegation ID holds the formula =Delegations!\$A\$2, whose result was never saved/);
    expect(() => readFileSync(path.join(out, 'summary.json'))).toThrow();
  });

  it('check-in-times-as-text.xlsx: each typed check-in time read as the clock it shows, seconds dropped', async () => {
    const validation = await readMeetingFile(path.join(CASES, 'check-in-times-as-text.xlsx'));
    const byRow = new Map(validation.data!.attendance.map((a) => [a.row, a.checkedInAt]));
    // D6 "5/27/2026, 10:02:15 AM", D7 "27/05/2026, 10:03:12", D9 "27.05.2026 15:01"
    expect([byRow.get(6), byRow.get(7), byRow.get(9)]).toEqual(['2026-05-27T10:02', '2026-05-27T10:03', '2026-05-27T15:01']);
    expect(validation.data!.attendance).toHaveLength(8);
  });

  it('escaped-line-break-in-gender.xlsx: "Woman_x000D_" is Woman', async () => {
    const validation = await readMeetingFile(path.join(CASES, 'escaped-line-break-in-gender.xlsx'));
    expect(validation.data!.participants.map((p) => p.gender)).toEqual(['Woman', 'Man', 'Woman', 'Man', 'Not stated', 'Other']);
  });
});
