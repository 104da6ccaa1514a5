// Tests of unknown-reference: the references come from the contract; an unknown ID is an error,
// a child of a row left out goes with it, and a row's every unknown reference is reported.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { sessionTimes } from './session-times.js';
import { contractReferences, unknownReference } from './unknown-reference.js';

describe('contractReferences', () => {
  it('lists the contract\'s declared references, each sheet after the sheets it refers to', () => {
    const refs = contractReferences().map(([sheet, list]) => [sheet, list.map((r) => `${r.key}->${r.target}.${r.column}`)]);
    expect(refs).toEqual([
      ['Sessions', []],
      ['Agenda', ['sessionId->Sessions.sessionId']],
      ['Delegations', []],
      ['Participants', ['delegationId->Delegations.delegationId']],
      ['Attendance', ['participantId->Participants.participantId', 'sessionId->Sessions.sessionId']],
      ['Speakers', ['sessionId->Sessions.sessionId', 'itemId->Agenda.itemId', 'participantId->Participants.participantId']],
      ['Submissions', ['delegationId->Delegations.delegationId']],
    ]);
  });
});

describe('unknown-reference', () => {
  it('accepts IDs that are on their sheets', () => {
    expect(runRules([unknownReference], meetingGrids()).issues).toEqual([]);
  });

  it('reports an unknown delegation, and leaves out the participant and, with it, its attendance', () => {
    const g = meetingGrids();
    g.Participants![2]![1] = 'D-XXX';
    const { issues, leftOut, validation } = runRules([unknownReference], g);
    expect(issues).toEqual(['error unknown-reference Participants!B3']);
    expect(validation.issues[0]!.message).toBe('Delegation ID "D-XXX" is not on the Delegations sheet.');
    expect(validation.issues[0]!.expected).toBe('a Delegation ID from the Delegations sheet');
    expect(leftOut).toEqual([
      { sheet: 'Participants', count: 1, reasons: ['1 row referring to an unknown delegation'] },
      { sheet: 'Attendance', count: 1, reasons: ['1 row referring to a participant that is itself left out'] },
    ]);
  });

  it('counts the rows under a session left out by an earlier rule without a second error', () => {
    const g = meetingGrids();
    g.Sessions![1]![3] = '09:00'; // S1 ends before it starts
    const { issues, leftOut } = runRules([sessionTimes, unknownReference], g);
    expect(issues).toEqual(['error session-times Sessions!D2']);
    expect(leftOut.map((l) => [l.sheet, l.reasons])).toEqual([
      ['Sessions', ['1 row with an end not after its start']],
      ['Agenda', ['1 row referring to a session that is itself left out']],
      ['Attendance', ['2 rows referring to a session that is itself left out']],
      ['Speakers', ['1 row referring to a session that is itself left out']],
    ]);
  });

  it('reports each unknown reference of one row, and leaves the row out once, for the first', () => {
    const g = meetingGrids();
    g.Speakers![1] = ['S9', 'A9', 'P9'];
    const { issues, leftOut } = runRules([unknownReference], g);
    expect(issues).toEqual(['error unknown-reference Speakers!A2', 'error unknown-reference Speakers!B2', 'error unknown-reference Speakers!C2']);
    expect(leftOut).toEqual([{ sheet: 'Speakers', count: 1, reasons: ['1 row referring to an unknown session'] }]);
  });

  it('checks nothing against a sheet that is absent (its absence is reported elsewhere)', () => {
    const g = meetingGrids();
    delete g.Agenda;
    g.Speakers![1]![1] = 'A9';
    expect(runRules([unknownReference], g).issues).toEqual([]);
  });
});
