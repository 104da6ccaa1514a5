// The cell readers at the edges the other tests leave open: offsets with minutes and their limits,
// a meeting zone the engine does not know, day and month told apart by their values, days a month
// lacks at the ends of the calendar, seconds at 59 and 60, times a hair short of midnight, the
// order of a whole column, and texts that state their own offset. Every expected value is worked
// out by hand (Geneva is UTC+2 in May, Tokyo UTC+9 all year).
import { describe, expect, it } from 'vitest';
import { DATE_1904_OFFSET, dateOrderOf, readDate, readDateTime, readNumber, readTime, readTimeZone, serialToIsoDate, statesOffset } from './cells.js';

const yes = <T>(value: T) => ({ ok: true, value });
const DATE = { ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026' };
const TIME = { ok: false, expected: 'a time of day such as 10:00 or 15:30' };
const DATETIME = { ok: false, expected: 'a date and time such as 2026-05-27 09:45' };
const GENEVA = { timeZone: 'Europe/Zurich' };

describe('offsets converted to the meeting\'s wall time', () => {
  it.each([
    ['2026-05-27T10:00+05:30', '2026-05-27T06:30'], // 04:30 UTC
    ['2026-05-27T10:00-03:30', '2026-05-27T15:30'], // 13:30 UTC
    ['2026-05-27T10:00+0530', '2026-05-27T06:30'],
    ['2026-05-27T10:00+00:59', '2026-05-27T11:01'], // 09:01 UTC
    ['2026-05-27T10:00+14:00', '2026-05-26T22:00'], // 20:00 UTC the day before: the furthest offset there is
    ['2026-05-27T10:00-05', '2026-05-27T17:00'],
    ['2026-05-27 10:00 utc+2', '2026-05-27T10:00'],
    ['2026-05-27 10:00 (GMT-4)', '2026-05-27T16:00'],
    ['2026-05-27 10:00 (UTC)', '2026-05-27T12:00'],
    ['2026-05-27 10:00 z', '2026-05-27T12:00'],
  ])('%s in Geneva is %s', (text, wall) => {
    expect(readDateTime(text, GENEVA)).toEqual(yes(wall));
  });

  it('refuses an offset past 14 hours or with minutes past 59', () => {
    expect(readDateTime('2026-05-27T10:00+02:60', GENEVA)).toEqual(DATETIME);
    expect(readDateTime('2026-05-27T10:00-15:00', GENEVA)).toEqual(DATETIME);
  });

  it('converts to any zone the engine knows, the same way the second time', () => {
    expect(readDateTime('2026-05-27T20:00:00Z', { timeZone: 'Asia/Tokyo' })).toEqual(yes('2026-05-28T05:00'));
    expect(readDateTime('2026-05-27T20:30:00Z', { timeZone: 'Asia/Tokyo' })).toEqual(yes('2026-05-28T05:30'));
  });

  it('keeps the wall time as written when the meeting\'s zone is unknown to the engine', () => {
    expect(readDateTime('2026-05-27T08:00Z', { timeZone: 'Mars/Olympus_Mons' })).toEqual(yes('2026-05-27T08:00'));
    expect(readDateTime('2026-05-27T08:15Z', { timeZone: 'Mars/Olympus_Mons' })).toEqual(yes('2026-05-27T08:15'));
    expect(readDate('2026-05-27T23:30Z', { timeZone: 'Mars/Olympus_Mons' })).toEqual(yes('2026-05-27'));
  });

  it('takes the day of a date column in the meeting\'s zone: 23:30 an hour behind UTC is the next day in Geneva', () => {
    expect(readDate('2026-05-27T23:30-01:00', GENEVA)).toEqual(yes('2026-05-28'));
    expect(readDate('2026-05-27T01:30+05:00', GENEVA)).toEqual(yes('2026-05-26'));
    expect(readDate('2026-05-27', GENEVA)).toEqual(yes('2026-05-27'));
  });

  it('keeps a written time with its minutes when no zone is given, offset or not', () => {
    expect(readDateTime('2026-05-27T23:59:59-01:00')).toEqual(yes('2026-05-27T23:59'));
    expect(readDateTime('2026-05-27 T09:45')).toEqual(yes('2026-05-27T09:45'));
  });
});

describe('day and month told apart by their values', () => {
  it('reads 13 as the day wherever it is, and refuses 13/13', () => {
    expect(readDate('13/05/2026', { order: 'mdy' })).toEqual(yes('2026-05-13'));
    expect(readDate('05/13/2026', { order: 'dmy' })).toEqual(yes('2026-05-13'));
    expect(readDate('12/13/2026')).toEqual(yes('2026-12-13'));
    expect(readDate('13/12/2026')).toEqual(yes('2026-12-13'));
    expect(readDate('13/13/2026')).toEqual(DATE);
  });

  it('reads the order the caller knows both ways', () => {
    expect(readDate('05/06/2026', { order: 'dmy' })).toEqual(yes('2026-06-05'));
    expect(readDate('05/06/2026', { order: 'mdy' })).toEqual(yes('2026-05-06'));
    expect(readDate('06/06/2026')).toEqual(yes('2026-06-06'));
  });

  it('says which day a month lacks, whichever way round it is written', () => {
    expect(readDate('31/09/2026')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 31 September 2026' });
    expect(readDate('09/31/2026')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 31 September 2026' });
    expect(readDate('31.12.26')).toEqual(yes('2026-12-31'));
  });
});

describe('days no month has', () => {
  it('gives a reason only for the 29th to 31st of a real month from 1900', () => {
    expect(readDate('2026-04-00')).toEqual(DATE);
    expect(readDate('2026-04-32')).toEqual(DATE);
    expect(readDate('2026-00-31')).toEqual(DATE);
    expect(readDate('2026-13-31')).toEqual(DATE);
    expect(readDate('1899-04-31')).toEqual(DATE);
    expect(readDate('1900-04-31')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 31 April 1900' });
    expect(readDate('1900-02-29')).toEqual({ ok: false, expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 29 February 1900' });
    expect(readDate('31 foo 2026')).toEqual(DATE);
    expect(readDate('Foo 31, 2026')).toEqual(DATE);
  });

  it('spells out the month of a day it lacks for every month that can lack one', () => {
    expect(['2026-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31'].map((t) => readDate(t))).toEqual(
      ['29 February 2026', '31 April 2026', '31 June 2026', '31 September 2026', '31 November 2026'].map((day) => ({ ok: false, expected: `a date such as 2026-05-27 or 27 May 2026; there is no ${day}` })),
    );
  });

  it('reads a month name with a two-digit year and with an ordinal', () => {
    expect(readDate('31-Dec-26')).toEqual(yes('2026-12-31'));
    expect(readDate('1st March 2026')).toEqual(yes('2026-03-01'));
    expect(readDate('3rd March 2026')).toEqual(yes('2026-03-03'));
    expect(readDate('4th March 2026')).toEqual(yes('2026-03-04'));
    expect(readDate('1o de marzo de 2026')).toEqual(yes('2026-03-01'));
    expect(readDate('1 de marzo del 2026')).toEqual(yes('2026-03-01'));
    expect(readDate('March 1st, 2026')).toEqual(yes('2026-03-01'));
  });
});

describe('seconds and the end of the day', () => {
  it('takes second 59 and refuses second 60, with AM/PM too', () => {
    expect(readDateTime('2026-05-27 10:03:59')).toEqual(yes('2026-05-27T10:03'));
    expect(readDateTime('2026-05-27 10:03:60')).toEqual(DATETIME);
    expect(readTime('10:02:59 am')).toEqual(yes('10:02'));
    expect(readTime('10:02:60 am')).toEqual(TIME);
    expect(readTime('10:02:60')).toEqual(TIME);
  });

  it('reads 12 o\'clock with minutes on either side of noon', () => {
    expect(readTime('12:30 pm')).toEqual(yes('12:30'));
    expect(readTime('12:30 am')).toEqual(yes('00:30'));
    expect(readTime('11:59 pm')).toEqual(yes('23:59'));
    expect(readDateTime('2026-05-27 12:30 am')).toEqual(yes('2026-05-27T00:30'));
    expect(readDateTime('2026-05-27 0:30')).toEqual(yes('2026-05-27T00:30'));
    expect(readDateTime('2026-05-27 23:59')).toEqual(yes('2026-05-27T23:59'));
    expect(readDateTime('2026-05-27 24:00')).toEqual(DATETIME);
  });

  it('reads a day fraction a hair short of 1 as 24:00, the end of the day', () => {
    expect(readTime(1 - 1e-12)).toEqual(yes('24:00'));
    expect(readTime(0.999)).toEqual(yes('23:58')); // 86,313.6 s
    expect(readTime('24:00')).toEqual(yes('24:00'));
    expect(readTime('24h')).toEqual(yes('24:00'));
    expect(readTime('25h')).toEqual(TIME);
  });

  it('reads a Date by its UTC clock, and refuses as a date and time one before 1900 (a time-only cell)', () => {
    expect(readTime(new Date(Date.UTC(2026, 4, 27, 23, 59, 59)))).toEqual(yes('23:59'));
    expect(readDateTime(new Date(Date.UTC(2026, 4, 27, 23, 59, 59)))).toEqual(yes('2026-05-27T23:59'));
    expect(readDateTime(new Date(Date.UTC(2026, 4, 27, 0, 5)))).toEqual(yes('2026-05-27T00:05'));
    expect(readDateTime(new Date(Date.UTC(1899, 11, 30, 13, 0)))).toEqual(DATETIME);
  });

  it('refuses serials that are no day: not a number, infinite, before day 1', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.5, 0.5]) expect(readDateTime(v)).toEqual(DATETIME);
    expect(readDateTime(1.75)).toEqual(yes('1900-01-01T18:00'));
  });
});

describe('the forms of a date and a time, part by part', () => {
  it('reads one-digit months and days, and refuses a date whose separators differ', () => {
    expect(readDate('2026-5-7')).toEqual(yes('2026-05-07'));
    expect(readDate('7.5.26')).toEqual(yes('2026-05-07'));
    expect(readDate('13/5/26')).toEqual(yes('2026-05-13'));
    expect(readDate('13/05-2026')).toEqual(DATE);
    expect(readDate('13-05/2026')).toEqual(DATE);
    expect(readDate('27.05.202')).toEqual(DATE);
    expect(readDate('2026-05-27 10')).toEqual(DATE);
    expect(readDate('x27 May 2026')).toEqual(DATE);
    expect(readDate('127 May 2026')).toEqual(DATE);
  });

  it('reads a time with up to nine digits of a second\'s fraction, after a dot or a comma', () => {
    expect(readTime('09:45:12.123456789')).toEqual(yes('09:45'));
    expect(readTime('09:45:12,5')).toEqual(yes('09:45'));
    expect(readTime('09:45:12.1234567890')).toEqual(TIME);
    expect(readTime('09:45:12.')).toEqual(TIME);
    expect(readTime('09:45:1')).toEqual(TIME);
    expect(readTime('10:00x')).toEqual(TIME);
    expect(readTime('10:00:00x')).toEqual(TIME);
  });

  it('reads a.m. and p.m. however they are spaced and dotted', () => {
    expect(['3 p. m.', '3 p.m', '3pm', '3:05pm', '3.05 p.m.', '3:05:09 p.m.'].map((t) => readTime(t))).toEqual(['15:00', '15:00', '15:00', '15:05', '15:05', '15:05'].map(yes));
    expect(['3 pmm', '3 p', '3:5 pm', '123 pm'].map((t) => readTime(t))).toEqual([TIME, TIME, TIME, TIME]);
  });

  it('says a date-time text has no date when its date part is not one', () => {
    expect(readDateTime('32/05/2026 10:00')).toEqual(DATETIME);
    expect(readDateTime('27 Foo 2026 10:00')).toEqual(DATETIME);
  });
});

describe('the 1904 date system', () => {
  it('counts from 1 January 1904, 1,462 days after the 1900 system\'s day 0 (30 December 1899)', () => {
    // 1899-12-30 to 1903-12-31 is 1 + 4 x 365 days (1900 was not a leap year): 1,461; one more is 1 January 1904.
    expect(DATE_1904_OFFSET).toBe(1462);
    expect(serialToIsoDate(0 + DATE_1904_OFFSET)).toBe('1904-01-01');
    expect(readDate(44707 + DATE_1904_OFFSET)).toEqual(yes('2026-05-27'));
  });
});

describe('numbers', () => {
  it('reads the digits of a text with spaces around, and refuses text that only starts with a number', () => {
    expect(readNumber(' 12 ', { integer: true, min: 1 })).toEqual(yes(12));
    expect(readNumber('12 minutes')).toEqual({ ok: false, expected: 'a number' });
    expect(readNumber('1,5', { integer: true })).toEqual({ ok: false, expected: 'a whole number' });
    expect(readNumber('0', { min: 0 })).toEqual(yes(0));
  });
});

describe('the order of a column of dates', () => {
  it('is told by a day past 12, in either place, with a weekday, spaces or dashes before it', () => {
    expect(dateOrderOf(['13/12/2026'])).toBe('dmy');
    expect(dateOrderOf(['12/13/2026'])).toBe('mdy');
    expect(dateOrderOf(['  Wed, 5/27/2026 10:00 AM'])).toBe('mdy');
    expect(dateOrderOf(['WEDNESDAY 27/5/2026'])).toBe('dmy');
    expect(dateOrderOf(['27-05-26'])).toBe('dmy');
    expect(dateOrderOf(['5-27-2026 10:00'])).toBe('mdy');
    expect(dateOrderOf(['Wed,  5/27/2026'])).toBe('mdy');
  });

  it('is not told by values where both could be the month, nor by numbers that are not dates', () => {
    expect(dateOrderOf(['12/12/2026', '1/2/2026'])).toBeUndefined();
    expect(dateOrderOf(['13/13/2026'])).toBeUndefined();
    expect(dateOrderOf(['27/05/20261', '27/05/2'])).toBeUndefined();
    expect(dateOrderOf(['x27/05/2026'])).toBeUndefined();
    expect(dateOrderOf([])).toBeUndefined();
    expect(dateOrderOf([46169, -5, true, null, undefined, new Date(Date.UTC(2026, 4, 27)), new Date(Number.NaN), '5/27/2026'])).toBe('mdy');
  });

  it('keeps the order that later values agree with, and gives up when one disagrees', () => {
    expect(dateOrderOf(['27/05/2026', '5/6/2026', '28/05/2026'])).toBe('dmy');
    expect(dateOrderOf(['5/27/2026', '5/28/2026', '27/05/2026'])).toBeUndefined();
  });
});

describe('texts that state their own offset', () => {
  it.each([
    '2026-05-27 10:03 (UTC)', '2026-05-27 10:03 +2', '2026-05-27 10:03 +0200', '2026-05-27 10:03z  ', '2026-05-27 10:03 GMT+02:00', '2026-05-27 10:03 -05',
  ])('%j does', (text) => {
    expect(statesOffset(text)).toBe(true);
  });

  it.each(['2026-05-27Z', '2026-05-27 10:3 Z', '2026-05-27 10:03 (x)', '2026-05-27 10:03 +12345', '2026-05-27 10:03 Z x'])('%j does not', (text) => {
    expect(statesOffset(text)).toBe(false);
  });
});

describe('time zones', () => {
  it('takes IANA names as the engine knows them, one letter or many, with digits and signs after the slash', () => {
    expect(['Etc/GMT-14', 'America/Indiana/Knox', 'Europe/Isle_of_Man', 'America/Port-au-Prince'].map((z) => readTimeZone(z))).toEqual(
      ['Etc/GMT-14', 'America/Indiana/Knox', 'Europe/Isle_of_Man', 'America/Port-au-Prince'].map(yes),
    );
  });

  it('every zone the engine lists is made of letters, digits, _ + - and / only, and is an Area/Location name or UTC', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(zone).toMatch(/^UTC$|^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/);
  });

  it('refuses the abbreviations and offsets people also write, which are not zone names', () => {
    for (const v of ['GMT', 'CET', 'EST5EDT', 'UTC+2', 'Z', 'xUTC', 'UTC/x', 'Europe/Zurich/', '/Europe/Zurich', 'Europe//Zurich', '1Europe/Zurich', 'Europe/Zu rich']) {
      expect(readTimeZone(v)).toEqual({ ok: false, expected: 'an IANA time zone such as Europe/Zurich' });
    }
  });
});
