// The pane's model (MeetingState) end to end over the in-memory stand-in for Excel that the browser
// tests use (test/addin/fake-office.js, strict where Excel is): set up, write the meeting's fields,
// add and edit rows, check in, record speakers, reorder the agenda, build the report. Each expected
// value is what a person would see in the sheets, worked out by hand.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MeetingState } from '../../addin/src/app/meeting-state.js';

interface Host {
  book: { sheets: unknown[]; tables: { name: string }[] };
  syncs: number;
  runs: number;
  selected: string | null;
  tableRows(name: string): unknown[][] | null;
  setCell(sheet: string, a1: string, value: unknown): void;
  appendByHand(table: string, rows: unknown[][]): void;
  summary(): { name: string; charts: number }[];
  sheetValues(sheet: string): unknown[][];
  renameTable(from: string, to: string): void;
  deleteRow(table: string, index: number): void;
}
const g = globalThis as unknown as { window: unknown; __host: Host; Excel: { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> } };
g.window = globalThis;
// @ts-expect-error a plain browser script that installs window.Excel; it has no types
await import('../addin/fake-office.js');
const host = g.__host;

/** 10:15 in Geneva on 27 May 2026 (UTC+2). */
const NOW = new Date(Date.UTC(2026, 4, 27, 8, 15));
let state: MeetingState;

beforeEach(async () => {
  host.book.sheets.length = 0;
  host.book.tables.length = 0;
  state = new MeetingState((batch) => g.Excel.run(batch), () => NOW);
  await state.setUp();
});

async function meeting(): Promise<void> {
  expect(await state.saveMeetingFields({ code: 'T-1', title: 'Test', startDate: '2026-05-27', endDate: '2026-05-28', timeZone: 'Europe/Zurich', registrationDeadline: '2026-05-22' })).toEqual([]);
}

