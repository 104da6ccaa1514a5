// The vocabularies' folding and their tables: every allowed value is its own spelling, every
// spelling folds to one value only, and fold() forgives accents, case, hyphens, underscores, runs of
// spaces (no-break ones too) and a trailing full stop. Expected values written out by hand.
import { describe, expect, it } from 'vitest';
import {
  AGENDA_STATUS, CATEGORY, COUNTRIES, fold, GENDER, isCountryCode, MODE, normalizeTo, PARTICIPANT_STATUS, ROLE, SESSION_KIND, STATE_CATEGORIES, SUBMISSION_TYPE, YES_NO_VOCAB,
} from '../../templates/contract/index.js';

describe('fold', () => {
  it.each([
    ['Chef-de_délégation.', 'chef de delegation'],
    ['  Ms  ', 'ms'],
    ['Non\u00a0binaire', 'non binaire'],
    ['In -  person', 'in person'],
    ['ＦＥＭＭＥ', 'femme'],
    ['Varón', 'varon'],
    ['A.B.', 'a.b'],
  ])('folds %j to %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('the vocabularies', () => {
  const all = { GENDER, ROLE, CATEGORY, MODE, PARTICIPANT_STATUS, SESSION_KIND, AGENDA_STATUS, SUBMISSION_TYPE, YES_NO_VOCAB };

  it('name what they hold', () => {
    expect(Object.values(all).map((v) => [v.noun, v.values.length])).toEqual([
      ['a gender', 4], ['a role', 5], ['a delegation category', 6], ['a mode of participation', 2], ['a registration status', 3],
      ['a session kind', 2], ['an agenda item status', 3], ['a submission type', 2], ['Yes or No', 2],
    ]);
  });

  it('read every allowed value as itself, in any case', () => {
    for (const v of Object.values(all)) {
      for (const value of v.values) {
        expect(normalizeTo(v, value)).toBe(value);
        expect(normalizeTo(v, value.toUpperCase())).toBe(value);
      }
    }
  });

  it('key every spelling by its folded form, and only by it', () => {
    for (const v of Object.values(all)) {
      for (const [key, value] of v.synonyms) {
        expect(fold(key)).toBe(key);
        expect(v.values).toContain(value);
      }
    }
  });

  it('read spellings in the three languages, and refuse what they do not know', () => {
    expect(['F', 'Femme', 'Mujer', 'Mme', 'W'].map((s) => normalizeTo(GENDER, s))).toEqual(['Woman', 'Woman', 'Woman', 'Woman', 'Woman']);
    expect(['M', 'H', 'Homme', 'Varón', 'Mr'].map((s) => normalizeTo(GENDER, s))).toEqual(['Man', 'Man', 'Man', 'Man', 'Man']);
    expect(['X', 'Autre', 'Non binaire'].map((s) => normalizeTo(GENDER, s))).toEqual(['Other', 'Other', 'Other']);
    expect(['NS', 'Inconnu', 'Prefiere no decir'].map((s) => normalizeTo(GENDER, s))).toEqual(['Not stated', 'Not stated', 'Not stated']);
    expect(normalizeTo(ROLE, 'Jefa de la delegación')).toBe('Head of delegation');
    expect(normalizeTo(CATEGORY, 'ONG')).toBe('Civil Society or NGO');
    expect(normalizeTo(MODE, 'À distance')).toBe('Online');
    expect(normalizeTo(YES_NO_VOCAB, '0')).toBe('No');
    expect(normalizeTo(SUBMISSION_TYPE, 'WP')).toBe('Working paper');
    expect(normalizeTo(AGENDA_STATUS, 'Reportée')).toBe('Deferred');
    expect(normalizeTo(SESSION_KIND, 'Side-event')).toBe('Side event');
    expect(normalizeTo(PARTICIPANT_STATUS, 'Withdrawn')).toBe('Cancelled');
    for (const s of ['Q', 'Female person', '', 'Frau']) expect(normalizeTo(GENDER, s)).toBeUndefined();
  });

  it('count the three State categories as States', () => {
    expect(STATE_CATEGORIES).toEqual(['State Party', 'Signatory State', 'Observer State']);
  });
});

describe('country codes', () => {
  it('hold the 249 officially assigned ISO 3166-1 alpha-3 codes, each three capitals with a name', () => {
    expect(COUNTRIES.size).toBe(249);
    for (const [code, name] of COUNTRIES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(name.trim()).not.toBe('');
    }
    expect(new Set(COUNTRIES.values()).size).toBe(249);
  });

  it('know codes in upper case only, as the reader hands them', () => {
    expect(['CHE', 'FRA', 'ALA', 'ZWE', 'USA'].map(isCountryCode)).toEqual([true, true, true, true, true]);
    expect(['che', 'XYZ', 'CH', 'EUR', ''].map(isCountryCode)).toEqual([false, false, false, false, false]);
    expect(COUNTRIES.get('CHE')).toBe('Switzerland');
  });
});
