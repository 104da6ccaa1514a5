// An online-registration export (a CSV or .xlsx file, or rows pasted from a spreadsheet) turned into
// Participants rows: read from its bytes, map its columns to the contract's (English, French and
// Spanish headers), and preview duplicates and late registrations with the validator's own rules
// before anything is written. Pure.
import { isAfterDeadline, probableDuplicates } from '../../../pipeline/core/people-rules.js';
import { type CellInput, dateOrderOf, fold, PARTICIPANTS_COLUMNS, readDate, ROW_SCHEMAS } from '../../../templates/contract/index.js';
import { type ExportTable, readExportTable } from './export-file.js';

export { chooseSeparator, decodeExport, type ExportEncoding, ExportFileError, type ExportLine, type ExportTable, readExportTable, type Separator } from './export-file.js';

/** Parses CSV or tab-separated text (csv-parse, RFC 4180 quoting), separator chosen as in readExportFile. */
export function parseDelimited(text: string): string[][] {
  const table = readExportTable(new TextEncoder().encode(text), 'the pasted text', { headerLine: firstLine(text) });
  return [table.headers, ...table.rows];
}

function firstLine(text: string): number {
  // A byte-order mark needs no removing: trim() takes U+FEFF as white space.
  const lines = text.split(/\r\n|\r|\n/);
  return lines.findIndex((l) => l.trim() !== '') + 1;
}

export type ParticipantKey = keyof typeof PARTICIPANTS_COLUMNS;

/**
 * Header spellings seen in registration systems', form services' and webinar tools' exports, in
 * English, French and Spanish, beyond the contract's own headers. Compared folded (accents, case),
 * without a trailing parenthesis ("Gender (Woman, Man, ...)"), colon or asterisk.
 */
const ALIASES: Partial<Record<ParticipantKey, readonly string[]>> = {
  givenName: ['first name', 'firstname', 'given name', 'given names', 'forename', 'prenom', 'prenoms', 'nombre', 'nombres', 'nombre de pila'],
  familyName: ['last name', 'lastname', 'surname', 'family name', 'nom', 'nom de famille', 'apellido', 'apellidos'],
  delegationId: ['delegation', 'delegation code', 'delegation id', 'code de la delegation', 'delegacion', 'codigo de la delegacion', 'id de la delegacion'],
  email: ['e-mail', 'email address', 'e-mail address', 'mail', 'user email', 'courriel', 'adresse e-mail', 'adresse electronique', 'adresse courriel', 'correo', 'correo electronico', 'direccion de correo electronico'],
  gender: ['sex', 'gender identity', 'genre', 'sexe', 'genero', 'sexo', 'identidad de genero'],
  role: ['function', 'position', 'position in delegation', 'role in delegation', 'role in the delegation', 'fonction', 'fonction dans la delegation', 'role dans la delegation', 'rol', 'funcion', 'funcion en la delegacion'],
  participation: ['attendance mode', 'mode', 'participation mode', 'mode of participation', 'attendance type', 'mode de participation', 'modalite de participation', 'participacion', 'modalidad', 'modalidad de participacion', 'forma de participacion'],
  registeredOn: ['registration date', 'registration time', 'registration date time', 'registered', 'submitted', 'date registered', 'submitted on', 'date d\'inscription', 'inscrit le', 'fecha de inscripcion', 'fecha de registro',
    // Form services: Google Forms' answer time (EN/FR/ES), Microsoft Forms' submission time.
    'timestamp', 'horodateur', 'marca temporal', 'completion time', 'heure de fin', 'hora de finalizacion',
    // Ticketing tools: the order's date.
    'order date', 'date de commande', 'fecha del pedido'],
  status: ['registration state', 'registration status', 'approval status', 'attendee status', 'statut du participant', 'estado del asistente', 'statut', 'statut de l\'inscription', 'etat de l\'inscription', 'estado', 'estado de la inscripcion'],
  title: ['salutation', 'honorific', 'prefix', 'civilite', 'tratamiento'],
};

