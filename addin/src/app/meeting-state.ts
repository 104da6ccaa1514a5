// The pane's model of the open workbook and every action on it. Views call this; only the Excel
// adapter (excel/*) touches Excel. Each action is one Excel.run batch of fixed sync count that finds
// its rows by ID when it runs (never by a row number from the last read), then a re-read, so what
// the pane shows is what the workbook holds; a refused write re-reads too, so the user sees why.
import { computeSummary, type Summary } from '../../../pipeline/core/statistics.js';
import type { Issue } from '../../../pipeline/core/issues.js';
import { type AnyRow, MeetingReader, type WorkbookRead } from '../../../pipeline/core/read-meeting.js';
import { applyRules, type Validation } from '../../../pipeline/core/rules.js';
import type { RawCell, RawWorkbook } from '../../../pipeline/core/raw.js';
import {
  type CellInput,
  MEETING_FIELDS,
  MEETING_HEADERS,
  type Mode,
  PARTICIPANTS_COLUMNS,
  SHEETS,
  type TableSheetName,
} from '../../../templates/contract/index.js';
import { readWorkbook } from '../excel/read.js';
import { writeReportSheet } from '../excel/report.js';
import { setUpWorkbook, type SetupResult } from '../excel/setup.js';
import { appendRows, appendToTables, type RecordUpdate, type RowRecord, selectCell, splitAddress, updateRecords } from '../excel/write.js';
import { type FormSheet, type RowIssue, ruleIssues, type Values } from './records.js';
import { reportBlocks } from './report-tables.js';
import { nextIds } from './registration.js';
import { localDateTime } from './sessions.js';

/** Runs a batch against the workbook: Excel.run in the pane, a mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface PaneModel {
  readonly raw: RawWorkbook;
  readonly read: WorkbookRead;
  readonly validation: Validation;
  readonly summary: Summary | null;
  readonly hasReportSheet: boolean;
}

type Row<K extends string> = Readonly<Record<K, unknown>> & { readonly row: number };
export type ParticipantView = Row<keyof typeof PARTICIPANTS_COLUMNS> & { participantId: string; delegationId: string; givenName: string; familyName: string };

function headerOf(sheet: TableSheetName, key: string): string {
  return (SHEETS[sheet].columns as Record<string, { header: string }>)[key]!.header;
}

/** Keys a record by the contract's headers, as appendRows wants it. */
function byHeaders(sheet: TableSheetName, record: Readonly<Record<string, CellInput>>): RowRecord {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [headerOf(sheet, k), v]));
}

export class MeetingState {
  model: PaneModel | null = null;

  constructor(private readonly run: ExcelRunner, private readonly now: () => Date = () => new Date()) {}

  /** Reads the workbook again and recomputes checks and figures: one batch of two syncs. */
  async refresh(): Promise<PaneModel> {
    const snapshot = await this.run((context) => readWorkbook(context));
    const reader = new MeetingReader();
    reader.setDate1904(snapshot.raw.date1904);
    for (const sheet of snapshot.raw.sheets) {
      if (!reader.startSheet(sheet.name)) continue;
      for (const row of sheet.rows) reader.row(row);
    }
    const read = reader.finish();
    // The rules filter rows in place; they get copies, so the pane still lists (and can fix) a
    // row the rules leave out of the figures, such as a participant of an unknown delegation.
    const sheets = Object.fromEntries(Object.entries(read.sheets).map(([k, s]) => [k, { ...s, rows: [...s.rows], dropped: new Map(s.dropped) }]));
    const validation = applyRules({ ...read, sheets, issues: [...read.issues] });
    const summary = validation.data ? computeSummary(validation.data) : null;
    this.model = { raw: snapshot.raw, read, validation, summary, hasReportSheet: snapshot.hasReportSheet };
    return this.model;
  }

  private rows(sheet: TableSheetName): readonly AnyRow[] {
    return this.model?.read.sheets[sheet]?.rows ?? [];
  }

