// Reads one cell's value as the contract's types: text, IDs, dates, times, numbers, e-mails.
// Forgiving where a person would be (Excel dates or text, "27 May 2026", "10h00"), and refusing
// what cannot be read unambiguously ("05/06/2026"). Pure: runs in Node and in the task pane alike.

/** What a cell may hold once an adapter (exceljs or Office.js) has flattened it. */
export type CellInput = string | number | boolean | Date | null | undefined;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A wall-clock time, `HH:MM`, 24-hour. */
export type ClockTime = string;
/** A wall-clock date and time in the meeting's time zone, `YYYY-MM-DDTHH:MM`. */
export type LocalDateTime = string;

export type Read<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (expected: string): Read<never> => ({ ok: false, expected });

export function isEmpty(input: CellInput): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
}

/** How a found value is shown to a person in a message. */
export function showValue(input: CellInput): string {
  if (input === null || input === undefined) return '(empty)';
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? '(invalid date)' : input.toISOString().replace('T00:00:00.000Z', '');
  if (typeof input === 'string') return input.trim() === '' ? '(empty)' : JSON.stringify(input.length > 80 ? `${input.slice(0, 77)}...` : input);
  return String(input);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Minutes since midnight as `HH:MM` (1440 is `24:00`). */
const hhmm = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Excel's serial day number (1900 date system) for a date, and back. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToIsoDate(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  // Serial 60 is 29 February 1900, a day that never was (Lotus 1-2-3's leap-year bug): it is no
  // date, and the days before it are one day later than the count from the epoch says.
  const day = Math.floor(serial);
  const days = day < 60 ? day + 1 : day > 60 ? day : undefined;
  if (days === undefined) return undefined;
  let iso = ISO_BY_DAY.get(days);
  // `if (true)` here is an equivalent mutant (a cached day written out again is the same text), left unmarked because `if (false)` on the same line, which returns nothing, is killable and one marker would hide both.
  if (iso === undefined) {
    iso = new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent mutants, the bound only limits the cache's memory
    if (ISO_BY_DAY.size < 40_000) ISO_BY_DAY.set(days, iso);
  }
  return iso;
}

/** Dates already written out: a meeting's 300,000 dates fall on a few hundred days. Bounded. */
const ISO_BY_DAY = new Map<number, IsoDate>();

export function isoDateToSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

/** Days between the 1900 and 1904 date systems: add to a 1904 serial to get a 1900 one. */
export const DATE_1904_OFFSET = 1462;

const MONTHS: ReadonlyMap<string, number> = (() => {
  const names: [number, string[]][] = [
    [1, ['january', 'jan', 'janvier', 'janv', 'enero', 'ene']],
    [2, ['february', 'feb', 'fevrier', 'fev', 'fevr', 'febrero']],
    [3, ['march', 'mar', 'mars', 'marzo']],
    [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr']],
    [5, ['may', 'mai', 'mayo']],
    [6, ['june', 'jun', 'juin', 'junio']],
    [7, ['july', 'jul', 'juillet', 'juil', 'julio']],
    [8, ['august', 'aug', 'aout', 'agosto', 'ago']],
    [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set']],
    [10, ['october', 'oct', 'octobre', 'octubre']],
    [11, ['november', 'nov', 'novembre', 'noviembre']],
    [12, ['december', 'dec', 'decembre', 'diciembre', 'dic']],
  ];
  return new Map(names.flatMap(([n, list]) => list.map((name) => [name, n] as [string, number])));
})();

const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo),?\s+/;

function foldDateText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(WEEKDAYS, '');
}

const DATE_EXPECTED = 'a date such as 2026-05-27 or 27 May 2026';

