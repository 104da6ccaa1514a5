// A meeting held outside Geneva: every value that states its offset from UTC is read in the
// Meeting sheet's own time zone, the Meeting sheet's deadlines as much as the check-ins. Found by
// planting a bug (the deadlines read in the default zone, Europe/Zurich) that no other test noticed.
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { meetingSheets, rawWorkbook } from './raw-workbook.js';

describe('a meeting in New York', () => {
  const sheets = meetingSheets();
  const v = validateWorkbook(rawWorkbook({
    ...sheets,
    // 02:00 UTC on 23 May is 22:00 on 22 May in New York (UTC-4 in May), 04:00 on 23 May in Geneva.
    Meeting: [...sheets.Meeting!.filter((r) => r[0] !== 'Registration deadline'), ['Time zone', 'America/New_York'], ['Registration deadline', '2026-05-23 02:00 UTC']],
    Attendance: [['Participant ID', 'Session ID', 'Mode', 'Checked in at'], ['P1', 'S1', 'In person', '2026-05-27 14:03Z']],
    Participants: [sheets.Participants![0]!, sheets.Participants![1]!, ['P3', 'D-B', '', 'Cy', 'Cole', 'Woman', 'Delegate', '', 'Online', '2026-05-23', 'Confirmed']],
  }));

  it('reads a deadline stated in UTC on New York\'s day: 22 May, so a registration on 23 May is late', () => {
    expect(v.data?.meeting.timeZone).toBe('America/New_York');
    expect(v.data?.meeting.registrationDeadline).toBe('2026-05-22');
    expect(v.issues.filter((i) => i.code === 'late-registration').map((i) => [i.cell, i.found, i.expected])).toEqual([
      ['Participants!J3', '2026-05-23', 'on or before the registration deadline 2026-05-22'],
    ]);
  });

  it('reads a check-in at 14:03 UTC as 10:03 in New York', () => {
    expect(v.data?.attendance.map((a) => [a.participantId, a.checkedInAt])).toEqual([['P1', '2026-05-27T10:03']]);
  });
});
