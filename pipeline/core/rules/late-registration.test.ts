// Boundary tests of late-registration: registered on the deadline is on time, the day after late.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { lateRegistration } from './late-registration.js';

describe('late-registration', () => {
  it('accepts a registration on the deadline day (22 May) and one without a date', () => {
    const g = meetingGrids();
    g.Participants![1]![8] = '2026-05-22';
    expect(runRules([lateRegistration], g).issues).toEqual([]);
  });

  it('warns of a registration on 23 May, on its Registered on cell, leaving the row in', () => {
    const g = meetingGrids();
    g.Participants![2]![8] = '2026-05-23';
    const { issues, leftOut, validation } = runRules([lateRegistration], g);
    expect(issues).toEqual(['warning late-registration Participants!I3']);
    expect(validation.issues[0]!.expected).toBe('on or before the registration deadline 2026-05-22');
    expect(leftOut).toEqual([]);
  });

  it('says nothing when the meeting has no registration deadline', () => {
    const g = meetingGrids();
    g.Meeting!.splice(5, 1);
    g.Participants![2]![8] = '2026-06-30';
    expect(runRules([lateRegistration], g).issues).toEqual([]);
  });
});