/** A header cell as its column is named: folded, without a trailing "(...)", ":" or "*". */
function headerName(cell: string): string {
  // The spaces before the parenthesis go with the colon and asterisk after it, or fold() trims them.
  return fold(cell.replace(/\([^)]*\)\s*$/, '').replace(/[\s:*]+$/, ''));
}

const HEADER_KEYS: ReadonlyMap<string, ParticipantKey> = (() => {
  const m = new Map<string, ParticipantKey>();
  for (const [key, spec] of Object.entries(PARTICIPANTS_COLUMNS) as [ParticipantKey, { header: string }][]) {
    for (const name of [spec.header, ...(ALIASES[key] ?? [])]) m.set(headerName(name), key);
  }
  return m;
})();

/** The contract column an export's header cell names, if any. */
export function importHeaderKey(cell: string): ParticipantKey | undefined {
  return HEADER_KEYS.get(headerName(cell));
}

/**
 * Reads a registration export from its bytes (see readExportTable for encodings, separators and
 * .xlsx): the header is the row naming the most Participants columns, unless `headerLine` (1-based)
 * says which line a person chose.
 */
export function readExportFile(bytes: Uint8Array, fileName: string, headerLine?: number): ExportTable {
  return readExportTable(bytes, fileName, { knownHeader: importHeaderKey, headerLine });
}

/** For each contract column, the index of the export column that feeds it, or -1. */
export type ColumnMapping = Record<ParticipantKey, number>;

/** What Microsoft Forms writes in its respondent Email column for a form open to anyone: no address. */
const NO_ADDRESS = /^(anonymous|anonyme|an[oó]nimo)$/i;

/** A cell's value as the import reads it: trimmed; Microsoft Forms' "anonymous" e-mail is none. */
function importValue(key: ParticipantKey, cell: string | undefined): string | undefined {
  const v = cell?.trim();
  return !v || (key === 'email' && NO_ADDRESS.test(v)) ? undefined : v;
}

/**
 * Maps each contract column to the export column whose header names it; -1 when none does. When
 * several do (Microsoft Forms' respondent Email, then the form's own e-mail question), the first
 * that holds a value in `rows` is taken, else the first.
 */
export function guessMapping(header: readonly string[], rows: readonly (readonly string[])[] = []): ColumnMapping {
  const keys = header.map((h) => importHeaderKey(h));
  const mapping = {} as ColumnMapping;
  for (const key of Object.keys(PARTICIPANTS_COLUMNS) as ParticipantKey[]) {
    const columns = keys.flatMap((k, i) => (k === key ? [i] : []));
    mapping[key] = columns.find((i) => rows.some((r) => importValue(key, r[i]) !== undefined)) ?? columns[0] ?? -1;
  }
  return mapping;
}

/**
 * A value for every row, for a column the export lacks (or leaves empty on a row): asked once for the
 * whole import in the mapping step, such as Participation "Online" for a webinar's registrations.
 */
export type ImportDefaults = Partial<Record<ParticipantKey, string>>;

/** Required columns the import still lacks: neither mapped to an export column nor given a value for every row. */
export function missingColumns(mapping: ColumnMapping, defaults: ImportDefaults = {}): ParticipantKey[] {
  return (Object.keys(PARTICIPANTS_COLUMNS) as ParticipantKey[]).filter(
    (key) => key !== 'participantId' && PARTICIPANTS_COLUMNS[key].required && mapping[key] < 0 && (defaults[key] ?? '').trim() === '',
  );
}

export interface ImportRow {
  /** 1-based line of the export file. */
  readonly line: number;
  /** The row keyed by contract column key, as read from the export (a default filled in). */
  readonly values: Readonly<Record<ParticipantKey, CellInput>>;
  /** The same read by the contract (Mujer is Woman, Complete is Registered): what is written. */
  readonly record: Readonly<Record<string, CellInput>>;
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
  /** A cancelled registration is nobody's duplicate, as in the validator. */
  readonly status?: unknown;
}

/** The export's rows: `rowLines` gives each row's line in the file (else the header is taken as line 1). */
export interface ImportTable {
  readonly rows: readonly (readonly string[])[];
  readonly rowLines?: readonly number[];
}

