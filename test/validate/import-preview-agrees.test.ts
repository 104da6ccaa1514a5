// The pane's registration-import preview and `validate` say the same of the same people: which are
// probable duplicates (a cancelled registration is nobody's; e-mails case aside, accents kept) and
// which registered late (the deadline day is on time). Both are checked against values written by hand.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guessMapping, previewImport } from '../../addin/src/app/registration-import.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { day, tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';

const dir = tempDir('att-import-agrees-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Known: P1 Ana Ruiz (D-CHE, ana.ruiz@example.org), P2 Jon Berg (D-CHE, cancelled here), P3 Lee Kim (D-SAS, lee.kim@example.org).
const newcomers: [given: string, family: string, delegation: string, email: string, registered: string][] = [
  ['Jon', 'Berg', 'D-CHE', 'jon.berg@example.org', '2026-05-10'], // P4: the same as P2, whose registration is cancelled
  ['ANA', 'ruiz', 'D-CHE', '', '2026-05-10'], // P5: P1's name in P1's delegation
  ['Eve', 'Ng', 'D-SAS', 'LEE.KIM@example.org', '2026-05-10'], // P6: P3's e-mail in capitals
  ['Zed', 'Ox', 'D-SAS', 'ana.rüiz@example.org', '2026-05-10'], // P7: not P1's e-mail (accents are kept)
  ['Uma', 'Ray', 'D-SAS', '', '2026-05-22'], // P8: on the deadline day
  ['Ian', 'Roe', 'D-SAS', '', '2026-05-23'], // P9: the day after
];

describe('import preview and validate agree', () => {
  it('on duplicates and late registrations', async () => {
    const sheets = validSheets();
    sheets.Participants![2]![10] = 'Cancelled';
    // P2 no longer attends: attendance by a cancelled participant would be another error.
    sheets.Attendance = sheets.Attendance!.filter((r) => r[0] !== 'P2');
    sheets.Speakers = sheets.Speakers!.filter((r) => r[2] !== 'P2');
    newcomers.forEach(([g, f, d, e, r], i) => sheets.Participants!.push([`P${i + 4}`, d, '', g, f, 'Woman', 'Delegate', e, 'Online', day(r), 'Registered']));
    const validation = await readMeetingFile(await writeWorkbook(path.join(dir, 'agrees.xlsx'), sheets));
    const idAt = (row: number | undefined) => `P${(row ?? 0) - 1}`;
    const flagged = (code: string) => validation.issues.filter((i) => i.code === code).map((i) => idAt(i.row));
    expect(flagged('duplicate-person')).toEqual(['P5', 'P6']);
    expect(flagged('late-registration')).toEqual(['P9']);

    const known = [
      { participantId: 'P1', delegationId: 'D-CHE', givenName: 'Ana', familyName: 'Ruiz', email: 'ana.ruiz@example.org', status: 'Confirmed' },
      { participantId: 'P2', delegationId: 'D-CHE', givenName: 'Jon', familyName: 'Berg', email: 'jon.berg@example.org', status: 'Cancelled' },
      { participantId: 'P3', delegationId: 'D-SAS', givenName: 'Lee', familyName: 'Kim', email: 'lee.kim@example.org', status: 'Confirmed' },
    ];
    const header = ['First name', 'Last name', 'Delegation', 'Email', 'Registration date', 'Gender', 'Role', 'Participation'];
    const rows = previewImport({ rows: newcomers.map(([g, f, d, e, r]) => [g, f, d, e, r, 'Woman', 'Delegate', 'Online']) }, guessMapping(header), known, '2026-05-22');
    const ids = (pick: (r: (typeof rows)[number]) => boolean) => rows.flatMap((r, i) => (pick(r) ? [`P${i + 4}`] : []));
    expect(ids((r) => r.duplicateOf !== undefined)).toEqual(['P5', 'P6']);
    expect(rows.map((r) => r.duplicateOf ?? null)).toEqual([null, 'already registered as P1', 'same e-mail as P3', null, null, null]);
    expect(ids((r) => r.late)).toEqual(['P9']);
  });
});
