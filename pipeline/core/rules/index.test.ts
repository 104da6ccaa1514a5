// The rule list: every rule named once, run in order, and the rules a form of each sheet runs.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import type { Issue } from '../issues.js';
import { RULES, rulesFor, sortIssues } from './index.js';

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

  it('lists the reasons of a reason repeated further down by its first row, not its last', () => {
    const g = meetingGrids();
    // Row 3 names nobody, row 4 repeats row 2, row 5 names nobody again.
    g.Attendance!.splice(2, 0, ['P9', 'S1', 'Online'], ['P1', 'S1', 'Online'], ['P8', 'S1', 'Online']);
    expect(runRules(RULES, g).leftOut).toEqual([{ sheet: 'Attendance', count: 3, reasons: ['2 rows referring to an unknown participant', '1 row repeating an attendance already counted'] }]);
  });

  it("lists the reader's reasons before the rules', even when a rule's row comes first", () => {
    const g = meetingGrids();
    // Row 2 names nobody (a rule's reason); row 3's mode cannot be read (the reader's reason).
    g.Attendance!.splice(1, 0, ['P9', 'S1', 'Online'], ['P2', 'S2', 'Walking']);
    expect(runRules(RULES, g).leftOut).toEqual([{ sheet: 'Attendance', count: 2, reasons: ['1 row with a cell that cannot be read', '1 row referring to an unknown participant'] }]);
  });
});

describe('sortIssues', () => {
  const issue = (message: string, sheet?: string, row?: number, cell?: string): Issue => ({
    severity: 'error', code: 'test', message, ...(sheet === undefined ? {} : { sheet }), ...(row === undefined ? {} : { row }), ...(cell === undefined ? {} : { cell }),
  });
  const order = (issues: Issue[]) => sortIssues(issues).map((i) => i.message);

  it('puts workbook-wide issues first, then sheets in the template order, then sheets outside it; by row, then column letter; ties as found', () => {
    const found = [
      issue('participants B4', 'Participants', 4, 'Participants!B4'),
      issue('a sheet outside the contract', 'Notes'),
      issue('meeting B5', 'Meeting', undefined, 'Meeting!B5'),
      issue('workbook 1'),
      issue('sessions D3', 'Sessions', 3, 'Sessions!D3'),
      issue('participants AA4', 'Participants', 4, 'Participants!AA4'),
      issue('participants C2', 'Participants', 2, 'Participants!C2'),
      issue('participants B4 again', 'Participants', 4, 'Participants!B4'),
      issue('participants row 4', 'Participants', 4),
      issue('submissions E2', 'Submissions', 2, 'Submissions!E2'),
      issue('workbook 2'),
    ];
    expect(order(found)).toEqual([
      'workbook 1', 'workbook 2', 'meeting B5', 'sessions D3', 'participants C2',
      'participants row 4', 'participants B4', 'participants B4 again', 'participants AA4', 'submissions E2', 'a sheet outside the contract',
    ]);
    // The list given is left as it was.
    expect(found.map((i) => i.message)[0]).toBe('participants B4');
  });

  it('puts a workbook-wide issue before the Meeting sheet\'s, whichever was found first', () => {
    expect(order([issue('meeting', 'Meeting'), issue('workbook')])).toEqual(['workbook', 'meeting']);
    expect(order([issue('workbook'), issue('meeting', 'Meeting')])).toEqual(['workbook', 'meeting']);
  });
});
