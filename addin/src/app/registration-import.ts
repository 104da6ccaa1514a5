// An online-registration export (CSV file or rows pasted from a spreadsheet) turned into Participants
// rows: parse, map its columns to the contract's, and preview duplicates and late registrations
// before anything is written. Pure.
import { emailKey, isLate } from '../../../pipeline/core/rules.js';
import { type CellInput, PARTICIPANTS_COLUMNS, ROW_SCHEMAS, fold, readDate } from '../../../templates/contract/index.js';

/** Parses CSV (RFC 4180 quoting) or tab-separated text; the separator is the one the first line uses most. */
export function parseDelimited(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const sep = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

export type ParticipantKey = keyof typeof PARTICIPANTS_COLUMNS;

/** Spellings seen in registration exports, beyond the contract's own headers. */
const ALIASES: Partial<Record<ParticipantKey, readonly string[]>> = {
  givenName: ['first name', 'firstname', 'given names', 'prenom', 'nombre'],
  familyName: ['last name', 'lastname', 'surname', 'nom', 'apellido', 'apellidos'],
  delegationId: ['delegation', 'delegation code'],
  email: ['e-mail', 'email address', 'e-mail address', 'courriel', 'correo'],
  gender: ['sex', 'genre', 'genero'],
  role: ['function', 'position in delegation', 'fonction'],
  participation: ['attendance mode', 'mode', 'participation mode'],
  registeredOn: ['registration date', 'submitted', 'date registered', 'submitted on'],
  title: ['salutation', 'honorific'],
};

/** For each contract column, the index of the export column that feeds it, or -1. */
export type ColumnMapping = Record<ParticipantKey, number>;

export function guessMapping(header: readonly string[]): ColumnMapping {
  const folded = header.map((h) => fold(h));
  const mapping = {} as ColumnMapping;
  for (const [key, spec] of Object.entries(PARTICIPANTS_COLUMNS) as [ParticipantKey, { header: string }][]) {
    const names = [fold(spec.header), ...(ALIASES[key] ?? []).map(fold)];
    mapping[key] = folded.findIndex((h) => names.includes(h));
  }
  return mapping;
}

export interface ImportRow {
  /** 1-based line of the export (the header is line 1). */
  readonly line: number;
  /** The row keyed by contract column key, as read from the export. */
  readonly values: Readonly<Record<ParticipantKey, CellInput>>;
  /** Problems that keep the row out until fixed, in plain words. */
  readonly problems: string[];
  /** Why it may be a second registration of someone already known, if so. */
  readonly duplicateOf?: string;
  /** True when registered after the registration deadline (it is still imported, with the warning). */
  readonly late: boolean;
}

export interface KnownParticipant {
  readonly participantId: string;
  readonly delegationId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email?: string | undefined;
  /** A Cancelled registration is not compared (as in the duplicate-person rule). */
  readonly status?: unknown;
}

function personKey(delegationId: unknown, given: unknown, family: unknown): string {
  return [delegationId, given, family].map((v) => fold(String(v ?? ''))).join('|');
}

/**
 * Reads the export's rows through the mapping and sorts out what would be written. Participant IDs
 * are assigned by the caller after the preview; here the ID column is ignored unless mapped.
 */
export function previewImport(
  table: readonly (readonly string[])[],
  mapping: ColumnMapping,
  known: readonly KnownParticipant[],
  registrationDeadline: string | undefined,
): ImportRow[] {
  // Compared as the duplicate-person rule compares: cancelled registrations not at all, e-mails by emailKey.
  const current = known.filter((p) => p.status !== 'Cancelled');
  const byPerson = new Map(current.map((p) => [personKey(p.delegationId, p.givenName, p.familyName), p.participantId]));
  const byEmail = new Map(current.filter((p) => p.email).map((p) => [emailKey(p.email)!, p.participantId]));
  const seenInImport = new Map<string, number>();
  const emailsInImport = new Map<string, number>();
  const shape = ROW_SCHEMAS.Participants.shape;
  return table.slice(1).map((cells, i): ImportRow => {
    const line = i + 2;
    const values = {} as Record<ParticipantKey, CellInput>;
    for (const key of Object.keys(mapping) as ParticipantKey[]) {
      const idx = mapping[key];
      const v = idx >= 0 ? cells[idx] : undefined;
      values[key] = v === undefined || v.trim() === '' ? undefined : v.trim();
    }
    const problems: string[] = [];
    for (const key of Object.keys(values) as ParticipantKey[]) {
      if (key === 'participantId') continue;
      const r = shape[key].safeParse(values[key]);
      if (!r.success) problems.push(`${PARTICIPANTS_COLUMNS[key].header}: ${r.error.issues[0]?.message ?? 'not readable'}`);
    }
    const pk = personKey(values.delegationId, values.givenName, values.familyName);
    const email = typeof values.email === 'string' ? emailKey(values.email) : undefined;
    let duplicateOf: string | undefined;
    if (byPerson.has(pk)) duplicateOf = `already registered as ${byPerson.get(pk)}`;
    else if (email && byEmail.has(email)) duplicateOf = `same e-mail as ${byEmail.get(email)}`;
    else if (seenInImport.has(pk)) duplicateOf = `same person as line ${seenInImport.get(pk)} of this import`;
    else if (email && emailsInImport.has(email)) duplicateOf = `same e-mail as line ${emailsInImport.get(email)} of this import`;
    if (!seenInImport.has(pk)) seenInImport.set(pk, line);
    if (email && !emailsInImport.has(email)) emailsInImport.set(email, line);
    const registered = values.registeredOn === undefined ? undefined : readDate(values.registeredOn);
    const late = registrationDeadline !== undefined && registered?.ok === true && isLate(registered.value, registrationDeadline);
    return { line, values, problems, late, ...(duplicateOf ? { duplicateOf } : {}) };
  });
}
