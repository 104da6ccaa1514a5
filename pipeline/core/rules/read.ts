// What the rules take from the reader (read-meeting.ts, raw.ts), in one place, so that the rule
// modules do not depend on how the reader's own files are split.
export { cellAddress } from '../raw.js';
export { countDropped, editDistance, MeetingReader } from '../read-meeting.js';
export type { AnyRow, SheetRead, WorkbookRead } from '../read-meeting.js';
