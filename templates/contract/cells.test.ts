import { describe, expect, it } from 'vitest';
import {
  isoDateToSerial,
  looksLikeFormula,
  readDate,
  readDateTime,
  readEmail,
  readId,
  readNumber,
  readText,
  readTime,
  readTimeZone,
  serialToIsoDate,
} from './cells.js';
import { CATEGORY, GENDER, MODE, normalizeTo, ROLE } from './vocabulary.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; expected: string }) => (r.ok ? r.value : `ERROR: ${r.expected}`);

describe('readDate', () => {
  it.each([
    ['2026-05-27', '2026-05-27'],
    [' 2026-05-27 ', '2026-05-27'],
    ['2026-05-27T00:00:00Z', '2026-05-27'],
    ['2026/5/27', '2026-05-27'],
    ['27.05.2026', '2026-05-27'],
    ['27/05/2026', '2026-05-27'],
    ['05/27/2026', '2026-05-27'],
    ['27 May 2026', '2026-05-27'],
    ['27-May-2026', '2026-05-27'],
    ['Wednesday 27 May 2026', '2026-05-27'],
    ['May 27, 2026', '2026-05-27'],
    ['27 mai 2026', '2026-05-27'],
    ['mercredi 27 mai 2026', '2026-05-27'],
    ['1er juin 2026', '2026-06-01'],
    ['27 de mayo de 2026', '2026-05-27'],
    ['29 avril 2026', '2026-04-29'],
    ['13 août 2026', '2026-08-13'],
  ])('reads the text %j as %s', (input, expected) => {
    expect(value(readDate(input))).toBe(expected);
  });

  it('reads Excel serial numbers, 46169 being 27 May 2026', () => {
    expect(value(readDate(46169))).toBe('2026-05-27');
    expect(value(readDate(1))).toBe('1900-01-01');
    expect(value(readDate(61))).toBe('1900-03-01');
    expect(isoDateToSerial('2026-05-27')).toBe(46169);
    expect(isoDateToSerial('1900-01-01')).toBe(1);
    expect(serialToIsoDate(60)).toBeUndefined();
  });

  it('reads a JavaScript Date by its UTC calendar day', () => {
    expect(value(readDate(new Date(Date.UTC(2026, 4, 27))))).toBe('2026-05-27');
  });

  it.each(['05/06/2026', '31/02/2026', '2026-13-01', 'soon', '27 Mayo 2026x', ''])('refuses %j', (input) => {
    expect(readDate(input).ok).toBe(false);
  });

  it('says why 05/06/2026 is refused', () => {
    const r = readDate('05/06/2026');
    expect(r.ok ? '' : r.expected).toMatch(/day and month cannot be told apart/);
  });
});

describe('readTime', () => {
  it.each([
    ['10:00', '10:00'],
    ['9:05', '09:05'],
    ['15h00', '15:00'],
    ['15h', '15:00'],
    ['15.30', '15:30'],
    ['18:00:00', '18:00'],
    ['3 pm', '15:00'],
    ['3:30 p.m.', '15:30'],
    ['12 am', '00:00'],
  ])('reads the text %j as %s', (input, expected) => {
    expect(value(readTime(input))).toBe(expected);
  });

  it('reads Excel day fractions: 10:00 is 10/24 and 15:00 is 0.625', () => {
    expect(value(readTime(10 / 24))).toBe('10:00');
    expect(value(readTime(0.625))).toBe('15:00');
    expect(value(readTime(new Date(Date.UTC(1899, 11, 30, 13, 0))))).toBe('13:00');
  });

  it.each(['25:00', '10:60', 'noon', 1.5, -0.1])('refuses %j', (input) => {
    expect(readTime(input).ok).toBe(false);
  });
});

