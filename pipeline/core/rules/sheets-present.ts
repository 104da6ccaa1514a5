// Rules missing-sheet and optional-sheet-absent: every sheet of the contract should be in the
// workbook; a required one missing is an error, an optional one a warning. A sheet whose name is
// a letter or two off is named as the probable misspelling. Pure.
import { SHEET_ORDER, SHEETS } from '../../../templates/contract/index.js';
import { ERROR_CODES, WARNING_CODES } from '../issues.js';
import { editDistance, MeetingReader } from './read.js';
import type { Rule } from './rule.js';

export const sheetsPresent: Rule = {
  name: 'sheets-present',
  sheets: [],
  apply({ read, issues }) {
    // Stryker disable next-line MethodExpression: a title read as a contract sheet differs from that sheet's name only by case, accents, compatibility forms, spaces, hyphens or underscores at its ends or a final dot, which bring it no nearer another name, and no two names are within the misspelling distance (the nearest, Sessions and Submissions, are 4 apart, the bound 2)
    const others = read.sheetTitles.filter((t) => !MeetingReader.sheetFor(t));
    const titles = read.sheetTitles.length === 0 ? '(no sheets)' : read.sheetTitles.map((t) => JSON.stringify(t)).join(', ');
    for (const name of SHEET_ORDER) {
      if (read.present.has(name)) continue;
      const target = name.toLowerCase();
      const near = others
        .map((t) => ({ t, d: editDistance(t.trim().toLowerCase(), target) }))
        .filter((x) => x.d <= Math.max(2, Math.floor(target.length / 4)))
        .sort((a, b) => a.d - b.d)[0]?.t;
      const hint = near === undefined ? ` (sheets found: ${titles})` : `; "${near}" looks like a misspelling of it`;
      const found = near === undefined ? titles : JSON.stringify(near);
      if (SHEETS[name].required) {
        issues.push({
          severity: 'error', code: ERROR_CODES.missingSheet, sheet: name,
          found, expected: `a sheet named "${name}"`,
          message: `The workbook has no ${name} sheet, which the contract requires${hint}.`,
        });
      } else {
        issues.push({
          severity: 'warning', code: WARNING_CODES.optionalSheetAbsent, sheet: name,
          found, expected: `a sheet named "${name}" (optional)`,
          message: `The workbook has no ${name} sheet, so the figures that need it are left out${hint}.`,
        });
      }
    }
  },
};
