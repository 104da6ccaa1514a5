// An online meeting's attendance report (the participants table of a Teams or Zoom export) turned
// into Online attendance rows: people matched by e-mail, then by name for confirmation; each
// connection placed in the sessions it covers, in the meeting's time zone. Pure.
import { dateOrderOf, fold, readDateTime } from '../../../templates/contract/index.js';
import { type ExportTable, readExportTable } from './export-file.js';

export type ReportColumn = 'name' | 'email' | 'join' | 'leave' | 'delegation';
export const REPORT_COLUMNS: readonly ReportColumn[] = ['name', 'email', 'join', 'leave', 'delegation'];

/** Header spellings of attendance reports (Teams, Zoom, Webex...), English, French and Spanish, folded. */
const REPORT_HEADERS: Record<ReportColumn, readonly string[]> = {
  name: ['name', 'full name', 'display name', 'user name', 'participant', 'participant name', 'attendee', 'nom', 'nom complet', 'participant e', 'nombre', 'nombre completo', 'participante'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'user email', 'attendee email', 'courriel', 'adresse e-mail', 'adresse electronique', 'correo', 'correo electronico'],
  join: ['first join', 'join time', 'joined', 'joined at', 'join', 'time joined', 'first join time', 'heure d\'arrivee', 'premiere arrivee', 'arrivee', 'heure de connexion', 'hora de entrada', 'primera entrada', 'primera union', 'hora de union', 'hora de llegada'],
  delegation: ['delegation', 'delegation id', 'organization', 'organisation', 'company', 'affiliation', 'entreprise', 'delegacion', 'organizacion', 'empresa'],
  leave: ['last leave', 'leave time', 'left', 'left at', 'time left', 'last leave time', 'heure de depart', 'dernier depart', 'depart', 'heure de deconnexion', 'hora de salida', 'ultima salida'],
};

function headerName(cell: string): string {
  // The spaces before the parenthesis go with the colon and asterisk after it, or fold() trims them.
  return fold(cell.replace(/\([^)]*\)\s*$/, '').replace(/[\s:*]+$/, ''));
}

const KEYS: ReadonlyMap<string, ReportColumn> = new Map(
  (Object.entries(REPORT_HEADERS) as [ReportColumn, readonly string[]][]).flatMap(([k, names]) => names.map((n) => [headerName(n), k] as const)),
);

/** The report column a header cell names, if any ("Name (Original Name)" is the name). */
export function reportHeaderKey(cell: string): ReportColumn | undefined {
  return KEYS.get(headerName(cell));
}

/** For each report column, the index of the export column holding it, or -1. */
export type ReportMapping = Record<ReportColumn, number>;

export function guessReportMapping(headers: readonly string[]): ReportMapping {
  const keys = headers.map(reportHeaderKey);
  return Object.fromEntries(REPORT_COLUMNS.map((k) => [k, keys.indexOf(k)])) as ReportMapping;
}

/**
 * Reads an attendance report from its bytes (see readExportTable): the header is the row naming the
 * most of name, e-mail, join and leave, so a report's summary and activity-log sections are skipped.
 */
export function readAttendanceReport(bytes: Uint8Array, fileName: string, headerLine?: number): ExportTable {
  return readExportTable(bytes, fileName, { knownHeader: reportHeaderKey, headerLine });
}

export interface ReportSession {
  readonly sessionId: string;
  /** `YYYY-MM-DD`, in the meeting's time zone. */
  readonly date: string;
  /** `HH:MM`. */
  readonly start: string;
  readonly end: string;
}

export interface ReportPerson {
  readonly participantId: string;
  readonly delegationId?: string | undefined;
  readonly givenName: string;
  readonly familyName: string;
  readonly email?: string | undefined;
  readonly status?: unknown;
}

export interface PlannedAttendance {
  readonly participantId: string;
  readonly sessionId: string;
  /** The earliest join counted for this session, wall time in the meeting's zone: `2026-05-27 09:58`. */
  readonly checkedInAt: string;
  /** By e-mail, or by name (to be confirmed by a person). */
  readonly matchedBy: 'email' | 'name';
  /** The name as the report gives it. */
  readonly reportName: string;
  /** The report's lines that gave it (a person who joined twice has two). */
  readonly lines: readonly number[];
}

export interface ReportProblem {
  readonly line: number;
  readonly name: string;
  readonly email: string;
  readonly reason: string;
}

export interface OnlineAttendancePlan {
  /** New Online attendance rows, by session then participant. */
  readonly rows: PlannedAttendance[];
  /** Found in the report but already in the Attendance sheet (in any mode): skipped. */
  readonly already: PlannedAttendance[];
  /** People of the report who are not in the Participants sheet: listed, never invented. */
  readonly unmatched: ReportProblem[];
  /** Lines whose connection falls in no session, or whose times cannot be read. */
  readonly skipped: ReportProblem[];
}

