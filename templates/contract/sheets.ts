// The workbook contract, version 1: every sheet, its columns, what each holds, and the zod schema
// that reads a row of it. The single source of truth for the template, the sample, the validator,
// the pipeline and the add-in.
import { z } from 'zod';
import {
  type CellInput,
  isEmpty,
  type Read,
  readDate,
  readDateTime,
  readEmail,
  readId,
  readNumber,
  readText,
  readTime,
  readTimeZone,
} from './cells.js';
import { isCountryCode } from './countries.js';
import {
  AGENDA_STATUS,
  CATEGORY,
  GENDER,
  MODE,
  normalizeTo,
  PARTICIPANT_STATUS,
  ROLE,
  SESSION_KIND,
  SUBMISSION_TYPE,
  type Vocabulary,
  YES_NO_VOCAB,
} from './vocabulary.js';

export const CONTRACT_VERSION = 1;

export type ColumnKind =
  | 'id'
  | 'text'
  | 'name'
  | 'date'
  | 'time'
  | 'datetime'
  | 'enum'
  | 'integer'
  | 'number'
  | 'email'
  | 'countryCode'
  | 'timeZone';

export type SheetName =
  | 'Meeting'
  | 'Sessions'
  | 'Agenda'
  | 'Delegations'
  | 'Participants'
  | 'Attendance'
  | 'Speakers'
  | 'Submissions';

export interface ColumnSpec<S extends z.ZodType = z.ZodType> {
  /** The header as the contract spells it. */
  readonly header: string;
  readonly required: boolean;
  readonly kind: ColumnKind;
  /** For enumerated columns: the allowed values and their tolerant spellings. */
  readonly vocabulary?: Vocabulary<string>;
  /** For ID columns that point at another sheet's key. */
  readonly references?: { readonly sheet: SheetName; readonly column: string };
  /** The value used when an optional cell is empty. */
  readonly defaultValue?: string;
  /** Holds personal data (names, e-mails): never leaves the meeting workbook. */
  readonly personal?: boolean;
  /** Explained in plain words on the template's About sheet. */
  readonly description: string;
  /** Column width in characters, for the template. */
  readonly width: number;
  /** Excel number format for the template's cells. */
  readonly numFmt?: string;
  /** Reads one cell; the output type is the typed row's field. */
  readonly schema: S;
}

// ---- field schemas: one cell in, one typed value out, with the contract's wording on failure ----

/** Issue params that validators turn into "found ..., expected ..." messages. */
export interface CellIssueParams {
  readonly expected: string;
  readonly empty?: boolean;
}

function cell<T>(read: (input: CellInput) => Read<T>, required: boolean, what: string) {
  return z.custom<CellInput>().optional().transform((input, ctx): T | undefined => {
    if (isEmpty(input)) {
      if (!required) return undefined;
      ctx.addIssue({ code: 'custom', message: `expected ${what}`, params: { expected: what, empty: true } satisfies CellIssueParams });
      return z.NEVER;
    }
    const r = read(input);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `expected ${r.expected}`, params: { expected: r.expected } satisfies CellIssueParams });
      return z.NEVER;
    }
    return r.value;
  });
}

function required<T>(read: (input: CellInput) => Read<T>, what: string) {
  return cell(read, true, what) as unknown as z.ZodType<T, CellInput>;
}
function optional<T>(read: (input: CellInput) => Read<T>, what: string) {
  return cell(read, false, what) as unknown as z.ZodType<T | undefined, CellInput>;
}

function readEnum<T extends string>(vocab: Vocabulary<T>) {
  const expected = `${vocab.noun}: one of ${vocab.values.join(', ')}`;
  // Numbers and TRUE/FALSE are read by their text (1 is Yes); a Date's text is no spelling of anything.
  return (input: CellInput): Read<T> => {
    const v = normalizeTo(vocab, String(input));
    return v === undefined ? { ok: false, expected } : { ok: true, value: v };
  };
}

