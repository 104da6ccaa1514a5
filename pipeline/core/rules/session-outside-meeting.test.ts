// Boundary tests of session-outside-meeting: the first and last days are in, the days either side out.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { sessionOutsideMeeting } from './session-outside-meeting.js';

describe('session-outside-meeting', () => {
  it('accepts sessions on the first and on the last day of the meeting', () => {
    const g = meetingGrids();
    g.Sessions![1]![1] = '2026-05-27';
    g.Sessions![2]![1] = '2026-05-28';
    expect(runRules([sessionOutsideMeeting], g).issues).toEqual([]);
  });

  it('reports a session the day before the meeting and one the day after, and leaves them out', () => {
    const g = meetingGrids();
    g.Sessions![1]![1] = '2026-05-26';
    g.Sessions![2]![1] = '2026-05-29';
    const { issues, leftOut, validation } = runRules([sessionOutsideMeeting], g);
    expect(issues).toEqual(['error session-outside-meeting Sessions!B2', 'error session-outside-meeting Sessions!B3']);
    expect(validation.issues[0]!.expected).toBe('a date from 2026-05-27 to 2026-05-28');
    expect(leftOut).toEqual([{ sheet: 'Sessions', count: 2, reasons: ['2 rows dated outside the meeting'] }]);
  });

  it('in a one-day meeting, a session on that day is in and one on the next day is out', () => {
    const g = meetingGrids();
    g.Meeting![4]![1] = '2026-05-27';
    const { issues, validation } = runRules([sessionOutsideMeeting], g);
    expect(issues).toEqual(['error session-outside-meeting Sessions!B3']);
    expect(validation.issues[0]!.expected).toBe('a date from 2026-05-27 to 2026-05-27');
  });

  it('judges no session of a Sessions sheet without a Date column (only the missing column is reported)', () => {
    const g = meetingGrids();
    g.Sessions = g.Sessions!.map(([id, , start, end, title]) => [id!, start!, end!, title!]);
    const { issues, leftOut } = runRules([sessionOutsideMeeting], g);
    expect(issues).toEqual(['error missing-header Sessions']);
    expect(leftOut).toEqual([]);
  });

  it('judges no session when the meeting ends before it starts (meeting-dates reports that)', () => {
    const g = meetingGrids();
    g.Meeting![4]![1] = '2026-05-20';
    expect(runRules([sessionOutsideMeeting], g).issues).toEqual([]);
  });
});
