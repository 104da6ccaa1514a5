// A participant as the registration form sees it: each field checked with the contract's own zod
// schema as it is typed, new IDs that follow the workbook's numbering, and search. Pure.
import { type CellInput, type CellIssueParams, PARTICIPANTS_COLUMNS, ROW_SCHEMAS, fold } from '../../../templates/contract/index.js';

export type ParticipantField = keyof typeof PARTICIPANTS_COLUMNS;

/** What a contract cell schema (`ROW_SCHEMAS[sheet].shape[key]`) says of a value, in the contract's words. */
export interface CellSchema {
  safeParse(v: unknown): { success: boolean; error?: { issues: readonly unknown[] } };
}

/**
 * A cell's problem in the contract's words ("<header> is required." or "Expected <what>."), or
 * undefined when `schema` reads `value` well. The contract's cell schemas read an empty text as an
 * empty cell, and fail with one issue that carries what they expected (CellIssueParams). Shared by
 * the registration form and the other record forms (records.ts).
 */
export function schemaProblem(schema: CellSchema, header: string, value: CellInput): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const params = (r.error!.issues[0] as { params: CellIssueParams }).params;
  if (params.empty) return `${header} is required.`;
  return `Expected ${params.expected}.`;
}

/** The field's problem in the contract's words, or undefined when the value reads well. */
export function fieldProblem(field: ParticipantField, value: CellInput): string | undefined {
  return schemaProblem(ROW_SCHEMAS.Participants.shape[field], PARTICIPANTS_COLUMNS[field].header, value);
}

/** Problems of a whole form, by field; empty when it can be written. */
export function formProblems(values: Partial<Record<ParticipantField, CellInput>>): Partial<Record<ParticipantField, string>> {
  const out: Partial<Record<ParticipantField, string>> = {};
  for (const f of Object.keys(PARTICIPANTS_COLUMNS) as ParticipantField[]) {
    const p = fieldProblem(f, values[f]);
    if (p) out[f] = p;
  }
  return out;
}

/**
 * The next IDs after the workbook's highest `<prefix><number>` ID, keeping its zero padding:
 * after P0041 come P0042, P0043... IDs of other shapes are left alone.
 */
export function nextIds(existing: Iterable<string>, prefix: string, count: number, minDigits = 4): string[] {
  let max = 0;
  let digits = minDigits;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  for (const id of existing) {
    const m = re.exec(id);
    if (!m) continue;
    max = Math.max(max, Number(m[1]));
    digits = Math.max(digits, m[1]!.length);
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${String(max + i + 1).padStart(digits, '0')}`);
}

export interface Findable {
  readonly participantId: string;
  readonly delegationId: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** People whose name, ID or delegation contains every word typed (accents and case forgiven). */
export function findPeople<T extends Findable>(people: readonly T[], query: string, delegationNames: ReadonlyMap<string, string>, limit = 50): T[] {
  // Stryker disable next-line MethodExpression: an empty word is part of every text, so keeping empty words finds the same people
  const words = fold(query).split(' ').filter(Boolean);
  // With no word typed, every person matches: the first `limit` are listed.
  const out: T[] = [];
  for (const p of people) {
    if (out.length >= limit) break;
    const hay = fold(`${p.givenName} ${p.familyName} ${p.participantId} ${p.delegationId} ${delegationNames.get(p.delegationId) ?? ''}`);
    if (words.every((w) => hay.includes(w))) out.push(p);
  }
  return out;
}