/**
 * How a caller that knows better reads a date whose day and month could be swapped, and the time
 * zone it wants wall times in.
 * - `order`: 'dmy' or 'mdy' when the caller knows how its source writes dates (for example from
 *   the other values of the same column: see `dateOrderOf`). Without it a value such as
 *   `05/06/2026` is refused, whatever its clock says.
 * - `timeZone`: an IANA zone (the meeting's). A value that carries its own offset (`Z`, `UTC`,
 *   `GMT`, `+02:00`, `GMT+2`) is converted to the wall time of this zone. Without it, the wall time
 *   is kept as written and the offset is dropped: `2026-05-27 08:03+00:00` reads as 08:03.
 */
export interface DateReadOptions {
  readonly order?: 'dmy' | 'mdy';
  readonly timeZone?: string;
}

/** A date and time as a text spells it, before any time zone is applied. */
interface DateTimeParts {
  readonly date: IsoDate;
  /** Minutes since midnight, or undefined for a date alone. */
  readonly minutes?: number;
  /** The text's own offset from UTC in minutes (`Z` and `UTC` are 0), when it states one. */
  readonly offset?: number;
}

/** A date written plainly whose day the month does not have: 31 April, 29 February 2026. */
interface NoSuchDay {
  /** The day as a person would say it: `31 April 2026`. */
  readonly noSuchDay: string;
}

/** What a text holds; 'ambiguous' when its day and month could be swapped. */
type TextRead = DateTimeParts | 'ambiguous' | NoSuchDay | undefined;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The date, or the day 29 to 31 that a month lacks (said as such), or undefined. */
function calendarDay(year: number, month: number, day: number): IsoDate | NoSuchDay | undefined {
  const iso = isoDate(year, month, day);
  if (iso !== undefined) return iso;
  // Only February to November can lack a 29th to 31st (January and December have 31 days). The
  // year and day are at most four and two digits read by a regex; month is 0 for a name no table holds.
  if (year >= 1900 && month >= 2 && month <= 11 && day >= 29 && day <= 31) {
    return { noSuchDay: `${day} ${MONTH_NAMES[month - 1]} ${year}` };
  }
  return undefined;
}

// Why our own code rather than a date library: the contract's rule is to read the forms people and
// tools write in three languages and to refuse, with its reason, a value whose day and month could
// be swapped. date-fns, dayjs and luxon parse against a format the caller names (one at a time) or
// fall back on the engine's Date parser, which reads 05/06/2026 as May 6 without a word; none tells
// "ambiguous" from "unreadable". Converting an offset to a time zone is left to Intl.

/** Day, month and year from numbers whose order is known only from their values. */
function dayMonth(a: number, b: number, year: number, order: DateReadOptions['order']): IsoDate | 'ambiguous' | NoSuchDay | undefined {
  if (a === b) return calendarDay(year, a, b);
  if (a > 12) return calendarDay(year, b, a);
  if (b > 12) return calendarDay(year, a, b);
  if (order === 'dmy') return calendarDay(year, b, a);
  if (order === 'mdy') return calendarDay(year, a, b);
  return 'ambiguous';
}

/** A year as written: four digits, or two digits read as 20yy (how online-meeting tools print it). */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function readDateOnly(text: string, order: DateReadOptions['order']): IsoDate | 'ambiguous' | NoSuchDay | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  // Day first with dots is the Swiss and European convention, and nobody writes month.day.year.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(text);
  if (m) return calendarDay(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  // With slashes or dashes, 05/06/2026 is 5 June in Geneva and May 6 in New York: only accept
  // the reading that the numbers themselves make certain (or that the caller knows).
  m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) return dayMonth(Number(m[1]), Number(m[3]), fullYear(m[4]!), order);
  // 27 May 2026, 27-May-2026, 27-May-26 (Excel's d-mmm-yy), 27 mai 2026, 27 de mayo de 2026, 1er juin 2026
  m = /^(\d{1,2})(?:er|st|nd|rd|th|o)?[ -]?(?:de )?([a-z]+)\.?(?:[ -]?(?:de |del )?(\d{4})|-(\d{2}))$/.exec(text);
  // A month name the table does not hold reads as month 0, which calendarDay refuses.
  if (m) return calendarDay(m[3] !== undefined ? Number(m[3]) : fullYear(m[4]!), MONTHS.get(m[2]!) ?? 0, Number(m[1]));
  // May 27, 2026
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m) return calendarDay(Number(m[3]), MONTHS.get(m[1]!) ?? 0, Number(m[2]));
  return undefined;
}

