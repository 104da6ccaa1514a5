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
  // Serial 60 is 29 February 1900, a day that never was (Lotus 1-2-3's leap-year bug).
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466 || Math.floor(serial) === 60) return undefined;
  const days = Math.floor(serial) < 60 ? Math.floor(serial) + 1 : Math.floor(serial);
  let iso = ISO_BY_DAY.get(days);
  if (iso === undefined) {
    iso = new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
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

function readDateText(raw: string): IsoDate | 'ambiguous' | undefined {
  const text = foldDateText(raw);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Day first with dots is the Swiss and European convention, and nobody writes month.day.year.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  // With slashes or dashes, 05/06/2026 is 5 June in Geneva and May 6 in New York: only accept
  // the reading that the numbers themselves make certain.
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a === b) return isoDate(y, a, b);
    if (a > 12) return isoDate(y, b, a);
    if (b > 12) return isoDate(y, a, b);
    return 'ambiguous';
  }
  // 27 May 2026, 27-May-2026, 27 mai 2026, 27 de mayo de 2026, 1er juin 2026
  m = /^(\d{1,2})(?:er|st|nd|rd|th|o)?[ -]?(?:de )?([a-z]+)\.?[ -]?(?:de |del )?(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!);
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[1]));
  }
  // May 27, 2026
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.get(m[1]!);
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}

function dateFromJsDate(date: Date): IsoDate | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  // exceljs and our own writers build dates at UTC midnight: read the UTC fields.
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function readDate(input: CellInput): Read<IsoDate> {
  if (input instanceof Date) {
    const d = dateFromJsDate(input);
    return d ? ok(d) : no(DATE_EXPECTED);
  }
  if (typeof input === 'number') {
    const d = serialToIsoDate(input);
    return d ? ok(d) : no(DATE_EXPECTED);
  }
  if (typeof input === 'string') {
    const d = readDateText(input);
    if (d === 'ambiguous') return no(`${DATE_EXPECTED}; day and month cannot be told apart in "${input.trim()}"`);
    return d ? ok(d) : no(DATE_EXPECTED);
  }
  return no(DATE_EXPECTED);
}

const TIME_EXPECTED = 'a time of day such as 10:00 or 15:30';

function clock(hours: number, minutes: number): ClockTime | undefined {
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) return undefined;
  if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || (hours === 24 && minutes !== 0)) return undefined;
  return `${pad2(hours)}:${pad2(minutes)}`;
}

function readTimeText(raw: string): ClockTime | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})[:h.](\d{2})(?::(\d{2}))?$/.exec(text);
  if (m) return clock(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})h$/.exec(text);
  if (m) return clock(Number(m[1]), 0);
  m = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\.?$/.exec(text);
  if (m) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return undefined;
    return clock((h % 12) + (m[3] === 'p' ? 12 : 0), Number(m[2] ?? 0));
  }
  return undefined;
}

export function readTime(input: CellInput): Read<ClockTime> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return no(TIME_EXPECTED);
    // A time-formatted cell comes back from exceljs as a moment on 30 December 1899, UTC.
    const t = clock(input.getUTCHours(), input.getUTCMinutes());
    return t ? ok(t) : no(TIME_EXPECTED);
  }
  if (typeof input === 'number') {
    // Excel stores a time of day as the fraction of a day.
    if (!(input >= 0 && input < 1)) return no(TIME_EXPECTED);
    const minutes = Math.round(input * 1440);
    const t = clock(Math.floor(minutes / 60), minutes % 60);
    return t ? ok(t) : no(TIME_EXPECTED);
  }
  if (typeof input === 'string') {
    const t = readTimeText(input);
    return t ? ok(t) : no(TIME_EXPECTED);
  }
  return no(TIME_EXPECTED);
}

const DATETIME_EXPECTED = 'a date and time such as 2026-05-27 09:45';

export function readDateTime(input: CellInput): Read<LocalDateTime> {
  if (input instanceof Date) {
    const d = dateFromJsDate(input);
    const t = clock(input.getUTCHours(), input.getUTCMinutes());
    return d && t ? ok(`${d}T${t}`) : no(DATETIME_EXPECTED);
  }
  if (typeof input === 'number') {
    const d = serialToIsoDate(input);
    if (!d) return no(DATETIME_EXPECTED);
    const minutes = Math.round((input - Math.floor(input)) * 1440);
    if (minutes >= 1440) return no(DATETIME_EXPECTED);
    return ok(`${d}T${clock(Math.floor(minutes / 60), minutes % 60)}`);
  }
  if (typeof input === 'string') {
    const text = input.trim().replace(/\s+/g, ' ');
    // The time is the last word(s): "2026-05-27 09:45", "2026-05-27T09:45:10", "27 May 2026 9:45 am".
    const m = /^(.*?)(?:[tT ]|, )(\d{1,2}(?:[:h.]\d{2}(?::\d{2}(?:\.\d+)?)?)?(?: ?[aApP]\.?[mM]\.?)?)(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
    if (m) {
      const d = readDateText(m[1]!);
      const t = readTimeText(m[2]!.replace(/(:\d{2}):\d{2}(\.\d+)?$/, '$1'));
      if (d && d !== 'ambiguous' && t) return ok(`${d}T${t}`);
    }
    return no(DATETIME_EXPECTED);
  }
  return no(DATETIME_EXPECTED);
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
  let n: number | undefined;
  if (typeof input === 'number') n = input;
  else if (typeof input === 'string' && /^[+-]?\d+(?:[.,]\d+)?$/.test(input.trim())) n = Number(input.trim().replace(',', '.'));
  if (n === undefined || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min) return no(expected);
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
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(text)) return no(expected);
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
