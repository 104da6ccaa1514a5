// Tests of the sheets' presence: a required sheet missing is an error, an optional one a warning,
// and a sheet named a letter or two off is pointed at.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { sheetsPresent } from './sheets-present.js';

describe('sheets-present', () => {
  it('says nothing when every sheet is there', () => {
    expect(runRules([sheetsPresent], meetingGrids()).issues).toEqual([]);
  });

  it('reports a missing required sheet as an error and a missing optional one as a warning', () => {
    const g = meetingGrids();
    delete g.Attendance;
    delete g.Speakers;
    const { issues, validation } = runRules([sheetsPresent], g);
    expect(issues).toEqual(['error missing-sheet Attendance', 'warning optional-sheet-absent Speakers']);
    expect(validation.issues[0]!.message).toMatch(/^The workbook has no Attendance sheet, which the contract requires \(sheets found: "Meeting", "Sessions", /);
  });

  it('names a sheet whose name is a letter off as the probable misspelling', () => {
    const g = meetingGrids();
    g.Sesions = g.Sessions!;
    delete g.Sessions;
    const { validation } = runRules([sheetsPresent], g);
    expect(validation.issues.map((i) => [i.code, i.found, i.message])).toEqual([
      ['missing-sheet', '"Sesions"', 'The workbook has no Sessions sheet, which the contract requires; "Sesions" looks like a misspelling of it.'],
    ]);
  });

  it('compares a misspelt name without the spaces around it', () => {
    const g = meetingGrids();
    g['  Sesions   '] = g.Sessions!;
    delete g.Sessions;
    const { validation } = runRules([sheetsPresent], g);
    expect(validation.issues.map((i) => [i.code, i.found])).toEqual([['missing-sheet', '"  Sesions   "']]);
  });
});
