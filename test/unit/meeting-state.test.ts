// The pane's model (MeetingState) end to end over the in-memory stand-in for Excel that the browser
// tests use (test/addin/fake-office.js, strict where Excel is): set up, write the meeting's fields,
// add and edit rows, check in, record speakers, reorder the agenda, build the report. Each expected
// value is what a person would see in the sheets, worked out by hand.
import { beforeEach, describe, expect, it } from 'vitest';
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
