// The validator's cross-row and cross-sheet rules: one module per rule under pipeline/core/rules/,
// run in order by applyRules. This module keeps the names callers import (applyRules, LeftOut,
// Validation) and adds the rule list. Pure.
export { applyRules, type LeftOut, RULES, type Rule, type RuleContext, rulesFor, sortIssues, type Validation } from './rules/index.js';
export { isLate } from './rules/late.js';
export { emailKey, nameKey } from './rules/duplicate-person.js';
export { contractReferences } from './rules/unknown-reference.js';