describe('MeetingState', () => {
  it('sets up every sheet and reads the Meeting fields back as the contract reads them', async () => {
    await meeting();
    expect(host.book.tables.map((t) => t.name).sort()).toEqual(['Agenda', 'Attendance', 'Delegations', 'MeetingFields', 'Participants', 'Sessions', 'Speakers', 'Submissions']);
    expect(state.meetingValues()).toMatchObject({ code: 'T-1', title: 'Test', startDate: '2026-05-27', endDate: '2026-05-28', registrationDeadline: '2026-05-22' });
    expect(state.timeZone()).toBe('Europe/Zurich');
    expect(state.meeting()?.info).toMatchObject({ code: 'T-1', startDate: '2026-05-27' });
  });

  it('adds delegations, participants with new IDs, sessions and check-ins at the time in Geneva, each person once per session', async () => {
    await meeting();
    await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
    const ids = await state.addDelegationWithMembers({ delegationId: 'D-A', name: 'Alpha', category: 'State Party' }, [
      { givenName: 'Ana', familyName: 'Alves', gender: 'Woman', role: 'Head of delegation', participation: 'In person' },
      { givenName: 'Ben', familyName: 'Bold', gender: 'Man', role: 'Delegate', participation: 'Online' },
    ]);
    expect(ids).toEqual(['P0001', 'P0002']);
    expect(await state.addParticipants([{ delegationId: 'D-A', givenName: 'Cy', familyName: 'Cole', gender: 'Other', role: 'Adviser', participation: 'Online' }])).toEqual(['P0003']);
    expect(state.participants().map((p) => [p.participantId, p.delegationId, p.givenName])).toEqual([['P0001', 'D-A', 'Ana'], ['P0002', 'D-A', 'Ben'], ['P0003', 'D-A', 'Cy']]);
    expect(await state.checkIn(['P0001', 'P0002', 'P0001'], 'S1', 'In person')).toBe(2);
    expect(await state.checkIn(['P0002', 'P0003'], 'S1', 'Online')).toBe(1);
    expect(await state.checkIn(['P0002'], 'S1', 'Online')).toBe(0);
    expect(state.attendance().map((a) => [a.participantId, a.sessionId, a.mode, a.checkedInAt])).toEqual([
      ['P0001', 'S1', 'In person', '2026-05-27T10:15'],
      ['P0002', 'S1', 'In person', '2026-05-27T10:15'],
      ['P0003', 'S1', 'Online', '2026-05-27T10:15'],
    ]);
    expect(state.issues()).toEqual([]);
    expect(state.model?.summary?.sessions[0]?.attendees.byGender).toEqual({ woman: 1, man: 1, other: 1, notStated: 0 });
    expect(state.usedIds('Participants')).toEqual(['P0001', 'P0002', 'P0003']);
    expect(state.delegations().map((d) => d.delegationId)).toEqual(['D-A']);
    expect(state.sessions().map((s) => s.sessionId)).toEqual(['S1']);
  });

  it('keeps agenda items in order per session, adds after the last, and moves one within its session only', async () => {
    await meeting();
    await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
    await state.addRecord('Sessions', { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00', title: 'Afternoon' });
    expect(state.nextOrder('S1')).toBe(1);
    await state.addAgendaItem('S2', 'A1', 'Later');
    await state.addAgendaItem('S1', 'A2', 'First', { body: 'WGTR' });
    await state.addAgendaItem('S1', 'A3', 'Second');
    expect(state.nextOrder('S1')).toBe(3);
    expect(state.agenda().map((a) => [a.itemId, a.sessionId, a.order, a.status, a.body])).toEqual([
      ['A2', 'S1', 1, 'Planned', 'WGTR'], ['A3', 'S1', 2, 'Planned', undefined], ['A1', 'S2', 1, 'Planned', undefined],
    ]);
    await state.moveAgendaItem('A3', -1);
    expect(state.agenda().map((a) => [a.itemId, a.order])).toEqual([['A3', 1], ['A2', 2], ['A1', 1]]);
    const syncs = host.syncs;
    await state.moveAgendaItem('A3', -1); // already first: nothing written
    await state.moveAgendaItem('A1', 1); // already last in S2
    await state.moveAgendaItem('A9', 1); // no such item
    expect(host.syncs).toBe(syncs);
    expect(state.agenda().map((a) => [a.itemId, a.order])).toEqual([['A3', 1], ['A2', 2], ['A1', 1]]);
  });

  it('edits only the given cells of a row, records interventions, and refuses to edit a sheet it cannot read', async () => {
    await meeting();
    await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
    await state.addRecord('Delegations', { delegationId: 'D-A', name: 'Alpha', category: 'State Party' });
    await state.addParticipants([{ delegationId: 'D-A', givenName: 'Ana', familyName: 'Alves', gender: 'Woman', role: 'Head of delegation', participation: 'In person' }]);
    const row = state.participants()[0]!.row;
    await state.editRecord('Participants', state.participants()[0]!.participantId, { familyName: 'Alves-Silva', nosuchkey: 'x' });
    expect(state.participants().map((p) => [p.givenName, p.familyName, p.gender])).toEqual([['Ana', 'Alves-Silva', 'Woman']]);
    await state.recordSpeaker('S1', undefined, 'P0001', 4);
    expect(state.model?.summary?.speakers).toMatchObject({ interventions: 1, minutes: { total: 4 } });
    host.book.tables.splice(host.book.tables.findIndex((t) => t.name === 'Submissions'), 1);
    host.book.sheets.splice(host.book.sheets.findIndex((s) => (s as { name: string }).name === 'Submissions'), 1);
    await state.refresh();
    await expect(state.editRecord('Submissions', 'WP1', { title: 'x' })).rejects.toThrow('The Submissions sheet cannot be read; set up the workbook first.');
    expect(state.submissions()).toEqual([]);
  });

  it('reads a Meeting field typed by hand at its Value cell, and writes the others beside it', async () => {
    host.setCell('Meeting', 'B2', 'T-1');
    await state.refresh();
    const before = state.meeting();
    expect(before?.cells.get('code')).toBe('Meeting!B2');
    await meeting();
    expect(state.meetingValues().timeZone).toBe('Europe/Zurich');
  });

  it('shows a field that does not read as its raw text, and checks a row against the rules before it is written', async () => {
    await state.saveMeetingFields({ code: 'T-1', title: 'Test', startDate: '31 April 2026', endDate: '2026-05-28', workingPaperDeadline: '2026-05-13' });
    expect(state.meetingValues()).toMatchObject({ startDate: '31 April 2026', endDate: '2026-05-28' });
    expect(state.meeting()?.info).toBeNull();
    expect(state.timeZone()).toBe('Europe/Zurich');
    await state.saveMeetingFields({ startDate: '2026-05-27' });
    expect(state.ruleIssues('Submissions', { submissionId: 'WP1', delegationId: 'D-A', type: 'WP', title: 'x', receivedOn: '2026-05-14' }).map((i) => [i.code, i.key])).toEqual([['late-submission', 'receivedOn']]);
  });

  it('builds the Report sheet with the time in Geneva, and refuses without figures', async () => {
    await expect(state.buildReport()).rejects.toThrow('The figures need a workbook without errors in its Meeting sheet and required sheets.');
    await meeting();
    await state.buildReport();
    expect(host.summary().find((s) => s.name === 'Report')).toBeDefined();
    expect(state.model?.hasReportSheet).toBe(true);
    expect(await state.selectProblem('Meeting!B2')).toBe(true);
  });
});

/** 27 May 2026 as an Excel serial day (days since 30 December 1899): 2026-01-01 is 46023, 27 May is its 147th day. */
const MAY_27 = 46169;
/** A check-in time as Excel holds it: the serial day plus the minutes after midnight over 1,440. */
const serialAt = (minutes: number) => MAY_27 + minutes / 1440;

/** Adds empty worksheets, as a person does before typing in them. */
async function addSheets(...names: string[]): Promise<void> {
  await g.Excel.run(async (context) => {
    for (const name of names) context.workbook.worksheets.add(name);
    await context.sync();
  });
}

async function delegationOfThree(): Promise<void> {
  await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
  await state.addDelegationWithMembers({ delegationId: 'D-A', name: 'Alpha', category: 'State Party' }, [
    { givenName: 'Ana', familyName: 'Alves', gender: 'Woman', role: 'Head of delegation', participation: 'In person' },
    { givenName: 'Ben', familyName: 'Bold', gender: 'Man', role: 'Delegate', participation: 'Online' },
    { givenName: 'Cy', familyName: 'Cole', gender: 'Other', role: 'Adviser', participation: 'Online' },
  ]);
}

describe('MeetingState before the workbook is read', () => {
  it('lists nothing, shows Geneva\'s time zone, and refuses edits and the report in words', async () => {
    const fresh = new MeetingState(() => Promise.reject(new Error('Excel is not there')), () => NOW);
    expect([fresh.participants(), fresh.delegations(), fresh.sessions(), fresh.agenda(), fresh.attendance(), fresh.submissions()]).toEqual([[], [], [], [], [], []]);
    expect(fresh.meeting()).toBeNull();
    expect(fresh.meetingValues()).toEqual({});
    expect(fresh.timeZone()).toBe('Europe/Zurich');
    expect(fresh.issues()).toEqual([]);
    expect(fresh.usedIds('Participants')).toEqual([]);
    expect(fresh.nextOrder('S1')).toBe(1);
    expect(fresh.ruleIssues('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' })).toEqual([]);
    await expect(fresh.buildReport()).rejects.toThrow('The figures need a workbook without errors in its Meeting sheet and required sheets.');
    await expect(fresh.editRecord('Participants', 'P0001', { familyName: 'X' })).rejects.toThrow('The Participants sheet cannot be read; set up the workbook first.');
    await expect(fresh.moveAgendaItem('A1', 1)).resolves.toBeUndefined();
  });
});

describe('MeetingState writes', () => {
  it('writes a check-in time as Excel\'s date and time, in the meeting\'s own time zone', async () => {
    await meeting();
    await delegationOfThree();
    await state.checkIn(['P0001'], 'S1', 'In person');
    // 08:15 UTC is 10:15 in Geneva: 615 minutes after midnight.
    expect(host.tableRows('Attendance')!.slice(1)).toEqual([['P0001', 'S1', 'In person', serialAt(615)]]);
    await state.saveMeetingFields({ timeZone: 'America/New_York' });
    expect(state.timeZone()).toBe('America/New_York');
    await state.checkIn(['P0002'], 'S1', 'Online');
    // New York is UTC-4 in May: 04:15, 255 minutes after midnight.
    expect(host.tableRows('Attendance')![2]).toEqual(['P0002', 'S1', 'Online', serialAt(255)]);
  });

  it('takes the time from the computer\'s clock when no clock is given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(NOW);
      const desk = new MeetingState((batch) => g.Excel.run(batch));
      await meeting();
      await delegationOfThree();
      await desk.refresh();
      expect(await desk.checkIn(['P0003'], 'S1', 'Online')).toBe(1);
      expect(host.tableRows('Attendance')!.slice(1)).toEqual([['P0003', 'S1', 'Online', serialAt(615)]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks in nobody without asking Excel anything', async () => {
    await meeting();
    const runs = host.runs;
    expect(await state.checkIn([], 'S1', 'Online')).toBe(0);
    expect(await state.recordOnlineAttendance([])).toBe(0);
    expect(host.runs).toBe(runs);
  });

  it('records online attendance once per person and session, leaving those checked in already (also by another desk since the last read)', async () => {
    await meeting();
    await delegationOfThree();
    await state.checkIn(['P0001'], 'S1', 'In person');
    // Another desk checks P0003 in at 10:30; this pane has not read it yet.
    host.appendByHand('Attendance', [['P0003', 'S1', 'In person', '2026-05-27 10:30']]);
    const added = await state.recordOnlineAttendance([
      { participantId: 'P0001', sessionId: 'S1', checkedInAt: '2026-05-27 10:20' },
      { participantId: 'P0002', sessionId: 'S1', checkedInAt: '2026-05-27 10:25' },
      { participantId: 'P0002', sessionId: 'S1', checkedInAt: '2026-05-27 10:40' },
      { participantId: 'P0003', sessionId: 'S1', checkedInAt: '2026-05-27 10:45' },
      { participantId: 'P0002', sessionId: 'S2', checkedInAt: '2026-05-28 10:05' },
    ]);
    expect(added).toBe(2);
    expect(host.tableRows('Attendance')!.slice(1)).toEqual([
      ['P0001', 'S1', 'In person', serialAt(615)],
      ['P0003', 'S1', 'In person', serialAt(630)],
      ['P0002', 'S1', 'Online', serialAt(625)],
      ['P0002', 'S2', 'Online', MAY_27 + 1 + 605 / 1440],
    ]);
    expect(state.attendance().map((a) => [a.participantId, a.sessionId, a.mode])).toEqual([
      ['P0001', 'S1', 'In person'], ['P0003', 'S1', 'In person'], ['P0002', 'S1', 'Online'], ['P0002', 'S2', 'Online'],
    ]);
  });

  it('does not ask Excel when everyone in an attendance report is already checked in to that session', async () => {
    await meeting();
    await delegationOfThree();
    await state.checkIn(['P0001', 'P0002'], 'S1', 'In person');
    const runs = host.runs;
    expect(await state.recordOnlineAttendance([
      { participantId: 'P0002', sessionId: 'S1', checkedInAt: '2026-05-27 10:25' },
      { participantId: 'P0001', sessionId: 'S1', checkedInAt: '2026-05-27 10:20' },
    ])).toBe(0);
    expect(host.runs).toBe(runs);
  });

  it('a refused write still reads the workbook again, so the pane shows what a co-author added meanwhile', async () => {
    await meeting();
    await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
    host.appendByHand('Sessions', [['S2', '2026-05-28', '10:00', '11:00', 'By hand']]);
    await expect(state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-28', start: '15:00', end: '16:00', title: 'Again' })).rejects.toThrow('S1 is already used on the Sessions sheet (someone may have just added it), so nothing was added. Choose another ID.');
    expect(state.sessions().map((s) => [s.sessionId, s.title])).toEqual([['S1', 'Opening'], ['S2', 'By hand']]);
  });

  it('names the table it cannot find, for each kind of row written', async () => {
    await meeting();
    await delegationOfThree();
    const missing = (name: string) => `The ${name} table was not found: it may have been renamed or deleted. Give it its name back (Table Design > Table Name) or run Set up workbook, then try again; nothing was written.`;
    host.renameTable('Attendance', 'Old');
    await expect(state.checkIn(['P0001'], 'S1', 'In person')).rejects.toThrow(missing('Attendance'));
    await expect(state.recordOnlineAttendance([{ participantId: 'P0001', sessionId: 'S1', checkedInAt: '2026-05-27 10:20' }])).rejects.toThrow(missing('Attendance'));
    host.renameTable('Old', 'Attendance');
    host.renameTable('Speakers', 'Old');
    await expect(state.recordSpeaker('S1', undefined, 'P0001', 3)).rejects.toThrow(missing('Speakers'));
    host.renameTable('Old', 'Speakers');
    host.renameTable('Participants', 'Old');
    await expect(state.addParticipants([{ delegationId: 'D-A', givenName: 'Di', familyName: 'Dune', gender: 'Woman', role: 'Delegate', participation: 'Online' }])).rejects.toThrow(missing('Participants'));
    await expect(state.addDelegationWithMembers({ delegationId: 'D-B', name: 'Beta', category: 'Industry' }, [])).rejects.toThrow(missing('Delegations, Participants'));
    host.renameTable('Old', 'Participants');
    host.renameTable('MeetingFields', 'Old');
    await expect(state.saveMeetingFields({ title: 'Renamed' })).rejects.toThrow(missing('Meeting'));
  });

  it('edits a record only by an ID the sheet holds', async () => {
    await meeting();
    await delegationOfThree();
    await expect(state.editRecord('Participants', 'P0099', { familyName: 'X' })).rejects.toThrow('P0099 is not on the Participants sheet.');
  });

  it('lists the submissions as read', async () => {
    await meeting();
    await state.addRecord('Delegations', { delegationId: 'D-A', name: 'Alpha', category: 'State Party' });
    await state.addRecord('Submissions', { submissionId: 'WP1', delegationId: 'D-A', type: 'Working paper', title: 'Gender', receivedOn: '2026-05-01' });
    expect(state.submissions().map((s) => [s.submissionId, s.delegationId, s.title])).toEqual([['WP1', 'D-A', 'Gender']]);
  });

  it('shows the reader\'s own findings (a cell that does not read) among the issues', async () => {
    await meeting();
    await delegationOfThree();
    // P0001 to P0003 are on rows 2 to 4; the row typed by hand is row 5, its gender in column F.
    host.appendByHand('Participants', [['P0009', 'D-A', '', 'Zed', 'Zane', 'Q', 'Delegate', '', 'Online', '', '']]);
    await state.refresh();
    expect(state.issues().filter((i) => i.sheet === 'Participants').map((i) => [i.severity, i.code, i.cell, i.found])).toEqual([['error', 'not-allowed', 'Participants!F5', '"Q"']]);
  });

  it('builds the Report sheet under a heading with the meeting\'s code and the time it was built', async () => {
    await meeting();
    await state.buildReport();
    expect(host.sheetValues('Report')[0]![0]).toBe('T-1: gender-disaggregated attendance (built 2026-05-27 10:15)');
  });
});

describe('MeetingState and the Meeting sheet', () => {
  it('saves only the fields that changed, so a co-author\'s edit of another field stands', async () => {
    await meeting();
    host.setCell('Meeting', 'B2', 'T-2'); // a co-author changes the code; the pane still shows T-1
    host.setCell('Meeting', 'B4', 'CICG'); // and types a venue the pane shows empty
    expect(await state.saveMeetingFields({ code: 'T-1', title: 'New title', venue: undefined })).toEqual([]);
    expect(state.meetingValues()).toMatchObject({ code: 'T-2', title: 'New title', venue: 'CICG' });
  });

  it('refuses to save a field a co-author changed since the pane showed it, naming the Meeting sheet', async () => {
    await meeting();
    host.setCell('Meeting', 'B3', 'Other title');
    await expect(state.saveMeetingFields({ title: 'Mine' })).rejects.toThrow('Someone changed Title on the Meeting sheet since the pane showed it (Value is now "Other title"), so nothing was saved. The pane now shows the fresh data; try again.');
    expect(state.meetingValues().title).toBe('Other title');
  });

  it('returns the fields it could not save: unknown ones by key, those without a row by their name', async () => {
    await meeting();
    // The Meeting table's body: Code, Title, Venue, City, Start date, End date, Time zone, the two
    // deadlines, Documents date, then Livestream (body row 10, counted from 0).
    host.deleteRow('MeetingFields', 10);
    await state.refresh();
    expect(await state.saveMeetingFields({ livestream: 'https://example.org/live', nosuch: 'x', title: 'Test' })).toEqual(['Livestream', 'nosuch']);
  });

  it('without a Meeting sheet, shows no fields, Geneva\'s time zone, and saves none; without a Sessions sheet, no session IDs', async () => {
    await meeting();
    host.book.tables.splice(host.book.tables.findIndex((t) => t.name === 'Sessions'), 1);
    host.book.sheets.splice(host.book.sheets.findIndex((s) => (s as { name: string }).name === 'Sessions'), 1);
    host.book.tables.splice(host.book.tables.findIndex((t) => t.name === 'MeetingFields'), 1);
    host.book.sheets.splice(host.book.sheets.findIndex((s) => (s as { name: string }).name === 'Meeting'), 1);
    await state.refresh();
    expect(state.meeting()).toBeNull();
    expect(state.meetingValues()).toEqual({});
    expect(state.timeZone()).toBe('Europe/Zurich');
    expect(state.usedIds('Sessions')).toEqual([]);
    expect(await state.saveMeetingFields({ code: 'T-1' })).toEqual(['Code']);
  });

  it('a Meeting sheet without its Field and Value headers shows no fields', async () => {
    host.book.sheets.length = 0;
    host.book.tables.length = 0;
    await addSheets('Meeting');
    host.setCell('Meeting', 'A1', 'Notes for the meeting');
    await state.refresh();
    expect(state.meeting()).toBeNull();
    expect(state.meetingValues()).toEqual({});
  });

  it('reads Meeting fields kept far from column A and below row 9', async () => {
    host.book.sheets.length = 0;
    host.book.tables.length = 0;
    await addSheets('Meeting');
    const names = ['Code', 'Title', 'Venue', 'City', 'Start date', 'End date', 'Time zone', 'Registration deadline', 'Working paper deadline', 'Documents date', 'Livestream'];
    host.setCell('Meeting', 'AA1', 'Field');
    host.setCell('Meeting', 'AB1', 'Value');
    names.forEach((name, i) => host.setCell('Meeting', `AA${i + 2}`, name));
    host.setCell('Meeting', 'AB2', 'T-9');
    host.setCell('Meeting', 'AB12', 'https://example.org/live');
    await state.refresh();
    expect(state.meeting()?.cells.get('livestream')).toBe('Meeting!AB12');
    expect(state.meetingValues()).toEqual({ code: 'T-9', livestream: 'https://example.org/live' });
  });
});

describe('MeetingState and the agenda', () => {
  async function agenda(): Promise<void> {
    await meeting();
    await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
    await state.addRecord('Sessions', { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00', title: 'Afternoon' });
    await state.addAgendaItem('S1', 'A1', 'First');
    await state.addAgendaItem('S1', 'A2', 'Second');
    await state.addAgendaItem('S2', 'A3', 'Later');
  }

  it('writes a new item\'s status as Planned in the sheet', async () => {
    await agenda();
    expect(host.tableRows('Agenda')).toEqual([
      ['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'],
      ['A1', 'S1', 1, 'First', '', '', 'Planned'],
      ['A2', 'S1', 2, 'Second', '', '', 'Planned'],
      ['A3', 'S2', 1, 'Later', '', '', 'Planned'],
    ]);
  });

  it('does not move a session\'s first item up into the session before', async () => {
    await agenda();
    const syncs = host.syncs;
    await state.moveAgendaItem('A3', -1);
    expect(host.syncs).toBe(syncs);
    expect(state.agenda().map((a) => [a.itemId, a.order])).toEqual([['A1', 1], ['A2', 2], ['A3', 1]]);
  });

  it('refuses a move when a co-author changed either item\'s order, naming the sheet as the workbook spells it', async () => {
    await agenda();
    (host.book.sheets.find((s) => (s as { name: string }).name === 'Agenda') as { name: string }).name = 'AGENDA';
    await state.refresh();
    host.setCell('AGENDA', 'C3', 5); // A2's order, the item moved
    await expect(state.moveAgendaItem('A2', -1)).rejects.toThrow('Someone changed A2 on the AGENDA sheet since the pane showed it (Order is now "5"), so nothing was saved. The pane now shows the fresh data; try again.');
    host.setCell('AGENDA', 'C3', 2);
    await state.refresh();
    host.setCell('AGENDA', 'C2', 7); // A1's order, the item it would swap with
    await expect(state.moveAgendaItem('A2', -1)).rejects.toThrow('Someone changed A1 on the AGENDA sheet since the pane showed it (Order is now "7"), so nothing was saved. The pane now shows the fresh data; try again.');
  });
});