function enumRequired<T extends string>(vocab: Vocabulary<T>) {
  return required(readEnum(vocab), `${vocab.noun}: one of ${vocab.values.join(', ')}`);
}
function enumDefault<T extends string>(vocab: Vocabulary<T>, fallback: T) {
  return optional(readEnum(vocab), `${vocab.noun}: one of ${vocab.values.join(', ')}`).transform((v) => v ?? fallback) as unknown as z.ZodType<T, CellInput>;
}
function enumOptional<T extends string>(vocab: Vocabulary<T>) {
  return optional(readEnum(vocab), `${vocab.noun}: one of ${vocab.values.join(', ')}`);
}

const readCountryCode = (input: CellInput): Read<string> => {
  const expected = 'an ISO 3166-1 alpha-3 country code such as CHE';
  if (typeof input !== 'string') return { ok: false, expected };
  const code = input.trim().toUpperCase();
  return isCountryCode(code) ? { ok: true, value: code } : { ok: false, expected };
};

const ID = 'an identifier';
const TEXT = 'some text';
const DATE = 'a date such as 2026-05-27 or 27 May 2026';
const TIME = 'a time of day such as 10:00 or 15:30';
const DATETIME = 'a date and time such as 2026-05-27 09:45';
const EMAIL = 'an e-mail address such as name@example.org';

const F = {
  id: () => required(readId, ID),
  optionalId: () => optional(readId, ID),
  text: () => required(readText, TEXT),
  optionalText: () => optional(readText, TEXT),
  date: () => required(readDate, DATE),
  optionalDate: () => optional(readDate, DATE),
  time: () => required(readTime, TIME),
  optionalDateTime: () => optional(readDateTime, DATETIME),
  optionalEmail: () => optional(readEmail, EMAIL),
  integer: (min: number) => required((i) => readNumber(i, { integer: true, min }), `a whole number of at least ${min}`),
  optionalNumber: (min: number) => optional((i) => readNumber(i, { min }), `a number of at least ${min}`),
  optionalCountry: () => optional(readCountryCode, 'an ISO 3166-1 alpha-3 country code such as CHE'),
  optionalTimeZone: () => optional(readTimeZone, 'an IANA time zone such as Europe/Zurich'),
};

// ---- the sheets ----

const DATE_FMT = 'yyyy-mm-dd';
const TIME_FMT = 'hh:mm';
const DATETIME_FMT = 'yyyy-mm-dd hh:mm';

function col<S extends z.ZodType>(spec: ColumnSpec<S>): ColumnSpec<S> {
  return spec;
}

export const SESSIONS_COLUMNS = {
  sessionId: col({ header: 'Session ID', required: true, kind: 'id', width: 12, schema: F.id(), description: 'A short code for the session, unique in the workbook, such as S1. Attendance, Agenda and Speakers rows point to it.' }),
  date: col({ header: 'Date', required: true, kind: 'date', width: 12, numFmt: DATE_FMT, schema: F.date(), description: 'The day of the session. It must fall within the meeting\'s start and end dates.' }),
  start: col({ header: 'Start', required: true, kind: 'time', width: 8, numFmt: TIME_FMT, schema: F.time(), description: 'When the session starts, in the meeting\'s time zone (for example 10:00).' }),
  end: col({ header: 'End', required: true, kind: 'time', width: 8, numFmt: TIME_FMT, schema: F.time(), description: 'When the session ends; it must be after the start.' }),
  title: col({ header: 'Title', required: true, kind: 'name', width: 44, schema: F.text(), description: 'What the session is called, as on the draft schedule.' }),
  kind: col({ header: 'Kind', required: false, kind: 'enum', vocabulary: SESSION_KIND, defaultValue: 'Plenary', width: 12, schema: enumDefault(SESSION_KIND, 'Plenary'), description: 'Plenary or Side event. Empty means Plenary.' }),
  room: col({ header: 'Room', required: false, kind: 'text', width: 14, schema: F.optionalText(), description: 'The room, if known (for example CICG Room 2).' }),
};

