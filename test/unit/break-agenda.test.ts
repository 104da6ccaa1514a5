// The pane's agenda over the in-memory stand-in for Excel: an item added to a session whose orders
// have a gap (items deleted by hand: 1 and 5 left) goes after the last one, at 6, not at 3 (the
// count plus one, which would put it before item 5). Found by planting that bug: no test noticed.
import { beforeEach, describe, expect, it } from 'vitest';
import { MeetingState } from '../../addin/src/app/meeting-state.js';

const g = globalThis as unknown as { window: unknown; __host: { book: { sheets: unknown[]; tables: unknown[] } }; Excel: { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> } };
g.window = globalThis;
// @ts-expect-error a plain browser script that installs window.Excel; it has no types
await import('../addin/fake-office.js');
const host = g.__host;
let state: MeetingState;

beforeEach(async () => {
  host.book.sheets.length = 0;
  host.book.tables.length = 0;
  state = new MeetingState((batch) => g.Excel.run(batch), () => new Date(Date.UTC(2026, 4, 27, 8, 15)));
  await state.setUp();
  expect(await state.saveMeetingFields({ code: 'T-1', title: 'Test', startDate: '2026-05-27', endDate: '2026-05-28', timeZone: 'Europe/Zurich' })).toEqual([]);
  await state.addRecord('Sessions', { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Opening' });
});

describe('adding an agenda item', () => {
  it('after items numbered 1 and 5 gives it the order 6', async () => {
    await state.addRecord('Agenda', { itemId: 'A1', sessionId: 'S1', order: 1, title: 'Opening', status: 'Planned' });
    await state.addRecord('Agenda', { itemId: 'A5', sessionId: 'S1', order: 5, title: 'Closing', status: 'Planned' });
    expect(state.nextOrder('S1')).toBe(6);
    await state.addAgendaItem('S1', 'A6', 'Any other business');
    expect(state.agenda().map((a) => [a.itemId, a.order])).toEqual([['A1', 1], ['A5', 5], ['A6', 6]]);
  });
});
