import { describe, expect, it } from 'vitest';
import { fieldProblem, findPeople, formProblems, nextIds } from './registration.js';

describe('fieldProblem', () => {
  it('uses the contract schema, tolerant spellings included', () => {
    expect(fieldProblem('gender', 'Femme')).toBeUndefined();
    expect(fieldProblem('gender', 'Q')).toBe('Expected a gender: one of Woman, Man, Other, Not stated.');
    expect(fieldProblem('givenName', '')).toBe('Given name is required.');
    expect(fieldProblem('email', '')).toBeUndefined();
    expect(fieldProblem('email', 'not an address')).toBe('Expected an e-mail address such as name@example.org.');
    expect(fieldProblem('registeredOn', '27 May 2026')).toBeUndefined();
  });

  it('collects a whole form\'s problems by field', () => {
    expect(Object.keys(formProblems({ participantId: 'P1', delegationId: 'D-CHE', givenName: 'A', familyName: 'B', gender: 'W', role: 'HoD' }))).toEqual(['participation']);
  });
});

describe('nextIds', () => {
  it('continues the highest number, keeping its padding, and ignores other shapes', () => {
    expect(nextIds(['P0041', 'P0007', 'X99', 'P12a'], 'P', 3)).toEqual(['P0042', 'P0043', 'P0044']);
    expect(nextIds([], 'P', 1)).toEqual(['P0001']);
    expect(nextIds(['A9'], 'A', 2, 1)).toEqual(['A10', 'A11']);
  });
});

describe('findPeople', () => {
  const people = [
    { participantId: 'P1', delegationId: 'D-CHE', givenName: 'Zoë', familyName: 'Müller' },
    { participantId: 'P2', delegationId: 'D-FRA', givenName: 'Claire', familyName: 'Dubois' },
  ];
  const names = new Map([['D-CHE', 'Switzerland'], ['D-FRA', 'France']]);

  it('matches every word typed against name, ID and delegation, forgiving accents and case', () => {
    expect(findPeople(people, 'zoe mull', names).map((p) => p.participantId)).toEqual(['P1']);
    expect(findPeople(people, 'france', names).map((p) => p.participantId)).toEqual(['P2']);
    expect(findPeople(people, 'claire switzerland', names)).toEqual([]);
    expect(findPeople(people, '  ', names)).toHaveLength(2);
  });

  it('a delegation with no name adds no words to the search: only the person\'s name, ID and delegation ID are searched', () => {
    expect(findPeople(people, 'here', new Map())).toEqual([]);
    expect(findPeople(people, 'undefined', new Map())).toEqual([]);
    expect(findPeople(people, 'd-fra', new Map()).map((p) => p.participantId)).toEqual(['P2']);
  });

  it('with nothing typed, lists the first people up to the limit', () => {
    expect(findPeople(people, '', names, 1).map((p) => p.participantId)).toEqual(['P1']);
    expect(findPeople(people, '', names, 0)).toEqual([]);
    expect(findPeople(people, ' - ', names).map((p) => p.participantId)).toEqual(['P1', 'P2']);
  });
});
