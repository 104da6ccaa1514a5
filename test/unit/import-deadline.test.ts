// The import preview's late flag: a registration made on the deadline day is on time; only one made
// after it is late (the same rule as the validator's late-registration warning, README "Validate").
import { describe, expect, it } from 'vitest';
import { guessMapping, previewImport } from '../../addin/src/app/registration-import.js';

const header = ['First name', 'Last name', 'Delegation', 'Sex', 'Function', 'Mode', 'Registration date'];
const line = (given: string, registeredOn: string) => [given, 'Doe', 'D-A', 'F', 'Delegate', 'Online', registeredOn];

describe('late registrations in the import preview', () => {
  it('a registration on the deadline day is on time, the day after is late, in any date spelling', () => {
    const table = [header, line('A', '2026-05-21'), line('B', '2026-05-22'), line('C', '22 May 2026'), line('D', '22.05.2026'), line('E', '2026-05-23'), line('F', '23 mai 2026')];
    expect(previewImport({ rows: table.slice(1) }, guessMapping(header), [], '2026-05-22').map((r) => [r.values.givenName, r.late])).toEqual([
      ['A', false], ['B', false], ['C', false], ['D', false], ['E', true], ['F', true],
    ]);
  });

  it('a registration date that cannot be read, or none, is not called late (its problem is named instead)', () => {
    const table = [header, line('A', '31 April 2026'), line('B', '')];
    const rows = previewImport({ rows: table.slice(1) }, guessMapping(header), [], '2026-05-22');
    expect(rows.map((r) => r.late)).toEqual([false, false]);
    expect(rows[0]!.problems).toEqual(['Registered on: expected a date such as 2026-05-27 or 27 May 2026; there is no 31 April 2026']);
    expect(rows[1]!.problems).toEqual([]);
  });
});