/**
 * A date, then the time and zone that may follow it (the text already folded to lower case):
 * `9:45`, `09:45:12`, `09:45:12.123456`, `14h30`, `10:02:15 am`, `3 p.m.`, then optionally `z`,
 * `utc`, `gmt`, `+02:00`, `+0200`, `-05`, `utc+2`, `gmt+02:00`, in brackets or not. The time is
 * separated from the date by `t`, a space, a comma, `at`, `à` or `a las` (accents are folded first).
 * Groups: 1 date, 2 hours, 3 minutes, 4 seconds, 5 a|p, 6 utc|gmt before a sign, 7 sign,
 * 8 offset hours, 9 offset minutes, 10 z|utc|gmt alone.
 */
const TIME_AFTER_DATE = new RegExp(
  String.raw`^(.*?)(?:t|,? | at | a (?:las )?)` +
    String.raw`(\d{1,2})(?:[:h.](\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?|(?=\s?[ap]\.?\s?m)|h)` +
    String.raw`(?:\s?([ap])\.?\s?m\.?)?` +
    String.raw`(?:\s?\(?(?:(z|utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?|(z|utc|gmt))\)?)?$`,
);

function clockMinutes(hours: number, minutes: number, meridiem: string | undefined): number | undefined {
  let h = hours;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (h > 23 || minutes > 59) return undefined;
  return h * 60 + minutes;
}

function readDateTimeText(raw: string, order: DateReadOptions['order']): TextRead {
  const text = foldDateText(raw);
  const alone = readDateOnly(text, order);
  if (alone !== undefined) return typeof alone === 'string' && alone !== 'ambiguous' ? { date: alone } : alone;
  const m = TIME_AFTER_DATE.exec(text);
  if (!m) return undefined;
  const date = readDateOnly(m[1]!.trim(), order);
  if (date === undefined || date === 'ambiguous' || typeof date === 'object') return date;
  // Seconds past 59 are refused (absent seconds are NaN, which is not past 59).
  if (Number(m[4]) > 59) return undefined;
  const minutes = clockMinutes(Number(m[2]), Number(m[3] ?? 0), m[5]);
  if (minutes === undefined) return undefined;
  let offset: number | undefined;
  if (m[10] !== undefined) offset = 0;
  else if (m[7] !== undefined) {
    const hours = Number(m[8]);
    const mins = Number(m[9] ?? 0);
    if (hours > 14 || mins > 59) return undefined;
    offset = (m[7] === '-' ? -1 : 1) * (hours * 60 + mins);
  }
  return { date, minutes, offset };
}

/** Formatters by time zone: building one costs far more than using it. */
const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The wall date and time in `timeZone` of a UTC instant, as `YYYY-MM-DDTHH:MM`; undefined for an unknown zone. */
function wallTime(utcMs: number, timeZone: string): LocalDateTime | undefined {
  let format = ZONE_FORMATS.get(timeZone);
  // `if (true)` here is an equivalent mutant (a cached zone's formatter built again formats alike), left unmarked because `if (false)` on the same line, which uses no formatter, is killable and one marker would hide both.
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return undefined;
    }
    ZONE_FORMATS.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  // The format asks for these five parts, so each is there.
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The parts as wall time: converted to `timeZone` when the text stated its offset, else as written. */
function toLocal(parts: DateTimeParts, timeZone: string | undefined): LocalDateTime {
  const minutes = parts.minutes ?? 0;
  const written = `${parts.date}T${hhmm(minutes)}`;
  if (parts.offset === undefined || timeZone === undefined) return written;
  const [y, mo, d] = parts.date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, mo - 1, d, 0, minutes - parts.offset);
  return wallTime(utc, timeZone) ?? written;
}

