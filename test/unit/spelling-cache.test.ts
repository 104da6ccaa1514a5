// normalizeTo keeps a cache of spellings already folded (spelling -> folded key). These tests ask for
// a spelling, then for its folded form and other spellings of it, in orders where a cache keyed the
// wrong way round (folded key -> spelling) would hand back a spelling that no vocabulary holds.
import { describe, expect, it } from 'vitest';
import { GENDER, normalizeTo, PARTICIPANT_STATUS, ROLE } from '../../templates/contract/index.js';

describe('the spelling cache of normalizeTo', () => {
  it('reads a spelling, then its folded form, then the spelling again, alike', () => {
    expect(normalizeTo(ROLE, 'Cheffe de Délégation')).toBe('Head of delegation');
    expect(normalizeTo(ROLE, 'cheffe de delegation')).toBe('Head of delegation');
    expect(normalizeTo(ROLE, 'Cheffe de Délégation')).toBe('Head of delegation');
  });

  it('reads upper and lower case of a one-letter spelling alike, whichever comes first', () => {
    expect(normalizeTo(GENDER, 'F')).toBe('Woman');
    expect(normalizeTo(GENDER, 'f')).toBe('Woman');
    expect(normalizeTo(GENDER, 'h')).toBe('Man');
    expect(normalizeTo(GENDER, 'H')).toBe('Man');
  });

  it('gives the same answer for every vocabulary after a spelling was cached by another one', () => {
    expect(normalizeTo(GENDER, 'Annulée')).toBeUndefined();
    expect(normalizeTo(PARTICIPANT_STATUS, 'Annulée')).toBe('Cancelled');
    expect(normalizeTo(PARTICIPANT_STATUS, 'annulee')).toBe('Cancelled');
  });
});
