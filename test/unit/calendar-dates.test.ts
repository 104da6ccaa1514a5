// Days that are not on the calendar are not dates, however they are written: 31 April, 29 February
// of a common year, 31 June. Checked through the contract's public readers (readDate, readDateTime,
// isoDate). Expected values worked out by hand from the Gregorian calendar.
import { describe, expect, it } from 'vitest';
import { isoDate, readDate, readDateTime } from '../../templates/contract/index.js';

const notADate = (day: string) => ({ ok: false, expected: `a date such as 2026-05-27 or 27 May 2026; there is no ${day}` });

describe('days past the end of their month', () => {
  it.each([
    ['2026-04-31', '31 April 2026'], ['31 April 2026', '31 April 2026'], ['31.04.2026', '31 April 2026'], ['31/04/2026', '31 April 2026'],
    ['April 31, 2026', '31 April 2026'], ['31 avril 2026', '31 April 2026'], ['2026/04/31', '31 April 2026'], ['2026-06-31', '31 June 2026'],
    ['2026-02-29', '29 February 2026'], ['2026-02-30', '30 February 2026'], ['2026-09-31', '31 September 2026'], ['2026-11-31', '31 November 2026'],
  ])('%s is not a date: there is no %s', (text, day) => {
    expect(readDate(text)).toEqual(notADate(day));
  });

  it('the last day of each month is a date', () => {
    expect(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31'].map((t) => readDate(t))).toEqual(
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31'].map((value) => ({ ok: true, value })),
    );
  });

  it('29 February only in a leap year (2028, 2000), not in 2100', () => {
    expect(isoDate(2028, 2, 29)).toBe('2028-02-29');
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2100, 2, 29)).toBeUndefined();
    expect(isoDate(2026, 4, 31)).toBeUndefined();
    expect(isoDate(2026, 4, 30)).toBe('2026-04-30');
  });

  it('31 April with a time is not a date and time', () => {
    expect(readDateTime('2026-04-31 09:45')).toEqual({ ok: false, expected: 'a date and time such as 2026-05-27 09:45; there is no 31 April 2026' });
    expect(readDateTime('2026-04-30 09:45')).toEqual({ ok: true, value: '2026-04-30T09:45' });
  });
});