  participants(): ParticipantView[] {
    return this.rows('Participants') as ParticipantView[];
  }
  delegations(): AnyRow[] {
    return [...this.rows('Delegations')];
  }
  sessions(): AnyRow[] {
    return [...this.rows('Sessions')];
  }
  agenda(): AnyRow[] {
    return [...this.rows('Agenda')].sort((a, b) => String(a.sessionId).localeCompare(String(b.sessionId)) || (a.order as number) - (b.order as number));
  }
  attendance(): AnyRow[] {
    return [...this.rows('Attendance')];
  }
  /** The meeting's fields as read (null when its sheet is unusable), and where each value lives. */
  meeting(): { info: Record<string, unknown> | null; cells: ReadonlyMap<string, string> } | null {
    const m = this.model?.read.meeting;
    return m ? { info: m.info as Record<string, unknown> | null, cells: m.cells } : null;
  }
  /** Each Meeting field's value for the form: as the contract reads it, or the raw text when it does not read. */
  meetingValues(): Record<string, CellInput> {
    const m = this.meeting();
    const out: Record<string, CellInput> = {};
    if (!m) return out;
    for (const [key, address] of m.cells) {
      const at = parseAddress(address);
      const cell = this.rawCell(at.sheet, at.row, at.column);
      const spec = (MEETING_FIELDS as Record<string, { schema: { safeParse(v: unknown): { success: boolean; data?: unknown } } }>)[key];
      if (!spec || !cell) continue;
      const read = spec.schema.safeParse(cell.value);
      out[key] = read.success ? (read.data as CellInput) : cell.value;
    }
    return out;
  }

  timeZone(): string {
    const tz = this.meeting()?.info?.timeZone;
    return typeof tz === 'string' ? tz : 'Europe/Zurich';
  }
  issues(): readonly Issue[] {
    return this.model?.validation.issues ?? [];
  }

