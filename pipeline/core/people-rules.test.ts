// Boundary tests of the rules the validator and the import preview share: probable duplicate people
// and lateness against a deadline day. Expected values worked out by hand from the rows given.
import { describe, expect, it } from 'vitest';
import { isAfterDeadline, probableDuplicates, type PersonFields } from './people-rules.js';

type Row = PersonFields & { readonly id: string };
const found = (rows: readonly Row[], namesKnown?: boolean) =>
  [...(namesKnown === undefined ? probableDuplicates(rows) : probableDuplicates(rows, namesKnown))].map(([row, d]) => [row.id, d.first.id, d.by]);

describe('probableDuplicates', () => {
  it('the same e-mail (case aside) with another name, anywhere, is a duplicate of the first row that had it', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'ana@example.org' },
      { id: 'B', delegationId: 'D2', givenName: 'Bea', familyName: 'Costa', email: 'ANA@Example.org' },
      { id: 'C', delegationId: 'D3', givenName: 'Cid', familyName: 'Lopes', email: 'ana@example.org' },
    ];
    // C repeats A (the first with that address), not B.
    expect(found(rows)).toEqual([['B', 'A', 'email'], ['C', 'A', 'email']]);
  });

  it('the same name (folded) in the same delegation is a duplicate; in another delegation it is not', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'José', familyName: 'Müller', email: 'a@x.org' },
      { id: 'B', delegationId: 'D1', givenName: ' jose ', familyName: 'MULLER', email: 'b@x.org' },
      { id: 'C', delegationId: 'D2', givenName: 'José', familyName: 'Müller', email: 'c@x.org' },
    ];
    expect(found(rows)).toEqual([['B', 'A', 'name']]);
    // A third with that name repeats the first, not the second.
    expect(found([...rows, { id: 'D', delegationId: 'D1', givenName: 'JOSE', familyName: 'muller', email: 'd@x.org' }])).toEqual([['B', 'A', 'name'], ['D', 'A', 'name']]);
    // Names are compared unless the caller says the sheet lacks a name or delegation column.
    expect(found(rows, true)).toEqual([['B', 'A', 'name']]);
    expect(found(rows, false)).toEqual([]);
  });

  it('the e-mail match wins over the name match, and a row matched by name still lends its e-mail to later rows', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'one@x.org' },
      { id: 'B', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'two@x.org' },
      { id: 'C', delegationId: 'D9', givenName: 'Other', familyName: 'Person', email: 'two@x.org' },
      { id: 'D', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'two@x.org' },
    ];
    expect(found(rows)).toEqual([['B', 'A', 'name'], ['C', 'B', 'email'], ['D', 'B', 'email']]);
  });

  it('a cancelled registration is nobody\'s duplicate and has none', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'ana@x.org', status: 'Cancelled' },
      { id: 'B', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'ana@x.org' },
      { id: 'C', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva', email: 'ana@x.org', status: 'Cancelled' },
    ];
    expect(found(rows)).toEqual([]);
  });

  it('rows without an e-mail are compared by name only; missing names count as empty', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'Ana' },
      { id: 'B', delegationId: 'D1', givenName: 'Ana', familyName: undefined },
      { id: 'C', delegationId: 'D1', givenName: 'Bea' },
      { id: 'E', delegationId: 'D1', givenName: 'Ana', familyName: '' },
      { id: 'F', delegationId: 'D1', familyName: 'Silva' },
      { id: 'G', delegationId: 'D1', givenName: '', familyName: 'Silva' },
    ];
    expect(found(rows)).toEqual([['B', 'A', 'name'], ['E', 'A', 'name'], ['G', 'F', 'name']]);
  });

  it('two rows without an e-mail, of unknown names, are not taken for one person', () => {
    const rows: Row[] = [
      { id: 'A', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva' },
      { id: 'B', delegationId: 'D1', givenName: 'Ana', familyName: 'Silva' },
      { id: 'C', delegationId: 'D2', givenName: 'Bea', familyName: 'Costa', email: 'bea@x.org' },
    ];
    // Names not known (a name or delegation column missing): only e-mails could tell, and A and B have none.
    expect(found(rows, false)).toEqual([]);
    // Two rows without e-mail and of different names: no match by a missing e-mail.
    expect(found([rows[0]!, { id: 'D', delegationId: 'D1', givenName: 'Dan', familyName: 'Reis' }])).toEqual([]);
  });
});

describe('isAfterDeadline', () => {
  it('the deadline day is on time, whatever the time of day; the next day is late', () => {
    expect(isAfterDeadline('2026-05-22', '2026-05-22')).toBe(false);
    expect(isAfterDeadline('2026-05-22T23:59', '2026-05-22')).toBe(false);
    expect(isAfterDeadline('2026-05-21T10:00', '2026-05-22')).toBe(false);
    expect(isAfterDeadline('2026-05-23', '2026-05-22')).toBe(true);
    expect(isAfterDeadline('2026-05-23T00:00', '2026-05-22')).toBe(true);
  });

  it('a deadline written with a time of day still means its whole day', () => {
    expect(isAfterDeadline('2026-05-22T23:59', '2026-05-22T10:00')).toBe(false);
    expect(isAfterDeadline('2026-05-22', '2026-05-22T10:00')).toBe(false);
    expect(isAfterDeadline('2026-05-23', '2026-05-22T10:00')).toBe(true);
  });
});
