// A problem found in a meeting workbook: what, where (sheet and cell), what was found and what
// was expected. Errors a user can cause are values like these, never exceptions.
import type { SheetName } from '../../templates/contract/index.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly severity: Severity;
  /** A stable machine name for the rule, such as `unknown-reference` or `late-registration`. */
  readonly code: string;
  /** The sheet concerned (absent for workbook-wide problems). */
  readonly sheet?: SheetName | string;
  /** The cell address, such as `Participants!F14`, when one cell is at fault. */
  readonly cell?: string;
  /** The worksheet row, when a row is at fault. */
  readonly row?: number;
  /** What was found, as shown to a person. */
  readonly found?: string;
  /** What was expected, in plain words. */
  readonly expected?: string;
  /** One sentence a person can act on. */
  readonly message: string;
}