export const AGENDA_COLUMNS = {
  itemId: col({ header: 'Item ID', required: true, kind: 'id', width: 10, schema: F.id(), description: 'A short code for the agenda item, unique in the workbook, such as A1.' }),
  sessionId: col({ header: 'Session ID', required: true, kind: 'id', references: { sheet: 'Sessions', column: 'sessionId' }, width: 12, schema: F.id(), description: 'The session in which the item is taken up (a Session ID from the Sessions sheet).' }),
  order: col({ header: 'Order', required: true, kind: 'integer', width: 8, numFmt: '0', schema: F.integer(1), description: 'The item\'s place within its session: 1, 2, 3...' }),
  title: col({ header: 'Title', required: true, kind: 'name', width: 52, schema: F.text(), description: 'The agenda item as the draft schedule words it.' }),
  body: col({ header: 'Body', required: false, kind: 'text', width: 14, schema: F.optionalText(), description: 'Who presents it: WGETI, WGTR, WGTU, VTF, MC, Presidency, Secretariat...' }),
  document: col({ header: 'Document', required: false, kind: 'text', width: 18, schema: F.optionalText(), description: 'The symbol of the document under the item, if any.' }),
  status: col({ header: 'Status', required: false, kind: 'enum', vocabulary: AGENDA_STATUS, defaultValue: 'Planned', width: 11, schema: enumDefault(AGENDA_STATUS, 'Planned'), description: 'Planned, Addressed or Deferred. Items are taken on a rolling basis; empty means Planned.' }),
};

export const DELEGATIONS_COLUMNS = {
  delegationId: col({ header: 'Delegation ID', required: true, kind: 'id', width: 14, schema: F.id(), description: 'A short code for the delegation, unique in the workbook, such as D-CHE.' }),
  name: col({ header: 'Name', required: true, kind: 'name', width: 40, schema: F.text(), description: 'The delegation\'s name: the State or the organisation.' }),
  category: col({ header: 'Category', required: true, kind: 'enum', vocabulary: CATEGORY, width: 34, schema: enumRequired(CATEGORY), description: 'State Party, Signatory State, Observer State, International or Regional Organization, Civil Society or NGO, or Industry.' }),
  countryCode: col({ header: 'Country code', required: false, kind: 'countryCode', width: 13, schema: F.optionalCountry(), description: 'For States only: the three-letter ISO 3166-1 code, such as CHE for Switzerland.' }),
};

export const PARTICIPANTS_COLUMNS = {
  participantId: col({ header: 'Participant ID', required: true, kind: 'id', width: 14, schema: F.id(), description: 'A short code for the person, unique in the workbook, such as P0001.' }),
  delegationId: col({ header: 'Delegation ID', required: true, kind: 'id', references: { sheet: 'Delegations', column: 'delegationId' }, width: 14, schema: F.id(), description: 'The person\'s delegation (a Delegation ID from the Delegations sheet).' }),
  title: col({ header: 'Title', required: false, kind: 'name', width: 8, personal: true, schema: F.optionalText(), description: 'Form of address, such as Ms, Mr, Dr or H.E.' }),
  givenName: col({ header: 'Given name', required: true, kind: 'name', width: 18, personal: true, schema: F.text(), description: 'The person\'s given name. Personal data: it stays in this workbook.' }),
  familyName: col({ header: 'Family name', required: true, kind: 'name', width: 18, personal: true, schema: F.text(), description: 'The person\'s family name. Personal data: it stays in this workbook.' }),
  gender: col({ header: 'Gender', required: true, kind: 'enum', vocabulary: GENDER, width: 11, schema: enumRequired(GENDER), description: 'Woman, Man, Other or Not stated, as the person registered it. Used only for gender-disaggregated figures.' }),
  role: col({ header: 'Role', required: true, kind: 'enum', vocabulary: ROLE, width: 24, schema: enumRequired(ROLE), description: 'Head of delegation, Deputy head of delegation, Delegate, Adviser or Observer.' }),
  email: col({ header: 'Email', required: false, kind: 'email', width: 28, personal: true, schema: F.optionalEmail(), description: 'The person\'s e-mail address. Personal data: it stays in this workbook.' }),
  participation: col({ header: 'Participation', required: true, kind: 'enum', vocabulary: MODE, width: 13, schema: enumRequired(MODE), description: 'How the person registered to take part: In person or Online (livestream).' }),
  registeredOn: col({ header: 'Registered on', required: false, kind: 'date', width: 13, numFmt: DATE_FMT, schema: F.optionalDate(), description: 'The day the person registered. After the registration deadline it is flagged as late.' }),
  status: col({ header: 'Status', required: false, kind: 'enum', vocabulary: PARTICIPANT_STATUS, defaultValue: 'Registered', width: 11, schema: enumDefault(PARTICIPANT_STATUS, 'Registered'), description: 'Registered, Confirmed or Cancelled. Cancelled people are left out of every figure. Empty means Registered.' }),
};

