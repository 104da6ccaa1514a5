// Boundary tests of duplicate-person: same e-mail whatever its case; same name (folded) only within
// one delegation; cancelled registrations not compared.
import { describe, expect, it } from 'vitest';
import { meetingGrids, runRules } from '../../../test/support/read-grid.js';
import { duplicatePerson, emailKey, nameKey } from './duplicate-person.js';

describe('duplicate-person', () => {
  it('warns of the same e-mail in another case, on the later row\'s Email cell', () => {
    const g = meetingGrids();
    g.Participants![3]![6] = 'ANA@example.org';
    const { issues, validation } = runRules([duplicatePerson], g);
    expect(issues).toEqual(['warning duplicate-person Participants!G4']);
    expect(validation.issues[0]!.message).toBe('Participant P3 is probably the same person as P1 (Participants!A2): same e-mail address.');
  });

  it('warns of the same name in the same delegation, accents and case aside; not in another delegation', () => {
    const g = meetingGrids();
    g.Participants!.push(['P4', 'D-CHE', 'ÁNA', 'berg', 'Woman', 'Delegate', '', 'Online', '', '']);
    g.Participants!.push(['P5', 'D-SAS', 'Lee', 'Kim', 'Man', 'Delegate', '', 'Online', '', '']);
    expect(runRules([duplicatePerson], g).issues).toEqual(['warning duplicate-person Participants!C5']);
  });

  it('does not compare a cancelled registration', () => {
    const g = meetingGrids();
    g.Participants!.push(['P4', 'D-CHE', 'Ana', 'Berg', 'Woman', 'Delegate', 'ana@example.org', 'Online', '', 'Cancelled']);
    expect(runRules([duplicatePerson], g).issues).toEqual([]);
  });

  it('keys e-mails by their lower case and names by delegation and folded names', () => {
    expect(emailKey('Ana@Example.ORG')).toBe('ana@example.org');
    expect(emailKey(undefined)).toBeUndefined();
    expect(nameKey('D-CHE', ' José ', 'MÜLLER')).toBe(nameKey('D-CHE', 'jose', 'muller'));
    expect(nameKey('D-CHE', 'Ana', 'Berg')).not.toBe(nameKey('D-SAS', 'Ana', 'Berg'));
  });
});
