// Boundary tests of country-code-not-state: the three State categories may have a code; others not.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { countryCodeNotState } from './country-code-not-state.js';

describe('country-code-not-state', () => {
  it('accepts a country code on a State Party, a Signatory State and an Observer State', () => {
    const g = meetingGrids();
    g.Delegations!.push(['D-USA', 'United States', 'Signatory State', 'USA'], ['D-SWE', 'Sweden', 'Observer State', 'SWE']);
    expect(runRules([countryCodeNotState], g).issues).toEqual([]);
  });

  it('says nothing in a workbook without a Delegations sheet (its absence is reported elsewhere)', () => {
    const g = meetingGrids();
    delete g.Delegations;
    expect(runRules([countryCodeNotState], g).issues).toEqual([]);
  });

  it('warns of a country code on an organisation, but not of an organisation without one', () => {
    const g = meetingGrids();
    g.Delegations!.push(['D-EU', 'European Union', 'International or Regional Organization', 'BEL']);
    const { issues, leftOut } = runRules([countryCodeNotState], g);
    expect(issues).toEqual(['warning country-code-not-state Delegations!D4']);
    expect(leftOut).toEqual([]);
  });
});
