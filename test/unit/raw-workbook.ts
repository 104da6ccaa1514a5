// Builds the RawWorkbook an adapter would hand the pure core, from plain grids: the fast way to run
// the validator (validateWorkbook, then applyRules) in unit tests, with no file written.
import type { RawCell, RawRow, RawWorkbook } from '../../pipeline/core/raw.js';
import type { CellInput } from '../../templates/contract/index.js';

export type Grid = readonly (readonly CellInput[])[];

/** Row 1 is the grid's first line; an empty string or undefined is an empty cell. */
export function rawRows(grid: Grid): RawRow[] {
  return grid.map((line, i) => ({
    row: i + 1,
    cells: [undefined, ...line.map((value): RawCell | undefined => (value === '' || value === undefined ? undefined : { value }))],
  }));
}

export function rawWorkbook(sheets: Record<string, Grid>, date1904 = false): RawWorkbook {
  return { date1904, sheets: Object.entries(sheets).map(([name, grid]) => ({ name, rows: rawRows(grid) })) };
}

export const PARTICIPANT_HEADER = ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'];

/**
 * A valid meeting of 27-28 May 2026 (registration deadline 22 May, working papers 13 May), one
 * session S1, delegations D-A (State Party) and D-B (NGO); each sheet can be replaced.
 */
export function meetingSheets(overrides: Record<string, Grid> = {}): Record<string, Grid> {
  return {
    Meeting: [
      ['Field', 'Value'],
      ['Code', 'T-1'],
      ['Title', 'Test meeting'],
      ['Start date', '2026-05-27'],
      ['End date', '2026-05-28'],
      ['Registration deadline', '2026-05-22'],
      ['Working paper deadline', '2026-05-13'],
    ],
    Sessions: [
      ['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room'],
      ['S1', '2026-05-27', '10:00', '13:00', 'Opening', 'Plenary', ''],
    ],
    Delegations: [
      ['Delegation ID', 'Name', 'Category', 'Country code'],
      ['D-A', 'Alpha', 'State Party', 'CHE'],
      ['D-B', 'Beta', 'Civil Society or NGO', ''],
    ],
    Participants: [
      PARTICIPANT_HEADER,
      ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-01', 'Confirmed'],
      ['P2', 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'Online', '2026-05-01', 'Confirmed'],
    ],
    Attendance: [
      ['Participant ID', 'Session ID', 'Mode', 'Checked in at'],
      ['P1', 'S1', 'In person', ''],
    ],
    Agenda: [['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status']],
    Speakers: [['Session ID', 'Item ID', 'Participant ID', 'Minutes']],
    Submissions: [['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on']],
    ...overrides,
  };
}
