// Boundary tests of the heads of delegation: exactly one head among those not cancelled.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { headsOfDelegation } from './heads-of-delegation.js';

describe('heads of delegation', () => {
  it('accepts one head per delegation, and a delegation that sends nobody', () => {
    const g = meetingGrids();
    g.Delegations!.push(['D-SWE', 'Sweden', 'Observer State', 'SWE']);
    expect(runRules([headsOfDelegation], g).issues).toEqual([]);
  });

  it('warns of a delegation with no head, on its Delegation ID', () => {
    const g = meetingGrids();
    g.Participants![1]![5] = 'Deputy head of delegation';
    const { issues, validation } = runRules([headsOfDelegation], g);
    expect(issues).toEqual(['warning delegation-no-head Delegations!A2']);
    expect(validation.issues[0]!.message).toBe('Delegation D-CHE has no Head of delegation among its 2 participants.');
  });

  it('a cancelled head does not count as the delegation\'s head', () => {
    const g = meetingGrids();
    g.Participants![1]![9] = 'Cancelled';
    expect(runRules([headsOfDelegation], g).issues).toEqual(['warning delegation-no-head Delegations!A2']);
  });

  it('warns of a second head, on the second head\'s Role, naming the first', () => {
    const g = meetingGrids();
    g.Participants![2]![5] = 'Head of delegation';
    const { issues, validation } = runRules([headsOfDelegation], g);
    expect(issues).toEqual(['warning delegation-several-heads Participants!F3']);
    expect(validation.issues[0]!.message).toBe('Delegation D-CHE has 2 heads of delegation; the first is P1 (Participants!F2).');
  });

  it('two heads of whom one is cancelled are one head', () => {
    const g = meetingGrids();
    g.Participants![2]![5] = 'Head of delegation';
    g.Participants![2]![9] = 'Cancelled';
    expect(runRules([headsOfDelegation], g).issues).toEqual([]);
  });
});
