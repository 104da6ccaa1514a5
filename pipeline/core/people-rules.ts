// The probable-duplicate-person and deadline rules as functions of plain rows, shared by the
// validator (rules.ts) and the pane's registration-import preview so the two can never disagree.
// Pure: no I/O.
import { fold } from '../../templates/contract/index.js';

/** The fields of a participant row these rules look at, as the contract reads them. */
export interface PersonFields {
  readonly delegationId?: string | undefined;
  readonly givenName?: string | undefined;
  readonly familyName?: string | undefined;
  readonly email?: string | undefined;
  readonly status?: string | undefined;
}

export interface DuplicateOf<T> {
  /** The earlier row this one probably repeats. */
  readonly first: T;
  /** Same e-mail address (compared without case), or same name (folded) in the same delegation. */
  readonly by: 'email' | 'name';
}

/** The key two registrations share when they have the same e-mail address: the address in lower case. */
export function emailKey(email: string | undefined): string | undefined {
  return email?.toLowerCase();
}

/** The key two registrations share when they have the same name in the same delegation (names folded: case, accents, spaces). */
export function nameKey(delegationId: string | undefined, givenName: string, familyName: string): string {
  return `${delegationId}\u0000${fold(givenName)}\u0000${fold(familyName)}`;
}

/**
 * For each row that probably repeats an earlier one, that earlier row and why. Rows are taken in
 * order; a cancelled registration (status Cancelled) is nobody's duplicate and has none, since it
 * counts nowhere. The e-mail match wins over the name match. `namesKnown` false (the sheet lacks
 * one of the name or delegation columns) leaves names out.
 */
export function probableDuplicates<T extends PersonFields>(rows: Iterable<T>, namesKnown = true): Map<T, DuplicateOf<T>> {
  // Asked for undefined too (a row without an e-mail; names not known), which is never stored, so
  // such a row finds no match by what it lacks.
  const byEmail = new Map<string | undefined, T>();
  const byName = new Map<string | undefined, T>();
  const out = new Map<T, DuplicateOf<T>>();
  for (const row of rows) {
    if (row.status === 'Cancelled') continue;
    const email = emailKey(row.email);
    const name = namesKnown ? nameKey(row.delegationId, row.givenName ?? '', row.familyName ?? '') : undefined;
    const sameEmail = byEmail.get(email);
    const sameName = byName.get(name);
    if (sameEmail) out.set(row, { first: sameEmail, by: 'email' });
    else if (sameName) out.set(row, { first: sameName, by: 'name' });
    if (email !== undefined && !byEmail.has(email)) byEmail.set(email, row);
    if (name !== undefined && !byName.has(name)) byName.set(name, row);
  }
  return out;
}

/**
 * Whether a day (ISO `2026-05-23`) falls after a deadline day: a registration or submission on the
 * deadline day itself is on time.
 */
export function isAfterDeadline(day: string, deadline: string): boolean {
  // The day is cut to its date; the deadline need not be: a date of 10 characters compares with a
  // longer text as with its first 10 (equal to them, it is the smaller), so a deadline with a time
  // would give the same answer as its day.
  return day.slice(0, 10) > deadline;
}
