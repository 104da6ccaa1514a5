// Rule unknown-reference: every ID column that the contract declares as pointing at another sheet
// (`references` in templates/contract/sheets.ts) must name a row of that sheet. An unknown ID is an
// error; a row whose parent was itself left out goes with it (counted, no second error). Pure.
import { type ColumnSpec, SHEETS, TABLE_SHEETS, type TableSheetName } from '../../../templates/contract/index.js';
import { ERROR_CODES } from '../issues.js';
import type { AnyRow } from './read.js';
import { at, header, keptValues, leaveOut, type Rule, type RuleContext } from './rule.js';

/** One declared reference: `sheet`'s column `key` holds values of `target`'s column `column`. */
export interface Reference {
  readonly sheet: TableSheetName;
  readonly key: string;
  readonly target: TableSheetName;
  readonly column: string;
}

/** "a" or "an" before a noun, by its first letter (an Item ID, an agenda item, a session). */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** How a row of each sheet is called in the reasons rows are left out for. */
const NOUN: Record<TableSheetName, string> = {
  Sessions: 'session',
  Agenda: 'agenda item',
  Delegations: 'delegation',
  Participants: 'participant',
  // Stryker disable next-line StringLiteral: no column of the contract refers to this sheet (see contractReferences' test), so its noun is never said; it is here because the record names every sheet
  Attendance: 'attendance',
  // Stryker disable next-line StringLiteral: no column of the contract refers to this sheet (see contractReferences' test), so its noun is never said; it is here because the record names every sheet
  Speakers: 'intervention',
  // Stryker disable next-line StringLiteral: no column of the contract refers to this sheet (see contractReferences' test), so its noun is never said; it is here because the record names every sheet
  Submissions: 'submission',
};

/**
 * The contract's references, grouped by the sheet that holds them, sheets ordered so that each
 * comes after every sheet it refers to (then in the template's order), columns in the contract's
 * order. Throws if the contract's references ever form a cycle (a contract bug, not a user's).
 * `sheets` and `order` are the contract's (templates/contract/sheets.ts) unless a test gives
 * another contract: passed in rather than re-imported, so that the mutation run still sees the
 * contract's module-level data as static.
 */
export function contractReferences(
  sheets: typeof SHEETS = SHEETS,
  order: readonly TableSheetName[] = TABLE_SHEETS,
): [TableSheetName, Reference[]][] {
  const bySheet = new Map<TableSheetName, Reference[]>(
    order.map((sheet) => [
      sheet,
      Object.entries(sheets[sheet].columns as Record<string, ColumnSpec>)
        .filter(([, c]) => c.references !== undefined)
        .map(([key, c]) => ({ sheet, key, target: c.references!.sheet as TableSheetName, column: c.references!.column })),
    ]),
  );
  const ordered: TableSheetName[] = [];
  while (ordered.length < order.length) {
    const next = order.find((s) => !ordered.includes(s) && bySheet.get(s)!.every((r) => r.target === s || ordered.includes(r.target)));
    if (next === undefined) throw new Error('The contract\'s sheet references form a cycle.');
    ordered.push(next);
  }
  return ordered.map((s) => [s, bySheet.get(s)!]);
}

const REFERENCES = contractReferences();

/**
 * Checks one row's references, all of them (each unknown ID is its own error); returns true to
 * keep the row, or the reason it is left out (the first failing reference's).
 */
function checkRow(ctx: RuleContext, r: AnyRow, refs: readonly Reference[], known: ReadonlyMap<string, Set<string> | undefined>): true | string {
  let verdict: true | string = true;
  for (const ref of refs) {
    const value = r[ref.key] as string | undefined;
    const parent = ctx.sheets[ref.target];
    const valid = known.get(ref.key);
    if (value === undefined || !parent || !valid || valid.has(value)) continue;
    let reason: string;
    if (parent.ids.has(value)) reason = `referring to ${withArticle(NOUN[ref.target])} that is itself left out`;
    else {
      const s = ctx.sheets[ref.sheet]!;
      ctx.issues.push({
        severity: 'error', code: ERROR_CODES.unknownReference, sheet: ref.sheet, cell: at(s, ref.key, r.row), row: r.row,
        found: JSON.stringify(value), expected: `${withArticle(header(ref.target, ref.column))} from the ${ref.target} sheet`,
        message: `${header(ref.sheet, ref.key)} ${JSON.stringify(value)} is not on the ${ref.target} sheet.`,
      });
      reason = `referring to an unknown ${NOUN[ref.target]}`;
    }
    if (verdict === true) verdict = reason;
  }
  return verdict;
}

export const unknownReference: Rule = {
  name: ERROR_CODES.unknownReference,
  sheets: REFERENCES.filter(([, refs]) => refs.length > 0).map(([sheet]) => sheet),
  apply(ctx) {
    // A sheet without references keeps every row, and leaveOut leaves an absent sheet alone.
    for (const [sheet, refs] of REFERENCES) {
      // The targets' IDs still in, once the targets' own rows have been judged (they come first).
      const known = new Map(refs.map((ref) => [ref.key, keptValues(ctx.sheets[ref.target], ref.column)]));
      leaveOut(ctx, sheet, (r) => checkRow(ctx, r, refs, known));
    }
  },
};