export const ATTENDANCE_COLUMNS = {
  participantId: col({ header: 'Participant ID', required: true, kind: 'id', references: { sheet: 'Participants', column: 'participantId' }, width: 14, schema: F.id(), description: 'Who attended (a Participant ID from the Participants sheet).' }),
  sessionId: col({ header: 'Session ID', required: true, kind: 'id', references: { sheet: 'Sessions', column: 'sessionId' }, width: 12, schema: F.id(), description: 'Which session (a Session ID from the Sessions sheet). One row per person per session.' }),
  mode: col({ header: 'Mode', required: true, kind: 'enum', vocabulary: MODE, width: 11, schema: enumRequired(MODE), description: 'How the person attended this session: In person or Online.' }),
  checkedInAt: col({ header: 'Checked in at', required: false, kind: 'datetime', width: 17, numFmt: DATETIME_FMT, schema: F.optionalDateTime(), description: 'When the person was checked in, in the meeting\'s time zone.' }),
};

export const SPEAKERS_COLUMNS = {
  sessionId: col({ header: 'Session ID', required: true, kind: 'id', references: { sheet: 'Sessions', column: 'sessionId' }, width: 12, schema: F.id(), description: 'The session in which the person took the floor.' }),
  itemId: col({ header: 'Item ID', required: false, kind: 'id', references: { sheet: 'Agenda', column: 'itemId' }, width: 10, schema: F.optionalId(), description: 'The agenda item they spoke under, if known (an Item ID from the Agenda sheet).' }),
  participantId: col({ header: 'Participant ID', required: true, kind: 'id', references: { sheet: 'Participants', column: 'participantId' }, width: 14, schema: F.id(), description: 'Who took the floor. One row per intervention.' }),
  minutes: col({ header: 'Minutes', required: false, kind: 'number', width: 9, numFmt: '0.0', schema: F.optionalNumber(0), description: 'How long they spoke, in minutes, if timed.' }),
};

export const SUBMISSIONS_COLUMNS = {
  submissionId: col({ header: 'Submission ID', required: true, kind: 'id', width: 14, schema: F.id(), description: 'A short code for the submission, unique in the workbook, such as WP1.' }),
  delegationId: col({ header: 'Delegation ID', required: true, kind: 'id', references: { sheet: 'Delegations', column: 'delegationId' }, width: 14, schema: F.id(), description: 'The delegation that submitted it.' }),
  type: col({ header: 'Type', required: true, kind: 'enum', vocabulary: SUBMISSION_TYPE, width: 14, schema: enumRequired(SUBMISSION_TYPE), description: 'Working paper or AOB (any other business).' }),
  title: col({ header: 'Title', required: true, kind: 'name', width: 48, schema: F.text(), description: 'The submission\'s title.' }),
  receivedOn: col({ header: 'Received on', required: true, kind: 'date', width: 13, numFmt: DATE_FMT, schema: F.date(), description: 'The day the Secretariat received it. After the working-paper deadline it is flagged as late.' }),
};

