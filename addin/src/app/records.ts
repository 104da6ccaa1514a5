// A row of Sessions, Agenda, Delegations or Submissions as the pane's forms see it: each cell read
// with the contract's own zod schema as it is typed, an ID that is proposed and never repeats one,
// and the validator's own cross-row rules (session times and days, country codes for States, late
// submissions) run on the row before it is written. Pure.
import type { Issue } from '../../../pipeline/core/issues.js';
import type { AnyRow, WorkbookRead } from '../../../pipeline/core/read-meeting.js';
import { columnLetter } from '../../../pipeline/core/raw.js';
import { applyRules, rulesFor } from '../../../pipeline/core/rules.js';
import { type CellInput, type Category, type ColumnSpec, fold, ROW_SCHEMAS, SHEETS, STATE_CATEGORIES, type TableSheetName } from '../../../templates/contract/index.js';
import { type CellSchema, nextIds, schemaProblem } from './registration.js';

export type FormSheet = Extract<TableSheetName, 'Sessions' | 'Agenda' | 'Delegations' | 'Submissions'>;
export type Values = Readonly<Record<string, CellInput>>;

function columnsOf(sheet: FormSheet): Record<string, ColumnSpec> {
  return SHEETS[sheet].columns as Record<string, ColumnSpec>;
}

/** A cell's problem in the contract's words, or undefined when the value reads well. */
export function cellProblem(sheet: FormSheet, key: string, value: CellInput): string | undefined {
  const schema = (ROW_SCHEMAS[sheet].shape as Record<string, CellSchema>)[key];
  if (!schema) return undefined;
  return schemaProblem(schema, columnsOf(sheet)[key]!.header, value);
}

/** The row's cell problems by key; empty when every cell reads. */
export function rowProblems(sheet: FormSheet, values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(columnsOf(sheet))) {
    const p = cellProblem(sheet, key, values[key]);
    if (p) out[key] = p;
  }
  return out;
}

/** Why an ID cannot be used: already on the sheet (another row's, when editing `own`). */
export function idProblem(sheet: FormSheet, id: string, used: Iterable<string>, own?: string): string | undefined {
  const wanted = id.trim();
  if (wanted === '' || wanted === own) return undefined;
  for (const u of used) if (u === wanted) return `${columnsOf(sheet)[SHEETS[sheet].key!]!.header} ${wanted} is already used on the ${sheet} sheet.`;
  return undefined;
}

/**
 * What the validator's rules say of this one row, errors and warnings, with the row checked alone
 * against the meeting's fields (its days, its deadlines). The rules are the pipeline's own modules
 * (pipeline/core/rules/), those that judge rows of this sheet (rulesFor), run on the row as the only
 * row of its sheet. Empty when a cell does not read (those are rowProblems) or the sheet cannot be read.
 */
export function ruleIssues(read: WorkbookRead | undefined, sheet: FormSheet, values: Values, row: number): RowIssue[] {
  const sheetRead = read?.sheets[sheet];
  if (!read || !sheetRead) return [];
  const parsed = ROW_SCHEMAS[sheet].safeParse(values);
  // `if (false)` is an equivalent mutant (a row that does not read reaches the rules without fields, and no rule of these four sheets finds anything on it); `if (true)` is not (no issue at all), so the line is not marked.
  if (!parsed.success) return [];
  const candidate = { ...(parsed.data as Record<string, unknown>), row } as AnyRow;
  const id = candidate[SHEETS[sheet].key!] as string;
  // Stryker disable next-line ArrayDeclaration: no rule of these four sheets reads its own sheet's IDs (references look them up on the parent sheet, absent here)
  const ids = new Map([[id, row]]);
  const alone = { ...sheetRead, rows: [candidate], ids, dropped: new Map<string, number>() };
  // With the row alone on the only sheet given, every issue the rules find is about this row.
  const validation = applyRules({ ...read, sheets: { [sheet]: alone }, issues: [] }, rulesFor(sheet));
  // Each issue names its cell; the form wants the field, found from the cell's column.
  const keyAt = new Map([...sheetRead.columns].map(([key, column]) => [columnLetter(column), key]));
  // Stryker disable next-line OptionalChaining,StringLiteral: every issue of these rules names its cell (Sheet!E3), so the pattern always matches
  return validation.issues.map((i) => ({ ...i, key: keyAt.get(/!([A-Z]+)\d+$/.exec(i.cell ?? '')?.[1] ?? '') }));
}

/** A rule's finding on a form row, with the field it concerns. */
export type RowIssue = Issue & { readonly key?: string };

/** The next session, agenda item or submission ID after the sheet's highest, as S3, A13, WP4, AOB2. */
export function proposeId(sheet: Exclude<FormSheet, 'Delegations'>, used: readonly string[], type?: string): string {
  const prefix = sheet === 'Sessions' ? 'S' : sheet === 'Agenda' ? 'A' : type === 'AOB' ? 'AOB' : 'WP';
  return nextIds(used, prefix, 1, 1)[0]!;
}

/** Words left out of initials, in the ATT's three languages. */
const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'des', 'du', 'la', 'le', 'les', 'et', 'el', 'los', 'las', 'y', 'para', 'a', 'au', 'aux']);

/**
 * A delegation ID in the workbook's style: D-CHE for a State with its country code, else D- and the
 * initials of the name (D-SIPRI); a number is added when it is taken.
 */
export function proposeDelegationId(used: readonly string[], name: string, countryCode?: string, category?: string): string {
  // Only a State is named by its country code; an organisation with one typed by mistake is not.
  const state = category === undefined || category === '' || STATE_CATEGORIES.includes(category as Category);
  const code = state ? countryCode?.trim().toUpperCase() : undefined;
  const initials = fold(name).split(/[^a-z0-9]+/).filter((w) => w !== '' && !SMALL_WORDS.has(w)).map((w) => w[0]!.toUpperCase()).join('').slice(0, 6);
  const stem = `D-${code && /^[A-Z]{3}$/.test(code) ? code : initials || 'NEW'}`;
  const taken = new Set(used);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}
