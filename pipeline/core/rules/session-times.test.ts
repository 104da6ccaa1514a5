// Boundary tests of session-times: a minute after the start is an end; the start itself is not.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { sessionTimes } from './session-times.js';

describe('session-times', () => {
  it('accepts a session ending one minute after it starts', () => {
    const g = meetingGrids();
    g.Sessions![1]![3] = '10:01';
    expect(runRules([sessionTimes], g).issues).toEqual([]);
  });

  it('judges no session of a Sessions sheet without an End column, or without a Start column', () => {
    const noEnd = meetingGrids();
    noEnd.Sessions = noEnd.Sessions!.map(([id, date, start, , title]) => [id!, date!, start!, title!]);
    expect(runRules([sessionTimes], noEnd)).toMatchObject({ issues: ['error missing-header Sessions'], leftOut: [] });
    const noStart = meetingGrids();
    noStart.Sessions = noStart.Sessions!.map(([id, date, , end, title]) => [id!, date!, end!, title!]);
    expect(runRules([sessionTimes], noStart)).toMatchObject({ issues: ['error missing-header Sessions'], leftOut: [] });
  });

  it('reports a session ending at its start or before it, and leaves it out', () => {
    const g = meetingGrids();
    g.Sessions![1]![3] = '10:00';
    g.Sessions![2]![3] = '14:59';
    const { issues, leftOut, validation } = runRules([sessionTimes], g);
    expect(issues).toEqual(['error session-times Sessions!D2', 'error session-times Sessions!D3']);
    expect(validation.issues[0]!.message).toBe('Session S1 ends (10:00) at or before its start (10:00).');
    expect(leftOut).toEqual([{ sheet: 'Sessions', count: 2, reasons: ['2 rows with an end not after its start'] }]);
  });
});