/** The Meeting sheet holds one field per row, in two columns `Field` and `Value`. */
export const MEETING_HEADERS = { field: 'Field', value: 'Value' } as const;

export const MEETING_FIELDS = {
  code: col({ header: 'Code', required: true, kind: 'id', width: 0, schema: F.id(), description: 'A short code for the meeting, such as CSP12-PREP. It heads every chart.' }),
  title: col({ header: 'Title', required: true, kind: 'name', width: 0, schema: F.text(), description: 'The meeting\'s full title.' }),
  venue: col({ header: 'Venue', required: false, kind: 'text', width: 0, schema: F.optionalText(), description: 'Where it takes place, such as Centre International de Conférences Genève (CICG).' }),
  city: col({ header: 'City', required: false, kind: 'text', width: 0, schema: F.optionalText(), description: 'The city, such as Geneva.' }),
  startDate: col({ header: 'Start date', required: true, kind: 'date', width: 0, numFmt: DATE_FMT, schema: F.date(), description: 'The first day of the meeting.' }),
  endDate: col({ header: 'End date', required: true, kind: 'date', width: 0, numFmt: DATE_FMT, schema: F.date(), description: 'The last day of the meeting.' }),
  timeZone: col({ header: 'Time zone', required: false, kind: 'timeZone', width: 0, defaultValue: 'Europe/Zurich', schema: F.optionalTimeZone().transform((v) => v ?? 'Europe/Zurich') as unknown as z.ZodType<string, CellInput>, description: 'The IANA time zone of the session times; empty means Europe/Zurich (Geneva).' }),
  registrationDeadline: col({ header: 'Registration deadline', required: false, kind: 'date', width: 0, numFmt: DATE_FMT, schema: F.optionalDate(), description: 'The last day to register. Later registrations are flagged.' }),
  workingPaperDeadline: col({ header: 'Working paper deadline', required: false, kind: 'date', width: 0, numFmt: DATE_FMT, schema: F.optionalDate(), description: 'The last day to submit working papers and AOB. Later submissions are flagged.' }),
  documentsDate: col({ header: 'Documents date', required: false, kind: 'date', width: 0, numFmt: DATE_FMT, schema: F.optionalDate(), description: 'The day the Chairs\' documents are issued.' }),
  livestream: col({ header: 'Livestream', required: false, kind: 'enum', vocabulary: YES_NO_VOCAB, width: 0, schema: enumOptional(YES_NO_VOCAB), description: 'Yes if the meeting can be followed online.' }),
};

type Columns = Record<string, ColumnSpec>;

export interface SheetSpec<C extends Columns = Columns> {
  readonly name: SheetName;
  readonly required: boolean;
  /** The name of the Excel table that holds the sheet's rows. */
  readonly table: string;
  /** The column whose values identify a row, if any. */
  readonly key?: keyof C & string;
  readonly description: string;
  readonly columns: C;
}

function sheet<C extends Columns>(spec: SheetSpec<C>): SheetSpec<C> {
  return spec;
}

export const SHEETS = {
  Meeting: sheet({ name: 'Meeting', required: true, table: 'MeetingFields', description: 'The meeting itself: its code, title, place, dates, time zone and deadlines. One field per row, in the columns Field and Value.', columns: MEETING_FIELDS }),
  Sessions: sheet({ name: 'Sessions', required: true, table: 'Sessions', key: 'sessionId', description: 'One row per session of the meeting (for example Wednesday morning, 10:00 to 13:00).', columns: SESSIONS_COLUMNS }),
  Agenda: sheet({ name: 'Agenda', required: false, table: 'Agenda', key: 'itemId', description: 'The agenda items, each in the session where it is taken up, in order.', columns: AGENDA_COLUMNS }),
  Delegations: sheet({ name: 'Delegations', required: true, table: 'Delegations', key: 'delegationId', description: 'One row per delegation: States Parties, signatory and observer States, organisations, civil society and industry.', columns: DELEGATIONS_COLUMNS }),
  Participants: sheet({ name: 'Participants', required: true, table: 'Participants', key: 'participantId', description: 'One row per registered person. Every member of every delegation registers individually, so that attendance can be counted by gender.', columns: PARTICIPANTS_COLUMNS }),
  Attendance: sheet({ name: 'Attendance', required: true, table: 'Attendance', description: 'One row per person per session attended: who was there, and whether in person or online.', columns: ATTENDANCE_COLUMNS }),
  Speakers: sheet({ name: 'Speakers', required: false, table: 'Speakers', description: 'One row per intervention: who took the floor, in which session and under which item.', columns: SPEAKERS_COLUMNS }),
  Submissions: sheet({ name: 'Submissions', required: false, table: 'Submissions', key: 'submissionId', description: 'Working papers and AOB requests received from delegations.', columns: SUBMISSIONS_COLUMNS }),
} as const;

