// Boundary tests of late-submission: received on the deadline is on time, the day after late.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { lateSubmission } from './late-submission.js';

describe('late-submission', () => {
  it('accepts a working paper received on the deadline day (13 May)', () => {
    expect(runRules([lateSubmission], meetingGrids()).issues).toEqual([]);
  });

  it('warns of one received on 14 May, on its Received on cell', () => {
    const g = meetingGrids();
    g.Submissions!.push(['AOB1', 'D-SAS', 'AOB', 'Late item', '2026-05-14']);
    const { issues, validation } = runRules([lateSubmission], g);
    expect(issues).toEqual(['warning late-submission Submissions!E3']);
    expect(validation.issues[0]!.message).toBe('Submission AOB1 was received after the working paper deadline.');
  });

  it('calls nothing late on a Submissions sheet without a Received on column (only the missing column is reported)', () => {
    const g = meetingGrids();
    g.Submissions = g.Submissions!.map((line) => line.slice(0, 4));
    g.Submissions.push(['AOB1', 'D-SAS', 'AOB', 'Late item']);
    expect(runRules([lateSubmission], g).issues).toEqual(['error missing-header Submissions']);
  });

  it('says nothing when the meeting has no working paper deadline', () => {
    const g = meetingGrids();
    g.Meeting!.splice(6, 1);
    g.Submissions![1]![4] = '2026-06-30';
    expect(runRules([lateSubmission], g).issues).toEqual([]);
  });
});
