// The contract's cell readers at their edges: the first and last days Excel's serials can hold,
// its phantom 29 February 1900, 24:00, the 12 o'clock of am/pm, text cut for messages at 80
// characters, numbers with a minimum. Expected values worked out by hand (Excel's serial 1 is
// 1 January 1900 and serial 61 is 1 March 1900, Microsoft's "DATEVALUE function" and "Date systems
// in Excel" pages; serial 60 stands for 29 February 1900, which never was).
import { describe, expect, it } from 'vitest';
import {
  isEmpty, isoDate, isoDateToSerial, looksLikeFormula, readDate, readDateTime, readEmail, readId, readNumber, readText, readTime, readTimeZone, serialToIsoDate, showValue,
} from '../../templates/contract/index.js';

const yes = <T>(value: T) => ({ ok: true, value });
const DATE = { ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026' };
const TIME = { ok: false, expected: 'a time of day such as 10:00 or 15:30' };
const DATETIME = { ok: false, expected: 'a date and time such as 2026-05-27 09:45' };

describe('isEmpty and showValue', () => {
  it('calls empty only what holds nothing', () => {
    expect([null, undefined, '', '   ', '\t'].map(isEmpty)).toEqual([true, true, true, true, true]);
    expect(['x', 0, false, new Date(0)].map(isEmpty)).toEqual([false, false, false, false]);
  });

  it('shows a found value: empty, dates (a day, or a moment), text quoted and cut at 80 characters, others as written', () => {
    expect(showValue(null)).toBe('(empty)');
    expect(showValue(undefined)).toBe('(empty)');
    expect(showValue('  ')).toBe('(empty)');
    expect(showValue(new Date(Number.NaN))).toBe('(invalid date)');
    expect(showValue(new Date(Date.UTC(2026, 4, 27)))).toBe('2026-05-27');
    expect(showValue(new Date(Date.UTC(2026, 4, 27, 9, 45)))).toBe('2026-05-27T09:45:00.000Z');
    expect(showValue('Ana')).toBe('"Ana"');
    expect(showValue('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(showValue('y'.repeat(81))).toBe(`"${'y'.repeat(77)}..."`);
    expect(showValue(3.5)).toBe('3.5');
    expect(showValue(true)).toBe('true');
  });
});

describe('calendar dates and Excel serials', () => {
  it('isoDate takes whole numbers from 1900 to 9999, months 1 to 12, days from 1', () => {
    expect(isoDate(1900, 1, 1)).toBe('1900-01-01');
    expect(isoDate(9999, 12, 31)).toBe('9999-12-31');
    expect(isoDate(2026, 5, 7)).toBe('2026-05-07');
    for (const [y, m, d] of [[1899, 12, 31], [10000, 1, 1], [2026, 0, 1], [2026, 13, 1], [2026, 5, 0], [2026.5, 5, 1], [2026, 5.5, 1], [2026, 5, 1.5]] as const) {
      expect(isoDate(y, m, d)).toBeUndefined();
    }
  });

  it('serialToIsoDate: 1 is 1 January 1900, 59 is 28 February, 60 is refused, 61 is 1 March; 2958465 is the last day', () => {
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(59)).toBe('1900-02-28');
    expect(serialToIsoDate(59.99)).toBe('1900-02-28');
    expect(serialToIsoDate(60)).toBeUndefined();
    expect(serialToIsoDate(60.5)).toBeUndefined();
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect(serialToIsoDate(46169)).toBe('2026-05-27');
    expect(serialToIsoDate(46169)).toBe('2026-05-27'); // the second time from the cache
    expect(serialToIsoDate(46169.75)).toBe('2026-05-27');
    expect(serialToIsoDate(2_958_465)).toBe('9999-12-31');
    for (const s of [0, 0.99, -1, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY]) expect(serialToIsoDate(s)).toBeUndefined();
  });

  it('isoDateToSerial is its inverse, across the phantom day', () => {
    expect(['1900-01-01', '1900-02-28', '1900-03-01', '2026-05-27'].map(isoDateToSerial)).toEqual([1, 59, 61, 46169]);
  });
});

describe('readDate', () => {
  it.each([
    ['2026-05-27T09:45:10.5Z', '2026-05-27'],
    ['2026-05-27 09:45+02:00', '2026-05-27'],
    ['2026/5/7', '2026-05-07'],
    ['7.5.2026', '2026-05-07'],
    ['05/05/2026', '2026-05-05'],
    ['13/05/2026', '2026-05-13'],
    ['05/13/2026', '2026-05-13'],
    ['13-05-2026', '2026-05-13'],
    ['27 May 2026', '2026-05-27'],
    ['27-May-2026', '2026-05-27'],
    ['27 sept. 2026', '2026-09-27'],
    ['1er juin 2026', '2026-06-01'],
    ['2nd June 2026', '2026-06-02'],
    ['27 de mayo de 2026', '2026-05-27'],
    ['  Mercredi 27  MAI 2026 ', '2026-05-27'],
    ['Wednesday, 27 May 2026', '2026-05-27'],
    ['May 27, 2026', '2026-05-27'],
    ['Dec. 3rd 2026', '2026-12-03'],
    ['3 décembre 2026', '2026-12-03'],
  ])('reads %s as %s', (text, iso) => {
    expect(readDate(text)).toEqual(yes(iso));
  });

  it.each(['27 Foo 2026', 'Foo 27, 2026', '2026-5', '27 May', 'May 2026', '20260527', '', 'yesterday'])('refuses %j', (text) => {
    expect(readDate(text)).toEqual(DATE);
  });

  it('refuses 05/06/2026 and 05-06-2026, saying why', () => {
    expect(readDate(' 05/06/2026 ')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; day and month cannot be told apart in "05/06/2026"' });
    expect(readDate('05-06-2026')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; day and month cannot be told apart in "05-06-2026"' });
  });

  it('reads a Date by its UTC day and a serial; refuses an invalid Date, a serial out of range, true, null', () => {
    expect(readDate(new Date(Date.UTC(2026, 4, 27, 23, 30)))).toEqual(yes('2026-05-27'));
    expect(readDate(46170)).toEqual(yes('2026-05-28'));
    for (const v of [new Date(Number.NaN), 0, true, null, undefined]) expect(readDate(v)).toEqual(DATE);
  });
});

describe('readTime', () => {
  it.each([
    ['10:00', '10:00'], ['9h30', '09:30'], ['9.30', '09:30'], ['10:00:59', '10:00'], ['10h', '10:00'], ['24:00', '24:00'], ['0:00', '00:00'],
    ['9 am', '09:00'], ['12 am', '00:00'], ['12 pm', '12:00'], ['1:30 p.m.', '13:30'], ['11.15pm', '23:15'], [' 10H ', '10:00'],
  ])('reads %j as %s', (text, clock) => {
    expect(readTime(text)).toEqual(yes(clock));
  });

  it.each(['24:01', '25:00', '10:60', '13 pm', '0 am', 'noon', '10', '10:0'])('refuses %j', (text) => {
    expect(readTime(text)).toEqual(TIME);
  });

  it('reads day fractions from 0 up to (not including) 1, and a Date by its UTC time', () => {
    expect(readTime(0)).toEqual(yes('00:00'));
    expect(readTime(0.4375)).toEqual(yes('10:30'));
    expect(readTime(0.75)).toEqual(yes('18:00'));
    expect(readTime(new Date(Date.UTC(1899, 11, 30, 15, 45)))).toEqual(yes('15:45'));
    for (const v of [1, -0.01, 1.5, Number.NaN, new Date(Number.NaN), true, null]) expect(readTime(v)).toEqual(TIME);
  });
});

describe('readDateTime', () => {
  it.each([
    ['2026-05-27 09:45', '2026-05-27T09:45'],
    ['2026-05-27T09:45:10', '2026-05-27T09:45'],
    ['2026-05-27T09:45:10.250Z', '2026-05-27T09:45'],
    ['2026-05-27 09:45+02:00', '2026-05-27T09:45'],
    ['27 May 2026 9:45 am', '2026-05-27T09:45'],
    ['27 May 2026 9 PM', '2026-05-27T21:00'],
    ['27.05.2026, 14h05', '2026-05-27T14:05'],
  ])('reads %j as %s', (text, value) => {
    expect(readDateTime(text)).toEqual(yes(value));
  });

  it.each(['2026-05-27 25:00', 'soon'])('refuses %j', (text) => {
    expect(readDateTime(text)).toEqual(DATETIME);
  });

  it.each([
    ['2026-05-27', 'it has a date but no time'],
    ['09:45', 'it has a time but no date'],
    ['31 April 2026 10:00', 'there is no 31 April 2026'],
  ])('refuses %j, saying why: %s', (text, why) => {
    expect(readDateTime(text)).toEqual({ ok: false, expected: `a date and time such as 2026-05-27 09:45; ${why}` });
  });

  it('refuses "05/06/2026 09:45", saying that day and month cannot be told apart', () => {
    expect(readDateTime('05/06/2026 09:45')).toEqual({ ok: false, expected: 'a date and time such as 2026-05-27 09:45; day and month cannot be told apart in "05/06/2026 09:45"' });
  });

  it('reads serials with their fraction (seconds dropped, as h:mm shows them) and Dates by their UTC fields', () => {
    expect(readDateTime(46169.40625)).toEqual(yes('2026-05-27T09:45'));
    expect(readDateTime(46169)).toEqual(yes('2026-05-27T00:00'));
    expect(readDateTime(new Date(Date.UTC(2026, 4, 27, 9, 45)))).toEqual(yes('2026-05-27T09:45'));
    // 23:59:59.99 on 27 May: still that day, at 23:59 (Excel's h:mm shows it so), never the next day.
    expect(readDateTime(46169.9999999)).toEqual(yes('2026-05-27T23:59'));
    for (const v of [60.5, new Date(Number.NaN), false, null]) expect(readDateTime(v)).toEqual(DATETIME);
  });
});

describe('text, IDs and numbers', () => {
  it('readText trims text, writes numbers, booleans and dates as a person would, and refuses the rest', () => {
    expect(readText('  Ana  ')).toEqual(yes('Ana'));
    expect(readText(42)).toEqual(yes('42'));
    expect(readText(true)).toEqual(yes('TRUE'));
    expect(readText(false)).toEqual(yes('FALSE'));
    expect(readText(new Date(Date.UTC(2026, 4, 27)))).toEqual(yes('2026-05-27'));
    for (const v of [Number.POSITIVE_INFINITY, new Date(Number.NaN), null, undefined]) expect(readText(v)).toEqual({ ok: false, expected: 'text' });
  });

  it('readId takes whole numbers and text with inner spaces made one; refuses fractions and the rest', () => {
    expect(readId(12)).toEqual(yes('12'));
    expect(readId('  P \t 12  ')).toEqual(yes('P 12'));
    for (const v of [1.5, true, null, new Date(0)]) expect(readId(v)).toEqual({ ok: false, expected: 'an identifier (text or a whole number)' });
  });

  it('readNumber reads signs and decimal commas, and says what it wanted, minimum included', () => {
    expect(readNumber(' +2 ')).toEqual(yes(2));
    expect(readNumber('-3,5')).toEqual(yes(-3.5));
    expect(readNumber('7.25')).toEqual(yes(7.25));
    expect(readNumber(4)).toEqual(yes(4));
    expect(readNumber('1', { integer: true, min: 1 })).toEqual(yes(1));
    expect(readNumber('0', { integer: true, min: 1 })).toEqual({ ok: false, expected: 'a whole number of at least 1' });
    expect(readNumber(2.5, { integer: true })).toEqual({ ok: false, expected: 'a whole number' });
    expect(readNumber(-0.5, { min: 0 })).toEqual({ ok: false, expected: 'a number of at least 0' });
    for (const v of ['1e3', '1.', 'x', '', Number.NaN, Number.POSITIVE_INFINITY, true, null]) expect(readNumber(v)).toEqual({ ok: false, expected: 'a number' });
  });
});

describe('e-mails, time zones and formulas', () => {
  it('readEmail drops a mailto: and trims; refuses what is not an address', () => {
    expect(readEmail(' MAILTO:ana@example.org ')).toEqual(yes('ana@example.org'));
    expect(readEmail('a.b+c@sub.example.ch')).toEqual(yes('a.b+c@sub.example.ch'));
    for (const v of ['ana@example.c', 'ana example@x.org', 'ana@x', '@x.org', 'ana@@x.org', 'Ana <ana@x.org>', 'ana@x.org.', 5, null]) {
      expect(readEmail(v)).toEqual({ ok: false, expected: 'an e-mail address such as name@example.org' });
    }
  });

  it('readTimeZone takes IANA zones that exist, and UTC', () => {
    for (const z of ['Europe/Zurich', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2']) expect(readTimeZone(` ${z} `)).toEqual(yes(z));
    for (const v of ['Mars/Olympus_Mons', 'Zurich', 'Europe/', 'utc ', 'Europe/Zurich; x', 5, null]) {
      expect(readTimeZone(v)).toEqual({ ok: false, expected: 'an IANA time zone such as Europe/Zurich' });
    }
  });

  it('looksLikeFormula: = + - @ tab and carriage return at the start, nothing else', () => {
    expect(['=1', '+1', '-1', '@A1', '\tx', '\rx'].map(looksLikeFormula)).toEqual([true, true, true, true, true, true]);
    expect(['a=1', ' =1', 'Ana', '', '1-2'].map(looksLikeFormula)).toEqual([false, false, false, false, false]);
  });
});

describe('the readers refuse text around what they read', () => {
  it.each(['x2026-05-27', '2026-05-27x', '2026/05/07x', 'x2026/05/07', 'x7.5.2026', '7.5.2026x', 'x13/05/2026', '13/05/2026x', 'on may 27, 2026', 'may 27, 2026 x'])('readDate refuses %j', (text) => {
    expect(readDate(text)).toEqual(DATE);
  });

  it('readDate takes two-digit months and fractions of seconds, offsets without a colon, and words run together', () => {
    expect(readDate('2026/11/07')).toEqual(yes('2026-11-07'));
    expect(readDate('2026-05-27T09:45:10.25')).toEqual(yes('2026-05-27'));
    expect(readDate('2026-05-27T09:45+0200')).toEqual(yes('2026-05-27'));
    expect(readDate('27may2026')).toEqual(yes('2026-05-27'));
    expect(readDate('27 may2026')).toEqual(yes('2026-05-27'));
  });

  it('12/05/2026 and 05/12/2026 are ambiguous: 12 can be a month', () => {
    expect(readDate('12/05/2026').ok).toBe(false);
    expect(readDate('05/12/2026').ok).toBe(false);
  });

  it.each(['x10:00', '10hx', 'x10h', 'x9 am', '9 amx', '1 0:00'])('readTime refuses %j', (text) => {
    expect(readTime(text)).toEqual(TIME);
  });

  it('readTime takes minute 59 and runs of spaces', () => {
    expect(readTime('10:59')).toEqual(yes('10:59'));
    expect(readTime('9   am')).toEqual(yes('09:00'));
  });

  it('readDateTime trims, and takes am/pm against the time', () => {
    expect(readDateTime(' 2026-05-27 09:45 ')).toEqual(yes('2026-05-27T09:45'));
    expect(readDateTime('2026-05-27 9:45am')).toEqual(yes('2026-05-27T09:45'));
  });

  it('readNumber takes numbers of more than one digit; readEmail drops mailto: only at the start', () => {
    expect(readNumber('12')).toEqual(yes(12));
    expect(readNumber('10,25')).toEqual(yes(10.25));
    expect(readEmail('amailto:b@example.org')).toEqual({ ok: false, expected: 'an e-mail address such as name@example.org' });
  });
});
