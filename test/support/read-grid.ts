// Test input for the validator's rules: a small meeting written as rows of cell values per sheet,
// read by the pipeline's own MeetingReader (row 1 is each sheet's header row, so data row n is
// worksheet row n + 1), and a helper that runs chosen rules on it.
import { MeetingReader, type WorkbookRead } from '../../pipeline/core/read-meeting.js';
import type { Issue } from '../../pipeline/core/issues.js';
import { applyRules, type Rule, type Validation } from '../../pipeline/core/rules.js';

export type Grids = Record<string, (string | number)[][]>;

/** Reads grids of cell values, one per sheet (empty string = empty cell), as a workbook. */
export function readGrids(grids: Grids): WorkbookRead {
  const reader = new MeetingReader();
  for (const [name, grid] of Object.entries(grids)) {
    reader.startSheet(name);
    grid.forEach((line, i) => reader.row({ row: i + 1, cells: [undefined, ...line.map((value) => (value === '' ? undefined : { value }))] }));
  }
  return reader.finish();
}

/**
 * A valid meeting of 27-28 May 2026 (registration deadline 22 May, working papers 13 May): sessions
 * S1 (27 May 10:00-13:00) and S2 (28 May 15:00-18:00), agenda item A1, delegations D-CHE (State
 * Party, CHE) and D-SAS (civil society), participants P1 (D-CHE, head), P2 (D-CHE, delegate) and
 * P3 (D-SAS, head), attendance, one intervention and one working paper.
 */
export function meetingGrids(): Grids {
  return {
    Meeting: [['Field', 'Value'], ['Code', 'T'], ['Title', 'Test'], ['Start date', '2026-05-27'], ['End date', '2026-05-28'], ['Registration deadline', '2026-05-22'], ['Working paper deadline', '2026-05-13']],
    Sessions: [['Session ID', 'Date', 'Start', 'End', 'Title'], ['S1', '2026-05-27', '10:00', '13:00', 'Opening'], ['S2', '2026-05-28', '15:00', '18:00', 'Closing']],
    Agenda: [['Item ID', 'Session ID', 'Order', 'Title'], ['A1', 'S1', 1, 'Adoption of the agenda']],
    Delegations: [['Delegation ID', 'Name', 'Category', 'Country code'], ['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-SAS', 'Small Arms Survey', 'Civil Society or NGO', '']],
    Participants: [
      ['Participant ID', 'Delegation ID', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'],
      ['P1', 'D-CHE', 'Ana', 'Berg', 'Woman', 'Head of delegation', 'ana@example.org', 'In person', '2026-05-01', 'Confirmed'],
      ['P2', 'D-CHE', 'Lee', 'Kim', 'Man', 'Delegate', 'lee@example.org', 'In person', '2026-05-02', ''],
      ['P3', 'D-SAS', 'Eva', 'Ruiz', 'Woman', 'Head of delegation', '', 'Online', '', ''],
    ],
    Attendance: [['Participant ID', 'Session ID', 'Mode'], ['P1', 'S1', 'In person'], ['P2', 'S1', 'In person'], ['P3', 'S2', 'Online']],
    Speakers: [['Session ID', 'Item ID', 'Participant ID'], ['S1', 'A1', 'P1']],
    Submissions: [['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on'], ['WP1', 'D-CHE', 'Working paper', 'Gender', '2026-05-13']],
  };
}

/** An issue in brief: severity, code and cell (or sheet, for a workbook-wide one). */
export const brief = (i: Issue) => `${i.severity} ${i.code} ${i.cell ?? i.sheet ?? ''}`;

/** Runs the rules on the grids; the issues in brief, the rows left out, and the whole validation. */
export function runRules(rules: readonly Rule[], grids: Grids): { issues: string[]; leftOut: Validation['leftOut']; validation: Validation } {
  const validation = applyRules(readGrids(grids), rules);
  return { issues: validation.issues.map(brief), leftOut: validation.leftOut, validation };
}
