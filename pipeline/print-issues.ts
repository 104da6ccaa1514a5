// Prints a validation for people (grouped by sheet, one issue a line, easy to scan) and for
// machines (JSON). Workbook text is printed as data: terminal control characters are escaped.
import { CONTRACT_VERSION, SHEET_ORDER } from '../templates/contract/index.js';
import type { Issue } from './core/issues.js';
import type { LeftOut, Validation } from './core/validate.js';

export interface ValidationReport {
  readonly file: string;
  readonly contractVersion: number;
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly Issue[];
  readonly leftOut: readonly LeftOut[];
}

export function validationReport(file: string, v: Validation): ValidationReport {
  const errors = v.issues.filter((i) => i.severity === 'error').length;
  return { file, contractVersion: CONTRACT_VERSION, valid: errors === 0, errors, warnings: v.issues.length - errors, issues: v.issues, leftOut: v.leftOut };
}

/** `1 error`, `2 errors`, `1,234 rows`: a count and its noun, plural unless one. */
export const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** A cell's text can hold escape sequences that would repaint a terminal: show them, do not run them. */
// eslint-disable-next-line no-control-regex
const safe = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function formatValidation(r: ValidationReport, options: { color: boolean }): string {
  const paint = (code: string) => (text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = paint('1');
  const red = paint('31');
  const yellow = paint('33');
  const lines: string[] = [];
  lines.push(`${bold(safe(r.file))}: ${r.errors > 0 ? red(plural(r.errors, 'error')) : plural(r.errors, 'error')}, ${r.warnings > 0 ? yellow(plural(r.warnings, 'warning')) : plural(r.warnings, 'warning')}`);
  const groups = new Map<string, Issue[]>();
  for (const issue of r.issues) {
    const key = issue.sheet ?? 'Workbook';
    const list = groups.get(key);
    if (list) list.push(issue);
    else groups.set(key, [issue]);
  }
  const order = ['Workbook', ...SHEET_ORDER];
  const names = [...groups.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  for (const name of names) {
    const list = groups.get(name)!;
    lines.push('', bold(`${safe(name)} (${list.length})`));
    const where = (i: Issue) => i.cell ?? (i.row !== undefined ? `${i.sheet} row ${i.row}` : `${i.sheet ?? 'workbook'}`);
    const width = Math.max(...list.map((i) => where(i).length));
    for (const i of list) {
      const severity = i.severity === 'error' ? red('error  ') : yellow('warning');
      const detail = i.found !== undefined || i.expected !== undefined ? ` (found ${i.found ?? '-'}, expected ${i.expected ?? '-'})` : '';
      lines.push(`  ${safe(where(i)).padEnd(width)}  ${severity}  ${safe(i.message)}${safe(detail)}`);
    }
  }
  if (r.leftOut.length > 0) {
    lines.push('', bold('Rows left out of the figures'));
    for (const l of r.leftOut) lines.push(`  ${l.sheet}: ${plural(l.count, 'row')} (${l.reasons.join('; ')})`);
  }
  lines.push(
    '',
    r.valid
      ? `Valid${r.warnings > 0 ? ': the warnings are worth a look but do not stop a report' : ''}.`
      : red(`Not valid: fix the ${plural(r.errors, 'error')} above (rows with errors are left out of any report).`),
  );
  return lines.join('\n');
}