/** The sheets in the order the template lays them out. */
export const SHEET_ORDER: readonly SheetName[] = ['Meeting', 'Sessions', 'Agenda', 'Delegations', 'Participants', 'Attendance', 'Speakers', 'Submissions'];

/** The sheets that hold a table of rows (all but Meeting). */
export type TableSheetName = Exclude<SheetName, 'Meeting'>;
export const TABLE_SHEETS: readonly TableSheetName[] = ['Sessions', 'Agenda', 'Delegations', 'Participants', 'Attendance', 'Speakers', 'Submissions'];

type RowSchema<C extends Columns> = z.ZodObject<{ [K in keyof C]: C[K]['schema'] }>;

function rowSchema<C extends Columns>(columns: C): RowSchema<C> {
  return z.object(Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.schema]))) as unknown as RowSchema<C>;
}

/** zod schemas that read one row of a sheet (an object keyed by column key) into its typed form. */
export const ROW_SCHEMAS = {
  Meeting: rowSchema(MEETING_FIELDS),
  Sessions: rowSchema(SESSIONS_COLUMNS),
  Agenda: rowSchema(AGENDA_COLUMNS),
  Delegations: rowSchema(DELEGATIONS_COLUMNS),
  Participants: rowSchema(PARTICIPANTS_COLUMNS),
  Attendance: rowSchema(ATTENDANCE_COLUMNS),
  Speakers: rowSchema(SPEAKERS_COLUMNS),
  Submissions: rowSchema(SUBMISSIONS_COLUMNS),
} as const;

export type MeetingInfo = z.output<(typeof ROW_SCHEMAS)['Meeting']>;
export type SessionRow = z.output<(typeof ROW_SCHEMAS)['Sessions']>;
export type AgendaRow = z.output<(typeof ROW_SCHEMAS)['Agenda']>;
export type DelegationRow = z.output<(typeof ROW_SCHEMAS)['Delegations']>;
export type ParticipantRow = z.output<(typeof ROW_SCHEMAS)['Participants']>;
export type AttendanceRow = z.output<(typeof ROW_SCHEMAS)['Attendance']>;
export type SpeakerRow = z.output<(typeof ROW_SCHEMAS)['Speakers']>;
export type SubmissionRow = z.output<(typeof ROW_SCHEMAS)['Submissions']>;

/** A typed row together with the worksheet row it was read from, for cell addresses. */
export type Located<T> = T & { readonly row: number };

/**
 * A meeting workbook once read: typed rows of every sheet. An optional sheet that is absent is
 * null, so that figures that need it are left out rather than shown as zero.
 */
export interface MeetingData {
  readonly meeting: MeetingInfo;
  readonly sessions: readonly Located<SessionRow>[];
  readonly agenda: readonly Located<AgendaRow>[] | null;
  readonly delegations: readonly Located<DelegationRow>[];
  readonly participants: readonly Located<ParticipantRow>[];
  readonly attendance: readonly Located<AttendanceRow>[];
  readonly speakers: readonly Located<SpeakerRow>[] | null;
  readonly submissions: readonly Located<SubmissionRow>[] | null;
}
