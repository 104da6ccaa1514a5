// Building a vocabulary: spellings folded to their value, and a spelling that would mean two values refused.
import { describe, expect, it } from 'vitest';
import { normalizeTo, vocabulary } from './vocabulary.js';

describe('vocabulary', () => {
  it('maps every value and each of its spellings, folded, to the value', () => {
    const v = vocabulary('a colour', ['Red', 'Blue'] as const, { Red: ['Rouge', 'Rojo'], Blue: ['Bleu'] });
    expect(v.noun).toBe('a colour');
    expect(v.values).toEqual(['Red', 'Blue']);
    expect([normalizeTo(v, ' ROUGE '), normalizeTo(v, 'rojo'), normalizeTo(v, 'bleu'), normalizeTo(v, 'Blue'), normalizeTo(v, 'Green')])
      .toEqual(['Red', 'Red', 'Blue', 'Blue', undefined]);
  });

  it('refuses a spelling that would mean two values, naming it and both values', () => {
    expect(() => vocabulary('a colour', ['Red', 'Blue'] as const, { Red: ['R'], Blue: ['r'] }))
      .toThrow('contract: "r" would mean both Red and Blue');
  });

  it('lets a value repeat one of its own spellings', () => {
    const v = vocabulary('a colour', ['Red'] as const, { Red: ['red', 'RED'] });
    expect(normalizeTo(v, 'Red')).toBe('Red');
  });
});
