// The order of a large meeting's sessions in every table: by date, then start, and sessions that
// start together in the order the workbook lists them. 96 sessions, more than V8's sort handles
// by insertion alone (it merges runs from 64 items on).
import { describe, expect, it } from 'vitest';
import type { Located, MeetingData, SessionRow } from '../../templates/contract/index.js';
import { computeSummary } from './statistics.js';

const DAYS = ['2026-08-24', '2026-08-25', '2026-08-26', '2026-08-27'];
const STARTS = ['09:00', '10:00', '15:00'];
const PER_SLOT = 8;

/** The sessions as the summary should list them: day by day, start by start, a to h within a slot. */
const ordered: { sessionId: string; date: string; start: string }[] = DAYS.flatMap((date, d) =>
  STARTS.flatMap((start) => Array.from({ length: PER_SLOT }, (_, k) => ({ sessionId: `D${d + 1}-${start.replace(':', '')}-${'abcdefgh'[k]}`, date, start }))),
);

describe('computeSummary on a meeting of many sessions', () => {
  it('lists them by date and start, keeping the workbook\'s order among sessions that start together', () => {
    // The workbook lists the slots last first and the slots' sessions interleaved (every slot's a,
    // then every slot's b...), so no two neighbours are in order, but within a slot a comes before b.
    const slots = DAYS.length * STARTS.length;
    const listed = Array.from({ length: PER_SLOT }, (_, k) => Array.from({ length: slots }, (_, s) => ordered[(slots - 1 - s) * PER_SLOT + k]!)).flat();
    let row = 1;
    const sessions = listed.map((s): Located<SessionRow> => ({ ...s, end: '18:00', title: s.sessionId, kind: 'Plenary', room: undefined, row: ++row }));
    const data: MeetingData = {
      meeting: { code: 'M', title: 'Meet', venue: undefined, city: undefined, startDate: '2026-08-24', endDate: '2026-08-27', timeZone: 'Europe/Zurich', registrationDeadline: undefined, workingPaperDeadline: undefined, documentsDate: undefined, livestream: undefined },
      sessions,
      agenda: null,
      delegations: [],
      participants: [],
      attendance: [],
      speakers: null,
      submissions: null,
    };
    const ids = computeSummary(data).sessions.map((s) => s.id);
    expect(ids).toHaveLength(96);
    expect(ids.slice(0, 10)).toEqual(['D1-0900-a', 'D1-0900-b', 'D1-0900-c', 'D1-0900-d', 'D1-0900-e', 'D1-0900-f', 'D1-0900-g', 'D1-0900-h', 'D1-1000-a', 'D1-1000-b']);
    expect(ids.slice(-3)).toEqual(['D4-1500-f', 'D4-1500-g', 'D4-1500-h']);
    expect(ids).toEqual(ordered.map((s) => s.sessionId));
  });
});