function ambiguity(expected: string, input: string): string {
  return `${expected}; day and month cannot be told apart in "${input.trim()}"`;
}

function dateFromJsDate(date: Date): IsoDate | undefined {
  // exceljs and our own writers build dates at UTC midnight: read the UTC fields. An invalid
  // Date's fields are NaN, which isoDate refuses.
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Reads a calendar day, `YYYY-MM-DD`.
 *
 * Accepts an Excel serial day number (1900 system; the caller adds `DATE_1904_OFFSET` for 1904
 * workbooks), a JavaScript Date (its UTC calendar day), or text: `2026-05-27`, `2026/5/27`,
 * `27.05.2026` and `27.05.26` (dots are always day first), `27/05/2026`, `5/27/2026`,
 * `27/05/26` (a two-digit year is 20yy), `27 May 2026`, `27-May-26`, `May 27, 2026`, French and
 * Spanish month names, with or without a weekday; and any of these followed by a time as
 * `readDateTime` reads it: the day is then the date part, taken in `options.timeZone` when the
 * text states its offset (`2026-05-22T23:30:00Z` is 23 May in Europe/Zurich, 22 May without a zone).
 *
 * Refuses, with the reason, `05/06/2026` and `05/06/26`: both readings are dates and nothing tells
 * them apart (unless `options.order` says how the source writes dates).
 */
export function readDate(input: CellInput, options?: DateReadOptions): Read<IsoDate> {
  if (input instanceof Date) {
    const d = dateFromJsDate(input);
    return d ? ok(d) : no(DATE_EXPECTED);
  }
  if (typeof input === 'number') {
    const d = serialToIsoDate(input);
    return d ? ok(d) : no(DATE_EXPECTED);
  }
  if (typeof input === 'string') {
    const r = readDateTimeText(input, options?.order);
    if (r === 'ambiguous') return no(ambiguity(DATE_EXPECTED, input));
    if (r === undefined) return no(DATE_EXPECTED);
    if ('noSuchDay' in r) return no(`${DATE_EXPECTED}; there is no ${r.noSuchDay}`);
    return ok(toLocal(r, options?.timeZone).slice(0, 10));
  }
  return no(DATE_EXPECTED);
}

const TIME_EXPECTED = 'a time of day such as 10:00 or 15:30';

/**
 * An Excel serial (days, with the time of day as their fraction) as whole days and the minutes
 * that Excel's h:mm shows: the value is first rounded to the millisecond (a program's arithmetic
 * stores 10:03 as 10:02:59.99999...), then its seconds are dropped, never rounded up (10:02:45 is
 * 10:02, 23:59:45 is 23:59 of the same day), as text with seconds is read.
 */
function serialParts(serial: number): { days: number; minutes: number } {
  const ms = Math.round(serial * DAY_MS);
  const days = Math.floor(ms / DAY_MS);
  return { days, minutes: Math.floor((ms - days * DAY_MS) / 60_000) };
}

/** A 24-hour time as its digits say it (whole numbers from 0), 24:00 included. */
function clock(hours: number, minutes: number): ClockTime | undefined {
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return undefined;
  return `${pad2(hours)}:${pad2(minutes)}`;
}

function readTimeText(raw: string): ClockTime | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})[:h.](\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?$/.exec(text);
  if (m) return Number(m[3]) > 59 ? undefined : clock(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})h$/.exec(text);
  if (m) return clock(Number(m[1]), 0);
  m = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)? ?([ap])\.? ?m\.?$/.exec(text);
  if (m) {
    if (Number(m[3]) > 59) return undefined;
    const minutes = clockMinutes(Number(m[1]), Number(m[2] ?? 0), m[4]);
    return minutes === undefined ? undefined : hhmm(minutes);
  }
  return undefined;
}