/** A join up to this many minutes before a session's start counts for it when the report gives no leave time. */
export const EARLY_JOIN_MINUTES = 15;

function minutesOf(local: string): number {
  const [d, t] = local.split('T') as [string, string];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const [h, min] = t.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, day, h, min) / 60000;
}

/** The name a report gives, for matching: without "(Original Name)" or "(Guest)", folded. */
function nameKey(name: string): string {
  // The spaces before the parenthesis are trimmed by fold().
  return fold(name.replace(/\([^)]*\)\s*$/, '').replace(/,/g, ' '));
}

/**
 * Plans the Online attendance rows an attendance report gives.
 *
 * - People: matched by e-mail (case aside) with a participant whose registration is not cancelled;
 *   failing that, by name ("Given Family", "Family Given" or "Family, Given", accents and case
 *   aside) when exactly one such participant has it, within the delegation the report names when
 *   it has a delegation or organisation column (its Delegation ID or name, from
 *   `delegationNames`): `matchedBy: 'name'`, for a person to confirm.
 *   Anyone else is listed in `unmatched` with the reason.
 * - Times: read with the contract's date-time reader; the report's day/month order is told from
 *   the column's own values (`27/05/26` is day first); a time with its offset (`Z`, `+02:00`) is
 *   converted to the meeting's zone, one without is taken as the meeting's wall time.
 * - Sessions: with a leave time, a connection counts for every session whose time it overlaps
 *   (join before the end and leave after the start): a person who joins a few minutes early and
 *   stays counts for that session; one who stays connected across the break counts for both
 *   sessions, checked in to a session at its start when connected since before its window (never
 *   at a morning join for the afternoon). Without a leave time, a join counts for the session whose window, from
 *   EARLY_JOIN_MINUTES before its start to its end, holds it. A connection holding no session is
 *   listed in `skipped`.
 * - A person with several connections to one session counts once; a person already in the
 *   Attendance sheet for a session (in any mode) is not written again.
 *
 * @param table the report's rows (readAttendanceReport)
 * @param mapping which columns hold name, e-mail, join and leave (-1 when absent; join is needed)
 * @param timeZone the meeting's IANA time zone
 */