  /** Runs one write batch, then reads the workbook again, also when the write was refused or failed. */
  private async write<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await this.run(batch);
    } catch (e) {
      try {
        await this.refresh();
      } catch {
        // The write's own error is the one to report.
      }
      throw e;
    }
    await this.refresh();
    return result;
  }

  async setUp(): Promise<SetupResult> {
    return this.write((context) => setUpWorkbook(context));
  }

  /** A cell as the last read saw it, by sheet title and 1-based row and column. */
  private rawCell(title: string, row: number, column: number): RawCell | undefined {
    // Asked only about a record or field the last read found (its sheet and row are there).
    const raw = this.model!.raw.sheets.find((s) => s.name.toLowerCase() === title.toLowerCase())!;
    return raw.rows.find((r) => r.row === row)!.cells[column];
  }

  /** A cell's value as the last read saw it ('' when empty), by sheet title and 1-based row and column. */
  private rawValue(title: string, row: number, column: number): CellInput {
    const cell = this.rawCell(title, row, column);
    return cell?.value ?? cell?.error ?? '';
  }

  /**
   * Writes Meeting fields by field key into their Value cells, each row found by its Field name when
   * the write runs and checked to still hold the value the pane showed; fields not on the sheet are
   * skipped and returned.
   */
  async saveMeetingFields(values: Readonly<Record<string, CellInput>>): Promise<string[]> {
    const cells = this.meeting()?.cells ?? new Map<string, string>();
    const updates: RecordUpdate[] = [];
    const skipped: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      const address = cells.get(key);
      const at = address ? parseAddress(address) : undefined;
      const field = (MEETING_FIELDS as Record<string, { header: string }>)[key]?.header ?? key;
      if (!at) {
        skipped.push(field);
        continue;
      }
      const before = this.rawValue(at.sheet, at.row, at.column);
      // Unchanged fields are left alone, so a co-author's edit of another field is not refused for nothing.
      if (String(before) === String(value ?? '')) continue;
      updates.push({ id: field, expected: { [MEETING_HEADERS.value]: before }, values: { [MEETING_HEADERS.value]: value } });
    }
    await this.write((context) => updateRecords(context, SHEETS.Meeting.table, MEETING_HEADERS.field, updates, 'Meeting'));
    return skipped;
  }

  /** Every ID the sheet uses, rows with unreadable cells included, so a new ID never repeats one. */
  usedIds(sheet: TableSheetName): string[] {
    return [...(this.model?.read.sheets[sheet]?.ids.keys() ?? [])];
  }

  /** New participant IDs, P0001 on, allocated from the IDs the Participants table holds when the write runs. */
  private static readonly PARTICIPANT_IDS = { header: headerOf('Participants', 'participantId'), allocate: (used: readonly string[], n: number) => nextIds(used, 'P', n) };

  /** Appends participants, each given a new ID from the IDs in the table when the write runs; returns the IDs. */
  async addParticipants(records: readonly Readonly<Record<string, CellInput>>[]): Promise<string[]> {
    const rows = records.map((r) => byHeaders('Participants', { ...r, participantId: undefined }));
    const result = await this.write((context) => appendRows(context, SHEETS.Participants.table, rows, { title: 'Participants', newIds: MeetingState.PARTICIPANT_IDS }));
    return result.written.map((r) => String(r[MeetingState.PARTICIPANT_IDS.header]));
  }

  /**
   * Rewrites an existing record's cells for the given keys (its other cells, and extra columns,
   * stay): the row is found by its ID when the write runs and must still hold what the pane showed
   * in those cells; otherwise nothing is written and a WriteRefused sentence says why.
   */
  async editRecord(sheet: TableSheetName, id: string, values: Readonly<Record<string, CellInput>>): Promise<void> {
    const read = this.model?.read.sheets[sheet];
    const keyColumn = SHEETS[sheet].key;
    if (!read || !keyColumn) throw new Error(`The ${sheet} sheet cannot be read; set up the workbook first.`);
    const row = read.ids.get(id);
    if (row === undefined) throw new Error(`${id} is not on the ${sheet} sheet.`);
    const expected: Record<string, CellInput> = {};
    const change: Record<string, CellInput> = {};
    for (const [key, value] of Object.entries(values)) {
      const column = read.columns.get(key);
      if (column === undefined) continue;
      expected[headerOf(sheet, key)] = this.rawValue(read.title, row, column);
      change[headerOf(sheet, key)] = value;
    }
    await this.write((context) => updateRecords(context, SHEETS[sheet].table, headerOf(sheet, keyColumn), [{ id, expected, values: change }], read.title));
  }

  /**
   * Checks people in to a session; those already checked in to it (as the Attendance table holds
   * when the write runs) are left as they are. Returns how many were added.
   */
  async checkIn(participantIds: readonly string[], sessionId: string, mode: Mode): Promise<number> {
    const at = localDateTime(this.now(), this.timeZone()).replace('T', ' ');
    const rows = [...new Set(participantIds)].map((participantId) => byHeaders('Attendance', { participantId, sessionId, mode, checkedInAt: at }));
    if (rows.length === 0) return 0;
    const present = [headerOf('Attendance', 'participantId'), headerOf('Attendance', 'sessionId')];
    const result = await this.write((context) => appendRows(context, SHEETS.Attendance.table, rows, { title: 'Attendance', unlessPresent: present }));
    return result.written.length;
  }

  /**
   * Writes Online attendance rows from an attendance report (planOnlineAttendance), each with its own
   * check-in time; a person already checked in to that session (in any mode) when the rows are
   * written is left as they are. Returns how many rows were added.
   */
  async recordOnlineAttendance(rows: readonly { participantId: string; sessionId: string; checkedInAt: string }[]): Promise<number> {
    const present = new Set(this.attendance().map((a) => `${String(a.participantId)}\u0000${String(a.sessionId)}`));
    const fresh = rows.filter((r) => {
      const key = `${r.participantId}\u0000${r.sessionId}`;
      if (present.has(key)) return false;
      present.add(key);
      return true;
    });
    const records = fresh.map((r) => byHeaders('Attendance', { participantId: r.participantId, sessionId: r.sessionId, mode: 'Online', checkedInAt: r.checkedInAt }));
    if (records.length === 0) return 0;
    // Checked again inside the write, against the table as it is then: a desk may have checked
    // the person in since the pane last read it (the last read alone wrote a second row).
    const identity = [headerOf('Attendance', 'participantId'), headerOf('Attendance', 'sessionId')];
    const result = await this.write((context) => appendRows(context, SHEETS.Attendance.table, records, { title: 'Attendance', unlessPresent: identity }));
    return result.written.length;
  }

  async recordSpeaker(sessionId: string, itemId: string | undefined, participantId: string, minutes: number | undefined): Promise<void> {
    const row = byHeaders('Speakers', { sessionId, itemId, participantId, minutes });
    // Stryker disable next-line ObjectLiteral: the Speakers table is named Speakers too, the title appendRows uses without one
    await this.write((context) => appendRows(context, SHEETS.Speakers.table, [row], { title: 'Speakers' }));
  }

  /** The order an item added to the session gets: after its last one. */
  nextOrder(sessionId: string): number {
    return Math.max(0, ...this.agenda().filter((a) => a.sessionId === sessionId).map((a) => a.order as number)) + 1;
  }

  async addAgendaItem(sessionId: string, itemId: string, title: string, more: { body?: string; document?: string } = {}): Promise<void> {
    const order = this.nextOrder(sessionId);
    await this.addRecord('Agenda', { itemId, sessionId, order, title, ...more, status: 'Planned' });
  }

  /** Appends one row (a session, agenda item, delegation or submission), keyed by column key; refused if its ID is taken when the write runs. */
  async addRecord(sheet: FormSheet, values: Values): Promise<void> {
    await this.write((context) => appendRows(context, SHEETS[sheet].table, [byHeaders(sheet, values)], { title: sheet, uniqueKey: headerOf(sheet, SHEETS[sheet].key!) }));
  }

  /**
   * Creates a delegation and its members in one Excel batch (the delegation row and the
   * participant rows are written together, two syncs whatever their number); returns the new
   * participant IDs, allocated from the IDs in the table when the write runs.
   */
  async addDelegationWithMembers(delegation: Values, members: readonly Values[]): Promise<string[]> {
    const people = members.map((m) => byHeaders('Participants', { ...m, delegationId: delegation.delegationId, participantId: undefined }));
    const [, added] = await this.write((context) => appendToTables(context, [
      { table: SHEETS.Delegations.table, title: 'Delegations', records: [byHeaders('Delegations', delegation)], uniqueKey: headerOf('Delegations', 'delegationId') },
      { table: SHEETS.Participants.table, title: 'Participants', records: people, newIds: MeetingState.PARTICIPANT_IDS },
    ]));
    return added!.written.map((r) => String(r[MeetingState.PARTICIPANT_IDS.header]));
  }

  /** The validator's errors and warnings for a row about to be written (or rewritten at `row`). */
  ruleIssues(sheet: FormSheet, values: Values, row = 0): RowIssue[] {
    return ruleIssues(this.model?.read, sheet, values, row);
  }

  /** Rows of the Submissions sheet, as read. */
  submissions(): AnyRow[] {
    return [...this.rows('Submissions')];
  }

  /**
   * Moves an agenda item one place up or down within its session by swapping the Order values of
   * the two items, both found by Item ID when the write runs and checked to still hold the orders shown.
   */
  async moveAgendaItem(itemId: string, direction: -1 | 1): Promise<void> {
    const item = this.agenda().find((a) => a.itemId === itemId);
    if (!item) return;
    const siblings = this.agenda().filter((a) => a.sessionId === item.sessionId);
    const other = siblings[siblings.indexOf(item) + direction];
    if (!other) return;
    const order = headerOf('Agenda', 'order');
    // The item was found among the Agenda sheet's rows, so the sheet was read.
    const title = this.model!.read.sheets.Agenda!.title;
    await this.write((context) => updateRecords(context, SHEETS.Agenda.table, headerOf('Agenda', 'itemId'), [
      { id: String(item.itemId), expected: { [order]: item.order as number }, values: { [order]: other.order as number } },
      { id: String(other.itemId), expected: { [order]: other.order as number }, values: { [order]: item.order as number } },
    ], title));
  }

  async selectProblem(cell: string): Promise<boolean> {
    return this.run((context) => selectCell(context, cell));
  }

  async buildReport(): Promise<void> {
    const summary = this.model?.summary;
    if (!summary) throw new Error('The figures need a workbook without errors in its Meeting sheet and required sheets.');
    const heading = `${summary.meeting.code}: gender-disaggregated attendance (built ${localDateTime(this.now(), this.timeZone()).replace('T', ' ')})`;
    await this.write((context) => writeReportSheet(context, heading, reportBlocks(summary)));
  }
}

/** An address the reader wrote (`Meeting!B6`, one cell) as sheet, row and column numbers. */
function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const { sheet, a1 } = splitAddress(address)!;
  const [letters, digits] = a1.match(/[A-Z]+|\d+/g) as [string, string];
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(digits), column };
}
