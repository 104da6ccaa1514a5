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
