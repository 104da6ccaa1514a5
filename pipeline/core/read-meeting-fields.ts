// Reads the Meeting sheet: one field per row in the columns Field and Value, each value through the
// contract's schema once the sheet is read whole; a date that states its offset from UTC is read in
// the meeting's own time zone. Pure: no I/O.
import { type CellInput, type ColumnSpec, MEETING_FIELDS, type MeetingInfo, readTimeZone, ROW_SCHEMAS } from '../../templates/contract/index.js';
import { ERROR_CODES } from './issues.js';
import { cellAddress, type RawCell, type RawRow } from './raw.js';
import { cellIssue, cellValue, hasOffset, inTimeZone, type ReadContext, Unreadable } from './read-cells.js';
import { fold, headerText, type HeaderRead } from './read-headers.js';

export interface MeetingRead {
  /** The meeting's fields, or null when a required one is missing or unreadable. */
  readonly info: MeetingInfo | null;
  /** The cell address of each field's value, by field key. */
  readonly cells: ReadonlyMap<string, string>;
}

const FIELD_KEYS = new Map(Object.entries(MEETING_FIELDS).map(([key, spec]) => [fold(spec.header), key]));
// Stryker disable next-line StringLiteral: the contract gives the Time zone field its default, so the fallback is never read
const DEFAULT_TIME_ZONE = MEETING_FIELDS.timeZone.defaultValue ?? 'Europe/Zurich';

/** Gathers the Meeting sheet's fields row by row, and reads them when the workbook is read whole. */
export class MeetingFieldsReader {
  /** The value cell of each field met, by field key. */
  private readonly fields = new Map<string, { value: RawCell | undefined; cell: string; row: number }>();
  private readonly fieldCol: number;
  private readonly valueCol: number;

  constructor(
    private readonly ctx: ReadContext,
    private readonly title: string,
    header: HeaderRead,
  ) {
    this.fieldCol = header.columns.find((c) => c.key === 'field')!.col;
    this.valueCol = header.columns.find((c) => c.key === 'value')!.col;
  }

  row(raw: RawRow): void {
    const name = headerText(raw.cells[this.fieldCol]);
    if (name === undefined) return;
    const key = FIELD_KEYS.get(fold(name));
    if (key === undefined) return; // fields the contract does not know are carried along, unread
    const cell = cellAddress(this.title, this.valueCol, raw.row);
    const first = this.fields.get(key);
    if (first) {
      this.ctx.issues.push({
        severity: 'error', code: ERROR_CODES.duplicateHeader, sheet: 'Meeting', cell: cellAddress(this.title, this.fieldCol, raw.row), row: raw.row,
        found: JSON.stringify(name), expected: `the field "${MEETING_FIELDS[key as keyof typeof MEETING_FIELDS].header}" once`,
        message: `The field "${name}" appears twice (first at ${first.cell}); only the first is read.`,
      });
      return;
    }
    this.fields.set(key, { value: raw.cells[this.valueCol], cell, row: raw.row });
  }

  /** The meeting's time zone as its sheet gives it (the contract's default when absent or unreadable). */
  timeZone(): string {
    const r = readTimeZone(this.fields.get('timeZone')?.value?.value ?? null);
    return r.ok ? r.value : DEFAULT_TIME_ZONE;
  }

  finish(): MeetingRead {
    const cells = new Map<string, string>();
    const record: Record<string, CellInput> = {};
    const unreadable = new Unreadable();
    const fieldsFound = [...this.fields.keys()].map((k) => `"${MEETING_FIELDS[k as keyof typeof MEETING_FIELDS].header}"`).join(', ') || '(no fields)';
    const timeZone = this.timeZone();
    for (const [key, spec] of Object.entries(MEETING_FIELDS) as [string, ColumnSpec][]) {
      const field = this.fields.get(key);
      if (!field) {
        if (spec.required) {
          unreadable.add(key);
          this.ctx.issues.push({
            severity: 'error', code: ERROR_CODES.missingHeader, sheet: 'Meeting',
            found: fieldsFound, expected: `a row whose Field is "${spec.header}"`,
            message: `The Meeting sheet has no "${spec.header}" field.`,
          });
        }
        continue;
      }
      cells.set(key, field.cell);
      const value = cellValue(this.ctx, 'Meeting', this.title, { key, col: 0, spec }, field.value, field.cell, field.row, unreadable);
      record[key] = hasOffset(spec, value) ? (inTimeZone(spec, value, timeZone, value) as CellInput) : value;
    }
    const parsed = ROW_SCHEMAS.Meeting.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (unreadable.has(key)) continue;
        // A field the sheet lacks is unreadable (above) when required, and reads as empty when not.
        const field = this.fields.get(key)!;
        const spec = MEETING_FIELDS[key as keyof typeof MEETING_FIELDS] as ColumnSpec;
        this.ctx.issues.push(cellIssue('Meeting', field.cell, field.row, spec, field.value?.value, issue));
      }
    }
    // A required field missing, or an Excel error in any field, leaves the meeting unread.
    return { info: parsed.success && unreadable.size === 0 ? parsed.data : null, cells };
  }
}
