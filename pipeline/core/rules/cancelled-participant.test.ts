// Boundary tests of cancelled-participant: Registered and Confirmed people may attend and speak;
// a Cancelled one may do neither.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { cancelledParticipant } from './cancelled-participant.js';

describe('cancelled-participant', () => {
  it('accepts attendance and interventions of Registered and Confirmed participants', () => {
    expect(runRules([cancelledParticipant], meetingGrids()).issues).toEqual([]);
  });

  it('judges nobody cancelled in a workbook without a Participants sheet (its absence is reported elsewhere)', () => {
    const g = meetingGrids();
    delete g.Participants;
    expect(runRules([cancelledParticipant], g)).toMatchObject({ issues: [], leftOut: [] });
  });

  it('reports a cancelled participant attending and speaking, naming the Status cell, and leaves the rows out', () => {
    const g = meetingGrids();
    g.Participants![1]![9] = 'Cancelled';
    const { issues, leftOut, validation } = runRules([cancelledParticipant], g);
    expect(issues).toEqual(['error cancelled-participant Attendance!A2', 'error cancelled-participant Speakers!C2']);
    expect(validation.issues[0]!.message).toBe('Participant P1 is recorded as attending, but their registration is cancelled (Participants!J2).');
    expect(validation.issues[1]!.message).toBe('Participant P1 is recorded as speaking, but their registration is cancelled (Participants!J2).');
    expect(leftOut).toEqual([
      { sheet: 'Attendance', count: 1, reasons: ['1 row by a cancelled participant'] },
      { sheet: 'Speakers', count: 1, reasons: ['1 row by a cancelled participant'] },
    ]);
  });
});
