// Rule country-code-not-state: only a State has a country code; one on an organisation is a
// warning (Delegations, Country code). Pure.
import { type DelegationRow, type Located, STATE_CATEGORIES } from '../../../templates/contract/index.js';
import { WARNING_CODES } from '../issues.js';
import { at, type Rule } from './rule.js';

export const countryCodeNotState: Rule = {
  name: WARNING_CODES.countryCodeNotState,
  sheets: ['Delegations'],
  apply({ sheets, issues }) {
    const s = sheets.Delegations;
    if (!s) return;
    for (const r of s.rows) {
      const row = r as Located<DelegationRow>;
      if (row.countryCode === undefined || row.category === undefined || STATE_CATEGORIES.includes(row.category)) continue;
      issues.push({
        severity: 'warning', code: WARNING_CODES.countryCodeNotState, sheet: 'Delegations', cell: at(s, 'countryCode', row.row), row: row.row,
        found: JSON.stringify(row.countryCode), expected: 'no country code for a delegation that is not a State',
        message: `Delegation ${row.delegationId} is in the category ${row.category}, which is not a State, yet has a country code.`,
      });
    }
  },
};
