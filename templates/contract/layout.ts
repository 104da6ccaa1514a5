// How each contract sheet is laid out in a workbook: table names, column order and letters, widths,
// number formats and drop-down list sources. Pure data derived from SHEETS, shared by the template
// generator (exceljs) and the add-in's "set up workbook" (Office.js), so both build the same thing.
import { CONTRACT_VERSION, type ColumnSpec, MEETING_FIELDS, MEETING_HEADERS, SHEETS, type SheetName, TABLE_SHEETS, type TableSheetName } from './sheets.js';

/**
 * The last worksheet row a reference list reads its keys from (`=Delegations!$A$2:$A$10001`), and
 * that the streamed large workbooks (plain ranges, no tables) format: the header is row 1, so 10,000
 * data rows, more than the largest ATT meeting (a CSP registers about 1,000 people; 8 sessions of
 * them is 8,000 attendance rows). Bounded on purpose: exceljs expands a validation's range cell by
 * cell when it reads a workbook, so a whole-column rule ($A:$A, a million cells) would cost a
 * million objects per column.
 *
 * A table's own lists never reach below the table: they cover the table column's body
 * (`tableColumnRange`), which Excel extends as the table grows. Microsoft's "Coauthoring in Excel
 * add-ins" says a table reliably grows for rows written just below it only when no data validation
 * lies there (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
 */
export const LAST_LAYOUT_ROW = 10_001;
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;

/** The name of the sheet that explains every other sheet and column. */
export const ABOUT_SHEET = 'About';

/**
 * Where a column's drop-down list comes from.
 *
 * - `values`: the vocabulary's canonical values. `source` is what Office.js takes
 *   (`ListDataValidation.source`, a comma-separated string); `formula` is the OOXML `formula1`
 *   that exceljs writes (the same list in double quotes). Lists stay far below Excel's 255-character
 *   limit for literal lists (the longest, the delegation categories, is about 110).
 * - `reference`: another sheet's key column, as a bounded absolute A1 range such as
 *   `=Delegations!$A$2:$A$10001`. Chosen over the alternatives because Excel does not accept a
 *   structured reference (`=Delegations[Delegation ID]`) in a validation formula, and
 *   `INDIRECT("Delegations[Delegation ID]")` is volatile (recalculated on every edit, which is felt
 *   under co-authoring), is a string that silently breaks when the table is renamed, and is not
 *   understood by LibreOffice. A plain cross-sheet range is accepted by Excel since 2010, by Excel
 *   on the web, by LibreOffice, by exceljs (`formulae: [formula]`) and by Office.js
 *   (`source: '=Delegations!$A$2:$A$10001'`), and blanks below the last key are ignored by the
 *   drop-down.
 */
export type ListSource =
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly source: string; readonly formula: string }
  | {
      readonly kind: 'reference';
      readonly sheet: TableSheetName;
      readonly header: string;
      /** Office.js `ListDataValidation.source`, with its leading `=`. */
      readonly source: string;
      /** The OOXML `formula1`, as exceljs wants it (no leading `=`). */
      readonly formula: string;
    };

export interface ColumnLayout {
  /** The column's key in SHEETS (camelCase). */
  readonly key: string;
  readonly header: string;
  /** The worksheet column letter when the sheet is laid out in contract order: A, B, ... */
  readonly letter: string;
  /** 1-based column index. */
  readonly index: number;
  readonly required: boolean;
  readonly width: number;
  readonly numFmt?: string;
  readonly list?: ListSource;
  /**
   * The rows 2 to 10,001 of the column, such as `C2:C10001`: only for sheets that are not tables
   * (the streamed large workbooks). A table's lists and formats cover `tableColumnRange` instead.
   */
  readonly range: string;
  readonly description: string;
}

export interface TableLayout {
  readonly sheet: TableSheetName;
  readonly table: string;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnLayout[];
}

export interface MeetingFieldLayout {
  readonly key: string;
  /** What the Field column holds: the field's name. */
  readonly field: string;
  /** The worksheet row of the field (row 1 is the Field/Value header). */
  readonly row: number;
  /** The cell that holds the value, such as `B6`. */
  readonly valueCell: string;
  readonly required: boolean;
  readonly numFmt?: string;
  readonly list?: ListSource;
  readonly description: string;
}

export interface MeetingLayout {
  readonly sheet: 'Meeting';
  readonly table: string;
  readonly headers: readonly [string, string];
  readonly widths: readonly [number, number];
  readonly fields: readonly MeetingFieldLayout[];
}

export interface AboutLayout {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly widths: readonly number[];
  /** One row per sheet (Column empty) followed by one row per column of that sheet. */
  readonly rows: readonly (readonly string[])[];
}