describe('readDateTime', () => {
  it.each([
    ['2026-05-27 09:45', '2026-05-27T09:45'],
    ['2026-05-27T09:45:12', '2026-05-27T09:45'],
    ['27 May 2026 9:45', '2026-05-27T09:45'],
    ['27.05.2026 14h30', '2026-05-27T14:30'],
  ])('reads the text %j as %s', (input, expected) => {
    expect(value(readDateTime(input))).toBe(expected);
  });

  it('reads a serial with a time fraction and a UTC Date', () => {
    expect(value(readDateTime(46169 + 0.40625))).toBe('2026-05-27T09:45');
    expect(value(readDateTime(new Date(Date.UTC(2026, 4, 27, 9, 45))))).toBe('2026-05-27T09:45');
  });

  it('refuses a bare time, whose day is unknown', () => {
    expect(readDateTime('09:45').ok).toBe(false);
  });
});

describe('text, IDs, numbers, e-mails, time zones', () => {
  it('trims text and writes numbers as their digits', () => {
    expect(value(readText('  CICG  '))).toBe('CICG');
    expect(value(readText(12))).toBe('12');
  });
  it('reads IDs from whole numbers and text, folding inner spaces', () => {
    expect(value(readId(12))).toBe('12');
    expect(value(readId(' D  CHE '))).toBe('D CHE');
    expect(readId(1.5).ok).toBe(false);
  });
  it('reads numbers written with a decimal comma', () => {
    expect(value(readNumber('2,5'))).toBe(2.5);
    expect(readNumber('-1', { min: 0 }).ok).toBe(false);
    expect(readNumber(2.5, { integer: true }).ok).toBe(false);
  });
  it('reads e-mails and refuses what is not one', () => {
    expect(value(readEmail(' mailto:a.b@example.org '))).toBe('a.b@example.org');
    expect(readEmail('a.b at example.org').ok).toBe(false);
  });
  it('accepts real IANA zones only', () => {
    expect(value(readTimeZone('Europe/Zurich'))).toBe('Europe/Zurich');
    expect(readTimeZone('Geneva').ok).toBe(false);
    expect(readTimeZone('Europe/Atlantis').ok).toBe(false);
  });
  it('recognises text a spreadsheet would evaluate', () => {
    expect(['=1+1', '+41 22', '-x', '@SUM(A1)'].map(looksLikeFormula)).toEqual([true, true, true, true]);
    expect(['Ana', 'O\'Neil', '3 = 3'].map(looksLikeFormula)).toEqual([false, false, false]);
  });
});

describe('vocabularies in English, French and Spanish', () => {
  it.each([
    ['F', 'Woman'], ['Female', 'Woman'], ['W', 'Woman'], ['Femme', 'Woman'], ['Mujer', 'Woman'], [' femme ', 'Woman'], ['FÉMININ', 'Woman'],
    ['M', 'Man'], ['Male', 'Man'], ['Homme', 'Man'], ['Hombre', 'Man'], ['H', 'Man'],
    ['Autre', 'Other'], ['Otro', 'Other'], ['Non-binary', 'Other'],
    ['Prefer not to say', 'Not stated'], ['Non précisé', 'Not stated'], ['No indicado', 'Not stated'],
  ])('reads the gender %j as %s', (input, expected) => {
    expect(normalizeTo(GENDER, input)).toBe(expected);
  });

  it('reads roles, categories and modes', () => {
    expect(normalizeTo(ROLE, 'Cheffe de délégation')).toBe('Head of delegation');
    expect(normalizeTo(ROLE, 'jefa adjunta de delegacion')).toBe('Deputy head of delegation');
    expect(normalizeTo(CATEGORY, 'États parties')).toBe('State Party');
    expect(normalizeTo(CATEGORY, 'ONG')).toBe('Civil Society or NGO');
    expect(normalizeTo(MODE, 'in-person')).toBe('In person');
    expect(normalizeTo(MODE, 'En línea')).toBe('Online');
  });

  it('refuses what it cannot tell', () => {
    expect(normalizeTo(GENDER, 'Femmex')).toBeUndefined();
    expect(normalizeTo(GENDER, '?')).toBeUndefined();
  });
});
