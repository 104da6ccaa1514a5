// Dates and date-times that state their offset from UTC (`...Z`, `+02:00`, `UTC`) are read as wall
// time in the meeting's own time zone, whichever sheet comes first; without a Meeting sheet they keep
// the wall time they were written with. Expected times worked out by hand: Tokyo is UTC+9 all year,
// Geneva (Europe/Zurich) UTC+2 in May.
import { describe, expect, it } from 'vitest';
import { type Grid, PARTICIPANT_HEADER, rawRows } from '../../test/unit/raw-workbook.js';
import { MeetingReader } from './read-meeting.js';

/** Reads these sheets, in this order, through one MeetingReader. */
function readSheets(sheets: readonly (readonly [string, Grid])[]) {
  const reader = new MeetingReader();
  for (const [name, grid] of sheets) {
    if (reader.startSheet(name)) for (const r of rawRows(grid)) reader.row(r);
  }
  return reader.finish();
}

const meeting = (...extra: (readonly [string, string])[]): readonly [string, Grid] => [
  'Meeting',
  [['Field', 'Value'], ['Code', 'T-1'], ['Title', 'Test meeting'], ['Start date', '2026-05-27'], ['End date', '2026-05-28'], ...extra],
];
const attendance: readonly [string, Grid] = [
  'Attendance',
  [
    ['Participant ID', 'Session ID', 'Mode', 'Checked in at'],
    ['P1', 'S1', 'In person', '2026-05-27T08:03:12Z'],
    ['P2', 'S1', 'Online', '2026-05-27 10:03 +02:00'],
    ['P3', 'S1', 'Online', '2026-05-27 10:03'],
    ['P4', 'S1', 'Online', '2026-05-27T20:30Z'],
    ['P5', 'S1', 'Online', ''],
  ],
];
const participants: readonly [string, Grid] = [
  'Participants',
  [
    PARTICIPANT_HEADER,
    ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '2026-05-26T23:30Z', 'Confirmed'],
    ['P2', 'D-A', '', 'Ben', 'Brown', 'Man', 'Delegate', '', 'In person', '2026-05-26', 'Confirmed'],
  ],
];
const checkedIn = (read: ReturnType<typeof readSheets>) => read.sheets.Attendance!.rows.map((r) => [r.row, r.checkedInAt]);
const registered = (read: ReturnType<typeof readSheets>) => read.sheets.Participants!.rows.map((r) => [r.row, r.registeredOn]);

describe('values that state their offset from UTC', () => {
  it('are read in the meeting\'s time zone, the Meeting sheet coming after them', () => {
    const read = readSheets([attendance, participants, meeting(['Time zone', 'Asia/Tokyo'])]);
    expect(read.issues).toEqual([]);
    expect(checkedIn(read)).toEqual([[2, '2026-05-27T17:03'], [3, '2026-05-27T17:03'], [4, '2026-05-27T10:03'], [5, '2026-05-28T05:30'], [6, undefined]]);
    expect(registered(read)).toEqual([[2, '2026-05-27'], [3, '2026-05-26']]);
    expect(read.meeting?.info?.timeZone).toBe('Asia/Tokyo');
  });

  it('are read in the meeting\'s time zone, the Meeting sheet coming first', () => {
    const read = readSheets([meeting(['Time zone', 'Asia/Tokyo']), attendance]);
    expect(checkedIn(read)).toEqual([[2, '2026-05-27T17:03'], [3, '2026-05-27T17:03'], [4, '2026-05-27T10:03'], [5, '2026-05-28T05:30'], [6, undefined]]);
  });

  it('are read in Geneva\'s time when the Meeting sheet names no time zone, or one that cannot be read', () => {
    const geneva = [[2, '2026-05-27T10:03'], [3, '2026-05-27T10:03'], [4, '2026-05-27T10:03'], [5, '2026-05-27T22:30'], [6, undefined]];
    expect(checkedIn(readSheets([attendance, meeting()]))).toEqual(geneva);
    const unreadable = readSheets([attendance, meeting(['Time zone', 'Mars/Olympus'])]);
    expect(checkedIn(unreadable)).toEqual(geneva);
    expect(unreadable.meeting?.info).toBeNull();
  });

  it('keep the wall time they were written with when there is no Meeting sheet, or no usable one', () => {
    const written = [[2, '2026-05-27T08:03'], [3, '2026-05-27T10:03'], [4, '2026-05-27T10:03'], [5, '2026-05-27T20:30'], [6, undefined]];
    expect(checkedIn(readSheets([attendance, participants]))).toEqual(written);
    expect(registered(readSheets([participants]))).toEqual([[2, '2026-05-26'], [3, '2026-05-26']]);
    const noValueColumn = readSheets([attendance, ['Meeting', [['Field', 'Valeur'], ['Time zone', 'Asia/Tokyo']]]]);
    expect(checkedIn(noValueColumn)).toEqual(written);
    expect(noValueColumn.meeting).toBeNull();
  });

  it('in the Meeting sheet\'s own date fields are read in its time zone', () => {
    const read = readSheets([meeting(['Time zone', 'Asia/Tokyo'], ['Registration deadline', '2026-05-21T16:00Z'], ['Working paper deadline', '2026-05-13T12:00 UTC'])]);
    expect(read.issues).toEqual([]);
    expect(read.meeting?.info).toMatchObject({ registrationDeadline: '2026-05-22', workingPaperDeadline: '2026-05-13', timeZone: 'Asia/Tokyo' });
  });

  it('in a Meeting field that names no such day are refused as written, at their cell', () => {
    const read = readSheets([meeting(['Registration deadline', '31 April 2026 10:00 UTC'])]);
    expect(read.issues).toEqual([
      {
        severity: 'error', code: 'unreadable-value', sheet: 'Meeting', cell: 'Meeting!B6', row: 6,
        found: '"31 April 2026 10:00 UTC"', expected: 'a date such as 2026-05-27 or 27 May 2026; there is no 31 April 2026',
        message: 'Registration deadline "31 April 2026 10:00 UTC" cannot be read as a date such as 2026-05-27 or 27 May 2026: there is no 31 April 2026.',
      },
    ]);
    expect(read.meeting?.info).toBeNull();
  });
});

describe('the Meeting sheet\'s own cells', () => {
  it('name the Meeting sheet in their warnings and errors', () => {
    const read = readSheets([['Meeting', [['Field', 'Value'], ['Code', 'T-1'], ['Title', '=Test'], ['Start date', '2026-05-27'], ['End date', '2026-05-28']]]]);
    expect(read.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([['warning', 'formula-in-text', 'Meeting', 'Meeting!B3']]);
  });
});