/** The column letter of a 1-based column index: 1 -> A, 27 -> AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function valuesList(values: readonly string[]): ListSource {
  const source = values.join(',');
  return { kind: 'values', values, source, formula: `"${source}"` };
}

function listOf(spec: ColumnSpec): ListSource | undefined {
  if (spec.vocabulary) return valuesList(spec.vocabulary.values);
  if (spec.references && spec.references.sheet !== 'Meeting') {
    const target = spec.references.sheet as TableSheetName;
    const keys = Object.keys(SHEETS[target].columns);
    const index = keys.indexOf(spec.references.column) + 1;
    const targetSpec = (SHEETS[target].columns as Record<string, ColumnSpec>)[spec.references.column];
    if (index === 0 || !targetSpec) throw new Error(`contract: ${spec.header} references unknown column ${target}.${spec.references.column}`);
    const letter = columnLetter(index);
    // Every contract sheet name is one plain word (SheetName), which a formula takes unquoted.
    const formula = `${target}!$${letter}$${FIRST_DATA_ROW}:$${letter}$${LAST_LAYOUT_ROW}`;
    return { kind: 'reference', sheet: target, header: targetSpec.header, source: `=${formula}`, formula };
  }
  return undefined;
}

function tableLayout(sheet: TableSheetName): TableLayout {
  const spec = SHEETS[sheet];
  const columns = Object.entries(spec.columns as Record<string, ColumnSpec>).map(([key, c], i): ColumnLayout => {
    const letter = columnLetter(i + 1);
    const list = listOf(c);
    return {
      key,
      header: c.header,
      letter,
      index: i + 1,
      required: c.required,
      width: Math.max(c.width, c.header.length + 3),
      ...(c.numFmt !== undefined ? { numFmt: c.numFmt } : {}),
      ...(list !== undefined ? { list } : {}),
      range: `${letter}${FIRST_DATA_ROW}:${letter}${LAST_LAYOUT_ROW}`,
      description: c.description,
    };
  });
  return { sheet, table: spec.table, headers: columns.map((c) => c.header), columns };
}

/**
 * A table column's data body when the table, headed on row 1, holds `bodyRows` rows (at least the
 * one empty row Excel gives a new table): `C2:C2` for a blank table, `C2:C581` for 580 rows. Where a
 * table's lists and formats go, so that nothing lies below the table to stop it growing.
 */
export function tableColumnRange(column: Pick<ColumnLayout, 'letter'>, bodyRows: number): string {
  return `${column.letter}${FIRST_DATA_ROW}:${column.letter}${FIRST_DATA_ROW + Math.max(1, bodyRows) - 1}`;
}

/** Every table sheet's layout, in template order. */
export const TABLE_LAYOUTS: { readonly [S in TableSheetName]: TableLayout } = Object.fromEntries(
  TABLE_SHEETS.map((s) => [s, tableLayout(s)]),
) as { [S in TableSheetName]: TableLayout };

/** The Meeting sheet: a two-column table, one field per row, Value cells formatted per field. */
export const MEETING_LAYOUT: MeetingLayout = {
  sheet: 'Meeting',
  table: SHEETS.Meeting.table,
  headers: [MEETING_HEADERS.field, MEETING_HEADERS.value],
  widths: [26, 58],
  fields: Object.entries(MEETING_FIELDS as Record<string, ColumnSpec>).map(([key, c], i): MeetingFieldLayout => {
    const row = FIRST_DATA_ROW + i;
    const list = c.vocabulary ? valuesList(c.vocabulary.values) : undefined;
    return {
      key,
      field: c.header,
      row,
      valueCell: `B${row}`,
      required: c.required,
      ...(c.numFmt !== undefined ? { numFmt: c.numFmt } : {}),
      ...(list !== undefined ? { list } : {}),
      description: c.description,
    };
  }),
};

/** What a column allows, and what an empty cell means when the column has a default. */
function allowed(spec: ColumnSpec): string {
  const values = allowedValues(spec);
  return spec.defaultValue ? `${values} (empty means ${spec.defaultValue})` : values;
}

function allowedValues(spec: ColumnSpec): string {
  if (spec.vocabulary) return spec.vocabulary.values.join(', ');
  if (spec.references) {
    const target = SHEETS[spec.references.sheet];
    const header = (target.columns as Record<string, ColumnSpec>)[spec.references.column]?.header ?? spec.references.column;
    return `a ${header} from the ${target.name} sheet`;
  }
  switch (spec.kind) {
    case 'date':
      return 'a date, such as 2026-05-27 or 27 May 2026';
    case 'time':
      return 'a time of day, such as 10:00';
    case 'datetime':
      return 'a date and time, such as 2026-05-27 09:45';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'email':
      return 'an e-mail address';
    case 'countryCode':
      return 'a three-letter ISO country code, such as CHE';
    case 'timeZone':
      return 'an IANA time zone, such as Europe/Zurich';
    case 'id':
      return 'a short code, unique on this sheet';
    default:
      return 'text';
  }
}

function aboutRows(): string[][] {
  const rows: string[][] = [];
  rows.push([ABOUT_SHEET, '', '', '', `How this workbook is organised (workbook contract version ${CONTRACT_VERSION}). Fill in one sheet per table; keep the header rows as they are. Columns may be added; they are carried along. Required sheets: ${Object.values(SHEETS).filter((s) => s.required).map((s) => s.name).join(', ')}.`]);
  for (const name of ['Meeting', ...TABLE_SHEETS] as SheetName[]) {
    const sheet = SHEETS[name];
    rows.push([name, '', sheet.required ? 'Required sheet' : 'Optional sheet', '', sheet.description]);
    const columns = sheet.columns as Record<string, ColumnSpec>;
    for (const c of Object.values(columns)) {
      rows.push([name, name === 'Meeting' ? `${c.header} (a field)` : c.header, c.required ? 'Yes' : 'No', allowed(c), c.description]);
    }
  }
  return rows;
}

/** The About sheet: every sheet and every column in plain words, from the contract's descriptions. */
export const ABOUT_LAYOUT: AboutLayout = {
  sheet: ABOUT_SHEET,
  headers: ['Sheet', 'Column', 'Required', 'Allowed values', 'What it means'],
  widths: [14, 30, 14, 46, 90],
  rows: aboutRows(),
};
