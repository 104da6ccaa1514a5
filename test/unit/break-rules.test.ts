// Rules on workbooks whose IDs are plain numbers (the contract reads a whole number as an ID):
// participant 1 in session 23 and participant 12 in session 3 are two attendances, not one repeated.
// Found by planting a bug (the pair's key written without a separator) that no other test noticed.
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { meetingSheets, PARTICIPANT_HEADER, rawWorkbook } from './raw-workbook.js';

describe('attendance with numeric IDs', () => {
  it('participant 1 in session 23 and participant 12 in session 3 both count', () => {
    const sheets = meetingSheets();
    const v = validateWorkbook(rawWorkbook({
      ...sheets,
      Sessions: [sheets.Sessions![0]!, [3, '2026-05-27', '10:00', '13:00', 'Morning', 'Plenary', ''], [23, '2026-05-27', '15:00', '18:00', 'Afternoon', 'Plenary', '']],
      Participants: [
        PARTICIPANT_HEADER,
        [1, 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-01', 'Confirmed'],
        [12, 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'In person', '2026-05-01', 'Confirmed'],
      ],
      Attendance: [['Participant ID', 'Session ID', 'Mode', 'Checked in at'], [1, 23, 'In person', ''], [12, 3, 'In person', '']],
    }));
    expect(v.issues.map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual([]);
    expect(v.data?.attendance.map((a) => [a.participantId, a.sessionId])).toEqual([['1', '23'], ['12', '3']]);
  });
});

describe('Excel errors in two drop-down columns of one row', () => {
  it('say what each column expects: Gender a gender, Role a role (a formula looking both up failed: #N/A)', () => {
    const err = { value: null, error: '#N/A' };
    const raw = rawWorkbook(meetingSheets());
    const row = raw.sheets.find((s) => s.name === 'Participants')!.rows[1]!.cells as unknown[];
    row[6] = err; // Gender, column F
    row[7] = err; // Role, column G
    const v = validateWorkbook(raw);
    expect(v.issues.map((i) => [i.code, i.cell, i.found, i.expected])).toEqual([
      ['unreadable-value', 'Participants!F2', '#N/A', 'a gender: one of Woman, Man, Other, Not stated'],
      ['unreadable-value', 'Participants!G2', '#N/A', 'a role: one of Head of delegation, Deputy head of delegation, Delegate, Adviser, Observer'],
    ]);
  });
});
