// contractReferences against other contracts than today's (the contract module replaced for each
// test): sheets listed before the sheets they refer to are moved after them, a sheet may refer to
// itself, and references that form a cycle are refused as a contract bug.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Contract from '../../../templates/contract/index.js';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import type { Reference } from './unknown-reference.js';

const CONTRACT = '../../../templates/contract/index.js';

/** Imports unknown-reference.ts afresh over the real contract changed by `change`. */
async function withContract(change: (real: typeof Contract) => Partial<typeof Contract>) {
  vi.resetModules();
  vi.doMock(CONTRACT, async (importOriginal) => {
    const real = await importOriginal<typeof Contract>();
    return { ...real, ...change(real) };
  });
  return import('./unknown-reference.js');
}

/** The contract's sheets, with `columns` added to `sheet`'s columns. */
function withColumns(real: typeof Contract, sheet: 'Sessions', columns: Record<string, unknown>): typeof Contract.SHEETS {
  return { ...real.SHEETS, [sheet]: { ...real.SHEETS[sheet], columns: { ...real.SHEETS[sheet].columns, ...columns } } };
}

const brief = (refs: [string, Reference[]][]) =>
  refs.map(([sheet, list]) => [sheet, list.map((r) => `${r.key}->${r.target}.${r.column}`)]);

afterEach(() => {
  vi.doUnmock(CONTRACT);
  vi.resetModules();
});

describe('the rule as its module sets it up, imported afresh over the real contract', () => {
  it('judges the sheets that hold references, and names each referred sheet by its noun in the reasons', async () => {
    const { unknownReference } = await withContract(() => ({}));
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
  it('puts each sheet after the sheets it refers to, taking the first ready in the listed order', async () => {
    const { contractReferences } = await withContract((real) => ({ TABLE_SHEETS: [...real.TABLE_SHEETS].reverse() }));
    // Listed: Submissions, Speakers, Attendance, Participants, Delegations, Agenda, Sessions.
    expect(brief(contractReferences())).toEqual([
      ['Delegations', []],
      ['Submissions', ['delegationId->Delegations.delegationId']],
      ['Participants', ['delegationId->Delegations.delegationId']],
      ['Sessions', []],
      ['Attendance', ['participantId->Participants.participantId', 'sessionId->Sessions.sessionId']],
      ['Agenda', ['sessionId->Sessions.sessionId']],
      ['Speakers', ['sessionId->Sessions.sessionId', 'itemId->Agenda.itemId', 'participantId->Participants.participantId']],
    ]);
  });

  it('lets a sheet refer to itself', async () => {
    const follows = { header: 'Follows', references: { sheet: 'Sessions', column: 'sessionId' } };
    const { contractReferences } = await withContract((real) => ({ SHEETS: withColumns(real, 'Sessions', { follows }) }));
    expect(brief(contractReferences()).slice(0, 2)).toEqual([
      ['Sessions', ['follows->Sessions.sessionId']],
      ['Agenda', ['sessionId->Sessions.sessionId']],
    ]);
  });

  it('refuses references that form a cycle', async () => {
    const firstItem = { header: 'First item', references: { sheet: 'Agenda', column: 'itemId' } };
    await expect(withContract((real) => ({ SHEETS: withColumns(real, 'Sessions', { firstItem }) }))).rejects.toThrow("The contract's sheet references form a cycle.");
  });
});
