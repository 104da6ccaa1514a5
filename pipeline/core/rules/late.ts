// When a dated act is late against a deadline from the Meeting sheet: after the deadline day, the
// day itself being on time. Shared by late-registration and late-submission; the rule itself is
// people-rules.ts's isAfterDeadline, which the import preview calls too, so the two never disagree.
export { isAfterDeadline as isLate } from '../people-rules.js';