/**
 * Reads a time of day, `HH:MM` (24-hour; seconds and fractions of a second are dropped, not
 * rounded). Accepts an Excel day fraction (0.625 is 15:00), a Date on Excel's day 0 (its UTC
 * clock), or text: `10:00`, `9:05`, `18:00:00`, `15h00`, `15h`, `15.30`, `3 pm`, `3:30 p.m.`,
 * `10:02:15 AM`.
 */
export function readTime(input: CellInput): Read<ClockTime> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return no(TIME_EXPECTED);
    // A time-formatted cell comes back from exceljs as a moment on 30 December 1899, UTC.
    return ok(hhmm(input.getUTCHours() * 60 + input.getUTCMinutes()));
  }
  if (typeof input === 'number') {
    // Excel stores a time of day as the fraction of a day.
    if (!(input >= 0 && input < 1)) return no(TIME_EXPECTED);
    // Rounded to the millisecond, seconds dropped (see serialParts). A fraction a hair short of 1
    // rounds to a whole day: midnight at the end of the day, 24:00.
    return ok(hhmm(Math.floor(Math.round(input * DAY_MS) / 60_000)));
  }
  if (typeof input === 'string') {
    const t = readTimeText(input);
    return t ? ok(t) : no(TIME_EXPECTED);
  }
  return no(TIME_EXPECTED);
}

const DATETIME_EXPECTED = 'a date and time such as 2026-05-27 09:45';

/**
 * Reads a date and a time of day as wall time, `YYYY-MM-DDTHH:MM` (seconds and fractions of a
 * second dropped, not rounded). Accepts an Excel serial with its day fraction, a JavaScript Date
 * (its UTC fields, as exceljs and our writers build them), or text: any date `readDate` reads,
 * then a time after `T`, a space, a comma (`5/27/2026, 10:02:15 AM`), `at`, `à` or `a las`, with or without
 * seconds and their fraction (`2026-05-20 14:32:05.123456`), 24-hour or with AM/PM, then
 * optionally a zone: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `GMT+2` (ISO 8601; RFC 2822's
 * `Wed, 27 May 2026 08:03:12 GMT`).
 *
 * Day and month: `27/05/2026 10:03:12` is 27 May (27 cannot be a month); `5/27/2026 10:03:12 AM`
 * is 27 May (US order, as online-meeting tools print it); dotted `27.05.2026 10:03` is always day
 * first. `5/6/2026 10:03 AM` is refused as ambiguous: a 12-hour clock is printed day-first too
 * (en-GB, en-AU, en-IN), so AM/PM does not tell the order; a caller that knows it passes
 * `options.order` (see `dateOrderOf`).
 *
 * Offsets: with `options.timeZone` (the meeting's), a stated offset is converted to that zone's
 * wall time (`2026-05-27T08:03:12Z` in Europe/Zurich is 10:03); without one, the wall time is kept
 * as written and the offset dropped. A text without an offset is wall time as it stands.
 * A date alone (no time) is refused: a check-in needs its time.
 */
export function readDateTime(input: CellInput, options?: DateReadOptions): Read<LocalDateTime> {
  if (input instanceof Date) {
    const d = dateFromJsDate(input);
    return d ? ok(`${d}T${hhmm(input.getUTCHours() * 60 + input.getUTCMinutes())}`) : no(DATETIME_EXPECTED);
  }
  if (typeof input === 'number') {
    // NaN and infinite serials give days that serialToIsoDate refuses.
    const { days, minutes } = serialParts(input);
    const d = serialToIsoDate(days);
    if (!d) return no(DATETIME_EXPECTED);
    return ok(`${d}T${hhmm(minutes)}`);
  }
  if (typeof input === 'string') {
    const r = readDateTimeText(input, options?.order);
    if (r === 'ambiguous') return no(ambiguity(DATETIME_EXPECTED, input));
    if (r !== undefined && 'noSuchDay' in r) return no(`${DATETIME_EXPECTED}; there is no ${r.noSuchDay}`);
    if (r !== undefined && r.minutes === undefined) return no(`${DATETIME_EXPECTED}; it has a date but no time`);
    if (r === undefined) return no(readTimeText(input) === undefined ? DATETIME_EXPECTED : `${DATETIME_EXPECTED}; it has a time but no date`);
    return ok(toLocal(r, options?.timeZone));
  }
  return no(DATETIME_EXPECTED);
}

