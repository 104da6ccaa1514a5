// Which session is under way now, in the meeting's time zone, so check-in opens on it. Pure
// (the clock is passed in).

export interface SessionTimes {
  readonly sessionId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

/** The wall-clock date and time of an instant in an IANA time zone: `2026-05-27T10:05`. */
export function localDateTime(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  // These options always give a year, month, day, hour and minute part.
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The session under way at `now`; failing that the next one today, then the last one today,
 * then the first of the meeting. Undefined only when there are no sessions.
 */
export function defaultSession<T extends SessionTimes>(sessions: readonly T[], now: Date, timeZone: string): T | undefined {
  const local = localDateTime(now, timeZone);
  const today = local.slice(0, 10);
  const time = local.slice(11);
  const sorted = [...sessions].sort((a, b) => (a.date + a.start < b.date + b.start ? -1 : 1));
  const todays = sorted.filter((s) => s.date === today);
  return (
    todays.find((s) => s.start <= time && time < s.end) ??
    todays.find((s) => s.start > time) ??
    todays[todays.length - 1] ??
    sorted[0]
  );
}
