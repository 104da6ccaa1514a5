// The rule list: every rule named once, run in order, and the rules a form of each sheet runs.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { RULES, rulesFor } from './index.js';

describe('RULES and rulesFor', () => {
  it('lists every rule once, in running order', () => {
    expect(RULES.map((r) => r.name)).toEqual([
      'meeting-dates', 'session-times', 'session-outside-meeting', 'country-code-not-state', 'unknown-reference', 'cancelled-participant',
      'duplicate-attendance', 'late-registration', 'late-submission', 'duplicate-person', 'heads-of-delegation', 'sheets-present',
    ]);
  });

  it('gives each form the rules that judge its sheet', () => {
    expect(rulesFor('Sessions').map((r) => r.name)).toEqual(['session-times', 'session-outside-meeting']);
    expect(rulesFor('Delegations').map((r) => r.name)).toEqual(['country-code-not-state', 'heads-of-delegation']);
    expect(rulesFor('Submissions').map((r) => r.name)).toEqual(['unknown-reference', 'late-submission']);
    expect(rulesFor('Agenda').map((r) => r.name)).toEqual(['unknown-reference']);
  });

  it('lists the reasons rows were left out in row order, as one pass over the rows would', () => {
    const g = meetingGrids();
    g.Attendance!.push(['P1', 'S1', 'Online'], ['P9', 'S1', 'Online']); // row 5 repeats row 2; row 6 names nobody
    g.Attendance!.splice(1, 0, ['P9', 'S2', 'Online']); // now row 2 names nobody, rows 3-7 follow
    const { leftOut } = runRules(RULES, g);
    expect(leftOut).toEqual([{ sheet: 'Attendance', count: 3, reasons: ['2 rows referring to an unknown participant', '1 row repeating an attendance already counted'] }]);
    const h = meetingGrids();
    h.Attendance!.push(['P1', 'S1', 'Online'], ['P9', 'S1', 'Online']); // row 5 repeats row 2, then row 6 names nobody
    expect(runRules(RULES, h).leftOut).toEqual([{ sheet: 'Attendance', count: 2, reasons: ['1 row repeating an attendance already counted', '1 row referring to an unknown participant'] }]);
  });
});
