import { describe, expect, it } from 'vitest';
import {
  dateOrderOf,
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
  statesOffset,
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

  it('drops the seconds of an Excel day fraction as Excel shows it in h:mm, never rounding them up', () => {
    // 10:02:45 is 36,165 s of 86,400; 23:59:45 is 86,385 s; 10:03 stored a hair short by a program's arithmetic.
    expect(value(readTime(36_165 / 86_400))).toBe('10:02');
    expect(value(readTime(86_385 / 86_400))).toBe('23:59');
    expect(value(readTime(10 / 24 + 3 / 1440 - 1e-12))).toBe('10:03');
  });

  it.each(['25:00', '10:60', 'noon', 1.5, -0.1])('refuses %j', (input) => {
    expect(readTime(input).ok).toBe(false);
  });
});

describe('a day the calendar does not have', () => {
  it.each([
    [readDateTime, '31/04/2026 10:00', 'there is no 31 April 2026'],
    [readDate, '29.02.2026', 'there is no 29 February 2026'],
    [readDate, '2026-02-30', 'there is no 30 February 2026'],
    [readDate, '31 juin 2026', 'there is no 31 June 2026'],
    [readDateTime, '9/31/2026 10:00 AM', 'there is no 31 September 2026'],
  ] as const)('%o refuses %j saying %s', (read, input, reason) => {
    const r = read(input);
    expect(r.ok ? '' : r.expected).toMatch(new RegExp(`; ${reason}$`));
  });

  it('reads the 29 February of a leap year, and gives no such reason for a day past 31', () => {
    expect(value(readDate('29/02/2028'))).toBe('2028-02-29');
    const r = readDate('32/01/2026');
    expect(r.ok ? '' : r.expected).not.toMatch(/there is no/);
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

  it('drops the seconds of a serial as Excel shows it in h:mm: 23:59:45 is 23:59 that day, 10:02:45 is 10:02', () => {
    // 46169 is 27 May 2026; a check-in typed or exported with its seconds.
    expect(value(readDateTime(46169 + 86_385 / 86_400))).toBe('2026-05-27T23:59');
    expect(value(readDateTime(46169 + 36_165 / 86_400))).toBe('2026-05-27T10:02');
    // 10:03 stored a hair short by floating-point arithmetic is still 10:03; a hair short of
    // midnight is midnight, the next day.
    expect(value(readDateTime(46169 + 10 / 24 + 3 / 1440 - 1e-11))).toBe('2026-05-27T10:03');
    expect(value(readDateTime(46170 - 1e-11))).toBe('2026-05-28T00:00');
  });

  it('says what a date-time lacks: a time alone has no date, a date alone no time', () => {
    const time = readDateTime('09:45');
    expect(time.ok ? '' : time.expected).toBe('a date and time such as 2026-05-27 09:45; it has a time but no date');
    const pm = readDateTime('9:45 PM');
    expect(pm.ok ? '' : pm.expected).toBe('a date and time such as 2026-05-27 09:45; it has a time but no date');
    const date = readDateTime('27.05.2026');
    expect(date.ok ? '' : date.expected).toBe('a date and time such as 2026-05-27 09:45; it has a date but no time');
  });

  it('refuses a bare time, whose day is unknown', () => {
    expect(readDateTime('09:45').ok).toBe(false);
  });
});

describe('date-times as people and tools write them', () => {
  it.each([
    // online-meeting tools, US English: month/day/year, a comma, seconds, AM/PM
    ['5/27/2026, 10:02:15 AM', '2026-05-27T10:02'],
    ['5/27/2026 10:03:12 AM', '2026-05-27T10:03'],
    ['5/27/2026 3:04:59 PM', '2026-05-27T15:04'],
    ['5/28/2026, 12:10 AM', '2026-05-28T00:10'],
    ['5/28/2026 12:10 PM', '2026-05-28T12:10'],
    ['5/27/26, 10:02:15 AM', '2026-05-27T10:02'],
    // day/month/year with seconds, the same tools in other locales
    ['27/05/2026, 10:03:12', '2026-05-27T10:03'],
    ['27/05/2026 10:03:12', '2026-05-27T10:03'],
    ['27/05/26 10:03:12', '2026-05-27T10:03'],
    ['28-05-2026 09:15', '2026-05-28T09:15'],
    // dotted, always day first, with a two-digit year too
    ['27.05.2026 10:03', '2026-05-27T10:03'],
    ['27.05.2026 15:01:09', '2026-05-27T15:01'],
    ['05.06.26 10:03', '2026-06-05T10:03'],
    // ISO 8601 with fractions of a second and with a T; seconds dropped, never rounded up
    ['2026-05-20 14:32:05.123456', '2026-05-20T14:32'],
    ['2026-05-20T14:32:59.999', '2026-05-20T14:32'],
    ['2026-05-27t09:45', '2026-05-27T09:45'],
    // month names, weekdays, at
    ['Wednesday, May 27, 2026 9:45 AM', '2026-05-27T09:45'],
    ['May 27, 2026, 3:30 p.m.', '2026-05-27T15:30'],
    ['27 May 2026 at 14:30', '2026-05-27T14:30'],
    ['27 mai 2026 à 14h30', '2026-05-27T14:30'],
    ['27 de mayo de 2026 a las 9:05', '2026-05-27T09:05'],
    ['27-May-26 10:00', '2026-05-27T10:00'],
    ['27 May 2026 3 pm', '2026-05-27T15:00'],
  ])('reads %j as %s', (input, expected) => {
    expect(value(readDateTime(input))).toBe(expected);
  });

  it.each([
    ['2026-05-27T08:03:12Z', '2026-05-27T08:03'],
    ['2026-05-20 14:32:05.123456+00:00', '2026-05-20T14:32'],
    ['2026-05-27 10:03 +02:00', '2026-05-27T10:03'],
    ['27/05/2026 10:03:12 UTC', '2026-05-27T10:03'],
    ['Wed, 27 May 2026 08:03:12 GMT', '2026-05-27T08:03'],
    ['5/27/2026 4:03 PM GMT-4', '2026-05-27T16:03'],
  ])('without a time zone keeps the wall time of %j: %s', (input, expected) => {
    expect(value(readDateTime(input))).toBe(expected);
  });

  it.each([
    // Geneva is UTC+2 in May (CEST)
    ['2026-05-27T08:03:12Z', '2026-05-27T10:03'],
    ['2026-05-20 14:32:05.123456+00:00', '2026-05-20T16:32'],
    ['2026-05-27 10:03 +02:00', '2026-05-27T10:03'],
    ['2026-05-27T10:03+0200', '2026-05-27T10:03'],
    ['27/05/2026 10:03:12 UTC', '2026-05-27T12:03'],
    ['Wed, 27 May 2026 08:03:12 GMT', '2026-05-27T10:03'],
    ['5/27/2026 4:03 PM GMT-4', '2026-05-27T22:03'],
    ['2026-05-27T23:30:00-05:00', '2026-05-28T06:30'],
    // Geneva is UTC+1 in January (CET)
    ['2026-01-15T09:00:00Z', '2026-01-15T10:00'],
    // no offset stated: wall time as written, whatever the zone
    ['27/05/2026 10:03:12', '2026-05-27T10:03'],
  ])('with Europe/Zurich converts %j to %s', (input, expected) => {
    expect(value(readDateTime(input, { timeZone: 'Europe/Zurich' }))).toBe(expected);
  });

  it('converts to New York wall time when that is the meeting\'s zone', () => {
    expect(value(readDateTime('2026-05-27T14:00:00Z', { timeZone: 'America/New_York' }))).toBe('2026-05-27T10:00');
  });

  it.each(['5/6/2026 10:03:12 AM', '05/06/2026 10:03', '05/06/26, 10:03:12', '05-06-2026T10:03'])('refuses the ambiguous %j, saying why', (input) => {
    const r = readDateTime(input);
    expect(r.ok ? '' : r.expected).toMatch(/day and month cannot be told apart/);
  });

  it('reads an ambiguous date when the caller knows the order', () => {
    expect(value(readDateTime('5/6/2026 10:03:12 AM', { order: 'mdy' }))).toBe('2026-05-06T10:03');
    expect(value(readDateTime('5/6/2026 10:03:12', { order: 'dmy' }))).toBe('2026-06-05T10:03');
    expect(value(readDate('05/06/26', { order: 'dmy' }))).toBe('2026-06-05');
  });

  it.each([
    '2026-05-27', // a date alone: a check-in needs its time
    '27/05/2026 25:00',
    '27/05/2026 10:60',
    '27/05/2026 10:03:61',
    '5/27/2026 13:03 PM',
    '5/27/2026 0:03 AM',
    '2026-05-27 10:03 +15:00',
    '31/04/2026 10:00',
    '27/05/2026 10:03 later',
    '27/05/2026 10',
  ])('refuses %j', (input) => {
    const r = readDateTime(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.expected).not.toMatch(/cannot be told apart/);
  });

  it('reads a date-time in a date column as its day', () => {
    expect(value(readDate('5/27/2026, 10:02:15 AM'))).toBe('2026-05-27');
    expect(value(readDate('2026-05-20 14:32:05.123456+00:00'))).toBe('2026-05-20');
    expect(value(readDate('27.05.26'))).toBe('2026-05-27');
    expect(value(readDate('27/05/26'))).toBe('2026-05-27');
    expect(value(readDate('5/27/26'))).toBe('2026-05-27');
    expect(value(readDate('27-May-26'))).toBe('2026-05-27');
  });

  it('takes the day in the meeting\'s zone when the text states its offset', () => {
    // 23:30 UTC on 22 May is 01:30 on 23 May in Geneva: after a 22 May deadline
    expect(value(readDate('2026-05-22T23:30:00Z', { timeZone: 'Europe/Zurich' }))).toBe('2026-05-23');
    expect(value(readDate('2026-05-22T23:30:00Z'))).toBe('2026-05-22');
    expect(value(readDate('2026-05-22 23:30', { timeZone: 'Europe/Zurich' }))).toBe('2026-05-22');
  });

  it('says why 05/06/26 is refused in a date column', () => {
    const r = readDate('05/06/26');
    expect(r.ok ? '' : r.expected).toMatch(/day and month cannot be told apart in "05\/06\/26"/);
  });

  it('reads a time with seconds and AM/PM', () => {
    expect(value(readTime('10:02:15 AM'))).toBe('10:02');
    expect(value(readTime('3:04:59 pm'))).toBe('15:04');
    expect(value(readTime('09:45:12.5'))).toBe('09:45');
    expect(readTime('10:02:75').ok).toBe(false);
  });

  it('tells the order of day and month from the values that make it certain', () => {
    expect(dateOrderOf(['5/6/2026 10:00 AM', '5/27/2026 9:00 AM'])).toBe('mdy');
    expect(dateOrderOf(['05/06/26 10:00', '27/05/26 10:00'])).toBe('dmy');
    expect(dateOrderOf(['05/06/2026', '06/05/2026'])).toBeUndefined();
    expect(dateOrderOf(['27/05/2026', '5/27/2026'])).toBeUndefined();
    expect(dateOrderOf([46169, null, 'P0001'])).toBeUndefined();
  });

  it('tells a text that states its offset', () => {
    expect(['2026-05-27T08:03:12Z', '2026-05-27 10:03 +02:00', '27/05/2026 10:03 UTC', '5/27/2026 4:03 PM GMT-4'].map(statesOffset)).toEqual([true, true, true, true]);
    expect(['2026-05-27', '27-05-2026 10:03', '5/27/2026 10:02:15 AM', '28-05-26'].map(statesOffset)).toEqual([false, false, false, false]);
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