type Person = { participantId: string; line?: number; delegationId?: string; givenName?: string; familyName?: string; email?: string; status?: string };

/**
 * Reads the export's rows through the mapping and sorts out what would be written, with the
 * validator's own rules (pipeline/core/people-rules.ts): a probable duplicate is the same e-mail
 * (case aside) or the same name in the same delegation as someone registered and not cancelled, or
 * as an earlier row of this import; a registration after the deadline day is late, one on that day
 * is not. A required column in `missingColumns` is not reported on each row: the pane asks for it
 * once. Registration dates are read in the export's own day/month order (dateOrderOf) and, when
 * they state an offset, on the day they fall in `timeZone` (the meeting's). Participant IDs are
 * assigned by the caller; the ID column is ignored.
 */
export function previewImport(
  table: ImportTable,
  mapping: ColumnMapping,
  known: readonly KnownParticipant[],
  registrationDeadline: string | undefined,
  defaults: ImportDefaults = {},
  timeZone?: string,
): ImportRow[] {
  const shape = ROW_SCHEMAS.Participants.shape;
  const askedOnce = new Set(missingColumns(mapping, defaults));
  // One export writes its dates one way: 5/6/2026 beside 5/27/2026 is May 6. (A column the export
  // lacks is -1, and a row has no cell -1: no dates, no order.)
  const order = dateOrderOf(table.rows.map((r) => r[mapping.registeredOn]));
  const drafts = table.rows.map((cells, i) => {
    const line = table.rowLines?.[i] ?? i + 2;
    const values = {} as Record<ParticipantKey, CellInput>;
    const record: Record<string, CellInput> = {};
    const problems: string[] = [];
    for (const key of Object.keys(PARTICIPANTS_COLUMNS) as ParticipantKey[]) {
      values[key] = importValue(key, cells[mapping[key]]) ?? (defaults[key]?.trim() || undefined);
      if (key === 'participantId' || askedOnce.has(key)) continue;
      // A registration time with its offset (2026-05-23 22:40+00:00) falls on the meeting's own day.
      const day = key === 'registeredOn' ? readDate(values[key], { ...(order ? { order } : {}), ...(timeZone ? { timeZone } : {}) }) : undefined;
      const r = shape[key].safeParse(day?.ok ? day.value : values[key]);
      if (r.success) record[key] = r.data as CellInput;
      // A failed parse has at least one issue.
      else problems.push(`${PARTICIPANTS_COLUMNS[key].header}: ${r.error.issues[0]!.message}`);
    }
    return { line, values, record, problems };
  });
  // The status test is not equivalent (without it a cancelled person counts as registered), so it is not marked.
  const people: Person[] = known.map((p) => ({ ...p, status: typeof p.status === 'string' ? p.status : undefined }));
  const fromImport = new Map<Person, (typeof drafts)[number]>();
  for (const d of drafts) {
    if (d.problems.length > 0) continue;
    // Stryker disable next-line StringLiteral: a row of the import is named by its line, never by this empty ID, and probableDuplicates keys people by the objects themselves
    const person: Person = { participantId: '', line: d.line, ...(d.record as Omit<Person, 'participantId' | 'line'>) };
    fromImport.set(person, d);
    people.push(person);
  }
  const duplicates = probableDuplicates(people);
  const why = new Map<(typeof drafts)[number], string>();
  for (const [person, draft] of fromImport) {
    const dup = duplicates.get(person);
    if (!dup) continue;
    const first = dup.first;
    const where = first.line !== undefined ? `line ${first.line} of this import` : first.participantId;
    why.set(draft, dup.by === 'email' ? `same e-mail as ${where}` : first.line !== undefined ? `same person as ${where}` : `already registered as ${where}`);
  }
  return drafts.map((d): ImportRow => {
    const registered = d.record.registeredOn;
    const late = registrationDeadline !== undefined && typeof registered === 'string' && isAfterDeadline(registered, registrationDeadline);
    const duplicateOf = why.get(d);
    return { ...d, late, ...(duplicateOf ? { duplicateOf } : {}) };
  });
}
