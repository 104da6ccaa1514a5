import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../../pipeline/core/statistics.js';
import type { MeetingData } from '../../../templates/contract/index.js';
import { reportBlocks } from './report-tables.js';

const person = (participantId: string, delegationId: string, gender: 'Woman' | 'Man' | 'Not stated', role: 'Head of delegation' | 'Delegate', row: number) =>
  ({ participantId, delegationId, givenName: 'G', familyName: 'F', gender, role, participation: 'In person', status: 'Registered', row }) as MeetingData['participants'][number];

/** Two sessions; S1: W1, M1, N1 (not stated); S2: W1 only. W1 spoke twice in S1, M1 once. */
const data = {
  meeting: { code: 'T', title: 'Test', startDate: '2026-05-27', endDate: '2026-05-27', timeZone: 'Europe/Zurich' },
  sessions: [
    { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Morning', kind: 'Plenary', row: 2 },
    { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00', title: 'Afternoon', kind: 'Plenary', row: 3 },
  ],
  agenda: null,
  delegations: [
    { delegationId: 'D1', name: 'A', category: 'State Party', row: 2 },
    { delegationId: 'D2', name: 'B', category: 'State Party', row: 3 },
  ],
  participants: [person('W1', 'D1', 'Woman', 'Head of delegation', 2), person('M1', 'D2', 'Man', 'Head of delegation', 3), person('N1', 'D2', 'Not stated', 'Delegate', 4), person('M2', 'D2', 'Man', 'Delegate', 5)],
  attendance: [
    { participantId: 'W1', sessionId: 'S1', mode: 'In person', row: 2 },
    { participantId: 'M1', sessionId: 'S1', mode: 'In person', row: 3 },
    { participantId: 'N1', sessionId: 'S1', mode: 'Online', row: 4 },
    { participantId: 'W1', sessionId: 'S2', mode: 'In person', row: 5 },
  ],
  speakers: [
    { sessionId: 'S1', participantId: 'W1', row: 2 },
    { sessionId: 'S1', participantId: 'W1', row: 3 },
    { sessionId: 'S1', participantId: 'M1', row: 4 },
  ],
  submissions: null,
} as unknown as MeetingData;

describe('reportBlocks', () => {
  const blocks = reportBlocks(computeSummary(data));

  it('lays out per-session attendance with the gender columns the chart plots first', () => {
    expect(blocks.map((b) => b.title)).toEqual(['Attendance by session and gender', 'Registered and attended, by gender', 'Delegations', 'Interventions by session and gender']);
    const sessions = blocks[0]!;
    expect(sessions.header.slice(0, sessions.chartColumns)).toEqual(['Session', 'Women', 'Men', 'Other', 'Not stated']);
    // S1: 1 woman, 1 man, 1 not stated -> share 1 / (1 + 1) = 0.5; S2: one woman -> 1.
    expect(sessions.rows).toEqual([
      ['S1', 1, 1, 0, 1, 3, 0.5, '2026-05-27', 'Morning'],
      ['S2', 1, 0, 0, 0, 1, 1, '2026-05-27', 'Afternoon'],
    ]);
  });

  it('shows registered, attended and no-shows, leaving a share empty rather than zero when nobody counts', () => {
    expect(blocks[1]!.rows).toEqual([
      ['Registered', 1, 2, 0, 1, 4, 1 / 3],
      ['Attended', 1, 1, 0, 1, 3, 0.5],
      ['Did not attend', 0, 1, 0, 0, 1, 0],
    ]);
    expect(blocks[2]!.rows).toEqual([
      ['With at least one participant', 2],
      ['With at least one woman', 1],
      ['Headed by a woman', 1],
      ['Of men only', 0],
    ]);
    expect(blocks[2]!.chartColumns).toBe(0);
  });

  it('counts interventions per session by gender, and leaves the block out without a Speakers sheet', () => {
    expect(blocks[3]!.rows).toEqual([
      ['S1', 2, 1, 0, 0, 3, 2 / 3],
      ['S2', 0, 0, 0, 0, 0, ''],
    ]);
    expect(reportBlocks(computeSummary({ ...data, speakers: null })).map((b) => b.title)).not.toContain('Interventions by session and gender');
  });
});