export function planOnlineAttendance(
  table: Pick<ExportTable, 'rows' | 'rowLines'>,
  mapping: ReportMapping,
  people: readonly ReportPerson[],
  sessions: readonly ReportSession[],
  existing: readonly { participantId: string; sessionId: string }[],
  timeZone: string,
  delegationNames: ReadonlyMap<string, string> = new Map(),
): OnlineAttendancePlan {
  const active = people.filter((p) => p.status !== 'Cancelled');
  const cancelled = new Set(
    // Stryker disable next-line MethodExpression: asked only of an e-mail no registered participant has, so keeping the registered participants' e-mails (or empty ones) would change nothing. The status test itself is not equivalent (a cancelled person's e-mail would be unknown), so it is not marked.
    people.filter((p) => p.status === 'Cancelled')
      .map((p) => p.email?.trim().toLowerCase())
      .filter(Boolean),
  );
  const byEmail = new Map<string, ReportPerson[]>();
  const byName = new Map<string, ReportPerson[]>();
  const add = (m: Map<string, ReportPerson[]>, k: string, p: ReportPerson) => { const l = m.get(k); if (l) { if (!l.includes(p)) l.push(p); } else m.set(k, [p]); };
  for (const p of active) {
    if (p.email) add(byEmail, p.email.trim().toLowerCase(), p);
    for (const n of [`${p.givenName} ${p.familyName}`, `${p.familyName} ${p.givenName}`]) add(byName, nameKey(n), p);
  }
  // Map.get(undefined) is undefined: a participant without a delegation has no delegation name.
  const nameOf = delegationNames as ReadonlyMap<string | undefined, string>;
  const windows = sessions.map((s) => ({ s, start: minutesOf(`${s.date}T${s.start}`), end: minutesOf(`${s.date}T${s.end}`) }));
  // A column the report lacks (-1) reads as empty: a row has no cell -1.
  const cell = (row: readonly string[], k: ReportColumn) => (row[mapping[k]] ?? '').trim();
  const order = (k: ReportColumn) => dateOrderOf(table.rows.map((r) => cell(r, k)));
  const joinOrder = order('join');
  const leaveOrder = order('leave') ?? joinOrder;
  const read = (text: string, o: 'dmy' | 'mdy' | undefined) => readDateTime(text, { timeZone, ...(o ? { order: o } : {}) });

  const planned = new Map<string, { p: PlannedAttendance; at: number }>();
  const unmatched: ReportProblem[] = [];
  const skipped: ReportProblem[] = [];
  table.rows.forEach((row, i) => {
    const line = table.rowLines[i]!;
    const name = cell(row, 'name');
    const email = cell(row, 'email');
    const problem = (reason: string): ReportProblem => ({ line, name, email, reason });
    let person: ReportPerson | undefined;
    let matchedBy: 'email' | 'name' = 'email';
    const sameEmail = email ? byEmail.get(email.toLowerCase()) ?? [] : [];
    if (sameEmail.length > 1) return void unmatched.push(problem(`${sameEmail.length} participants have this e-mail address (${sameEmail.map((p) => p.participantId).join(', ')})`));
    if (sameEmail.length === 1) person = sameEmail[0];
    else {
      const delegation = fold(cell(row, 'delegation'));
      // A delegation compared by its ID or its name; a participant without one is in none.
      const inDelegation = (p: ReportPerson) => delegation === '' || [p.delegationId, nameOf.get(p.delegationId)].some((n) => n !== undefined && fold(n) === delegation);
      const named = name ? byName.get(nameKey(name)) ?? [] : [];
      const sameName = named.filter(inDelegation);
      if (sameName.length > 1) return void unmatched.push(problem(`${sameName.length} participants have this name (${sameName.map((p) => p.participantId).join(', ')}): check them in by hand`));
      if (sameName.length === 1) { person = sameName[0]; matchedBy = 'name'; }
      else if (named.length > 0) return void unmatched.push(problem(`no participant of "${cell(row, 'delegation')}" has this name (${named.map((p) => `${p.participantId} is in ${p.delegationId ?? 'no delegation'}`).join(', ')})`));
      else if (email && cancelled.has(email.toLowerCase())) return void unmatched.push(problem('this person\'s registration is cancelled'));
      else return void unmatched.push(problem('no participant has this e-mail address or name'));
    }
    const join = read(cell(row, 'join'), joinOrder);
    if (!join.ok) return void skipped.push(problem(`the join time "${cell(row, 'join')}" cannot be read: expected ${join.expected}`));
    const leaveText = cell(row, 'leave');
    const leave = leaveText === '' ? undefined : read(leaveText, leaveOrder);
    if (leave && !leave.ok) return void skipped.push(problem(`the leave time "${leaveText}" cannot be read: expected ${leave.expected}`));
    const from = minutesOf(join.value);
    const leftAt = leave?.ok ? leave.value : undefined;
    const to = leftAt === undefined ? undefined : minutesOf(leftAt);
    const held = windows.filter((w) => (to === undefined ? from >= w.start - EARLY_JOIN_MINUTES && from < w.end : from < w.end && to > w.start));
    if (held.length === 0) return void skipped.push(problem(`joined at ${join.value.replace('T', ' ')}${leftAt === undefined ? '' : ` and left at ${leftAt.slice(11)}`}, within no session`));
    for (const w of held) {
      const key = `${person!.participantId}\u0000${w.s.sessionId}`;
      const before = planned.get(key);
      // Connected since before this session's window (the morning, for an afternoon session): there at its start.
      const early = from < w.start - EARLY_JOIN_MINUTES;
      const at = early ? w.start : from;
      const p: PlannedAttendance = {
        participantId: person!.participantId, sessionId: w.s.sessionId, matchedBy, reportName: name,
        // `<` for `<=` is an equivalent mutant (at the same minute both check-ins read alike); `>` is not, so the line is not marked.
        checkedInAt: before && before.at <= at ? before.p.checkedInAt : early ? `${w.s.date} ${w.s.start}` : join.value.replace('T', ' '),
        lines: [...(before?.p.lines ?? []), line],
      };
      planned.set(key, { p, at: Math.min(at, before?.at ?? at) });
    }
  });
  const present = new Set(existing.map((e) => `${e.participantId}\u0000${e.sessionId}`));
  const sessionOrder = new Map(windows.map((w, i) => [w.s.sessionId, i]));
  const all = [...planned.entries()]
    .sort(([, a], [, b]) => (sessionOrder.get(a.p.sessionId)! - sessionOrder.get(b.p.sessionId)!) || a.p.participantId.localeCompare(b.p.participantId));
  return {
    rows: all.filter(([k]) => !present.has(k)).map(([, v]) => v.p),
    already: all.filter(([k]) => present.has(k)).map(([, v]) => v.p),
    unmatched,
    skipped,
  };
}