/** Whether a text states its own offset from UTC (so that its wall time depends on a time zone). */
export function statesOffset(text: string): boolean {
  return /(?:z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?)\)?\s*$/i.test(text) && /\d:\d{2}/.test(text);
}

/**
 * The order in which a source writes day and month, told from those of its values that make it
 * certain (`27/05/2026` is day first, `5/27/2026` month first); undefined when none does or when
 * they disagree. For one column of one export, so that `5/6/2026` beside `5/27/2026` reads as May 6.
 */
export function dateOrderOf(values: Iterable<CellInput>): 'dmy' | 'mdy' | undefined {
  let found: 'dmy' | 'mdy' | undefined;
  for (const v of values) {
    // Only text is written d/m/y: the text of a number, a Date or a boolean has no two slashes or dashes between digits.
    const m = /^\s*(?:[a-z]+,?\s+)?(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})\b/i.exec(String(v));
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const order = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : undefined;
    if (order === undefined) continue;
    if (found !== undefined && found !== order) return undefined;
    found = order;
  }
  return found;
}

/** Text as a person typed it: trimmed; numbers become their digits. */
export function readText(input: CellInput): Read<string> {
  if (typeof input === 'string') return ok(input.trim());
  if (typeof input === 'number') return Number.isFinite(input) ? ok(String(input)) : no('text');
  if (typeof input === 'boolean') return ok(input ? 'TRUE' : 'FALSE');
  if (input instanceof Date) {
    const d = dateFromJsDate(input);
    return d ? ok(d) : no('text');
  }
  return no('text');
}

/** An identifier: text or a whole number, trimmed, inner runs of white space made one space. */
export function readId(input: CellInput): Read<string> {
  if (typeof input === 'number') {
    return Number.isInteger(input) ? ok(String(input)) : no('an identifier (text or a whole number)');
  }
  if (typeof input === 'string') return ok(input.trim().replace(/\s+/g, ' '));
  return no('an identifier (text or a whole number)');
}

export function readNumber(input: CellInput, { integer = false, min = -Infinity } = {}): Read<number> {
  const expected = integer ? `a whole number${min > -Infinity ? ` of at least ${min}` : ''}` : `a number${min > -Infinity ? ` of at least ${min}` : ''}`;
  let n = Number.NaN;
  if (typeof input === 'number') n = input;
  else if (typeof input === 'string') {
    const text = input.trim();
    if (/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) n = Number(text.replace(',', '.'));
  }
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min) return no(expected);
  return ok(n);
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export function readEmail(input: CellInput): Read<string> {
  if (typeof input !== 'string') return no('an e-mail address such as name@example.org');
  const text = input.trim().replace(/^mailto:/i, '');
  return EMAIL.test(text) ? ok(text) : no('an e-mail address such as name@example.org');
}

export function readTimeZone(input: CellInput): Read<string> {
  const expected = 'an IANA time zone such as Europe/Zurich';
  if (typeof input !== 'string') return no(expected);
  const text = input.trim();
  // An Area/Location name such as Europe/Zurich, or UTC; which names exist only the engine knows
  // (it refuses anything else around or between the parts of a name). The engine also takes
  // abbreviations without a slash (GMT, CET, EST5EDT), which the contract refuses.
  if (text !== 'UTC' && !text.includes('/')) return no(expected);
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return ok(text);
  } catch {
    return no(expected);
  }
}

/** A text starts like a formula when a spreadsheet would evaluate it (CSV and formula injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
