// contractReferences against other contracts than today's: sheets listed before the sheets they
// refer to are moved after them, a sheet may refer to itself, and references that form a cycle are
// refused as a contract bug. The other contracts are given as arguments, never by re-importing the
// contract module: that would run its module-level data inside a test, and the mutation run would
// then count its static mutants (the spelling lists, the country table) as survivors.
import { describe, expect, it } from 'vitest';
import { SHEETS, TABLE_SHEETS } from '../../../templates/contract/index.js';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { contractReferences, type Reference, unknownReference } from './unknown-reference.js';

/** The contract's sheets, with `columns` added to `sheet`'s columns. */
function withColumns(sheet: 'Sessions', columns: Record<string, unknown>): typeof SHEETS {
  return { ...SHEETS, [sheet]: { ...SHEETS[sheet], columns: { ...SHEETS[sheet].columns, ...columns } } } as typeof SHEETS;
}

const brief = (refs: [string, Reference[]][]) =>
  refs.map(([sheet, list]) => [sheet, list.map((r) => `${r.key}->${r.target}.${r.column}`)]);

describe('the rule as its module sets it up over the real contract', () => {
  it('judges the sheets that hold references, and names each referred sheet by its noun in the reasons', () => {
    expect(unknownReference.name).toBe('unknown-reference');
    expect(unknownReference.sheets).toEqual(['Agenda', 'Participants', 'Attendance', 'Speakers', 'Submissions']);
    const g = meetingGrids();
    g.Agenda![1]![1] = 'S9'; // A1 is in an unknown session, so P1's intervention on A1 goes with it
    g.Participants![2]![1] = 'D-XXX'; // P2 is in an unknown delegation, so P2's attendance goes with it
    const { issues, leftOut } = runRules([unknownReference], g);
    expect(issues).toEqual(['error unknown-reference Agenda!B2', 'error unknown-reference Participants!B3']);
    expect(leftOut).toEqual([
      { sheet: 'Agenda', count: 1, reasons: ['1 row referring to an unknown session'] },
      { sheet: 'Participants', count: 1, reasons: ['1 row referring to an unknown delegation'] },
      { sheet: 'Attendance', count: 1, reasons: ['1 row referring to a participant that is itself left out'] },
      { sheet: 'Speakers', count: 1, reasons: ['1 row referring to an agenda item that is itself left out'] },
    ]);
  });
});

describe('contractReferences over other contracts', () => {
  it('puts each sheet after the sheets it refers to, taking the first ready in the listed order', () => {
    // Listed: Submissions, Speakers, Attendance, Participants, Delegations, Agenda, Sessions.
    expect(brief(contractReferences(SHEETS, [...TABLE_SHEETS].reverse()))).toEqual([
      ['Delegations', []],
      ['Submissions', ['delegationId->Delegations.delegationId']],
      ['Participants', ['delegationId->Delegations.delegationId']],
      ['Sessions', []],
      ['Attendance', ['participantId->Participants.participantId', 'sessionId->Sessions.sessionId']],
      ['Agenda', ['sessionId->Sessions.sessionId']],
      ['Speakers', ['sessionId->Sessions.sessionId', 'itemId->Agenda.itemId', 'participantId->Participants.participantId']],
    ]);
  });

  it('lets a sheet refer to itself', () => {
    const follows = { header: 'Follows', references: { sheet: 'Sessions', column: 'sessionId' } };
    expect(brief(contractReferences(withColumns('Sessions', { follows }))).slice(0, 2)).toEqual([
      ['Sessions', ['follows->Sessions.sessionId']],
      ['Agenda', ['sessionId->Sessions.sessionId']],
    ]);
  });

  it('refuses references that form a cycle', () => {
    const firstItem = { header: 'First item', references: { sheet: 'Agenda', column: 'itemId' } };
    expect(() => contractReferences(withColumns('Sessions', { firstItem }))).toThrow("The contract's sheet references form a cycle.");
  });
});
