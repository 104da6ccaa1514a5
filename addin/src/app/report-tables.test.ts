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

const SMALL = 'small group (n under 10)';

describe('reportBlocks', () => {
  // Built inside each test (not while the tests are collected), so that each test exercises the code.
  const build = () => reportBlocks(computeSummary(data));

  it('opens with the headline figures, each share beside the counts it stands for', () => {
    const blocks = build();
    expect(blocks.map((b) => b.title)).toEqual(['Headline figures', 'Attendance by session and gender', 'Registered and attended, by gender', 'Delegations', 'Interventions by session and gender']);
    const h = blocks[0]!;
    expect(h.header).toEqual(['Figure', 'Share of women', 'Women', 'Women, men and other (denominator)', 'Not stated', 'In words']);
    // Attended: W1, M1, N1 -> 1 of 2 known, 1 not stated ; heads attended: W1, M1 -> 1 of 2 ;
    // interventions: W1 twice, M1 once -> 2 of 3.
    expect(h.rows.map((r) => r.slice(1))).toEqual([
      [0.5, 1, 2, 1, '50.0% (1 of 2 attendees; 1 not stated; small group (n under 10))'],
      [0.5, 1, 2, 0, '50.0% (1 of 2 heads of delegation who attended; small group (n under 10))'],
      [2 / 3, 2, 3, 0, '66.7% (2 of 3 interventions; small group (n under 10))'],
    ]);
    expect(h.shareColumns).toEqual([1]);
    expect(h.chartColumns).toBe(0);
  });

  it('lays out per-session attendance with the gender columns the chart plots first', () => {
    const blocks = build();
    const sessions = blocks[1]!;
    expect(sessions.header.slice(0, sessions.chartColumns)).toEqual(['Session', 'Women', 'Men', 'Other', 'Not stated']);
    expect(sessions.chartRows).toBe(2);
    // S1: 1 woman, 1 man, 1 not stated -> share 1 / (1 + 1) = 0.5; S2: one woman -> 1.
    expect(sessions.rows).toEqual([
      ['S1', 1, 1, 0, 1, 3, 0.5, SMALL, '2026-05-27', '10:00', '13:00', 'Morning'],
      ['S2', 1, 0, 0, 0, 1, 1, SMALL, '2026-05-27', '15:00', '18:00', 'Afternoon'],
    ]);
  });

  it('shows registered, attended and did not attend, "n/a" and "empty" rather than 0% when nobody counts', () => {
    const blocks = build();
    const r = blocks[2]!;
    expect(r.chartRows).toBe(3);
    expect(r.rows.slice(0, 3)).toEqual([
      ['Registered', 1, 2, 0, 1, 4, 1 / 3, SMALL],
      ['Attended', 1, 1, 0, 1, 3, 0.5, SMALL],
      ['Did not attend', 0, 1, 0, 0, 1, 0, SMALL],
    ]);
    // Observer State: nobody registered at all.
    expect(r.rows).toContainEqual(['Registered: Observer State', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group']);
    // D1 W1 ; D2 M1, N1, M2: neither men only nor with a woman.
    expect(blocks[3]!.header).toEqual(['Category', 'Delegations', 'With at least one woman', 'Men only', 'Neither (no woman, not men only)', 'Headed by a woman']);
    expect(blocks[3]!.rows.at(-1)).toEqual(['All delegations', 2, 1, 0, 1, 1]);
    expect(blocks[3]!.chartColumns).toBe(0);
  });

  it('counts interventions per session by gender, and leaves the block out without a Speakers sheet', () => {
    const blocks = build();
    expect(blocks[4]!.rows).toEqual([
      ['S1', 2, 1, 0, 0, 3, 2 / 3, SMALL, 0, 0, 0],
      ['S2', 0, 0, 0, 0, 0, 'n/a', 'empty: nobody in this group', 0, 0, 0],
      ['All sessions', 2, 1, 0, 0, 3, 2 / 3, SMALL, 0, 0, 0],
    ]);
    expect(blocks[4]!.chartRows).toBe(2);
    const without = reportBlocks(computeSummary({ ...data, speakers: null }));
    expect(without.map((b) => b.title)).toEqual(['Headline figures', 'Attendance by session and gender', 'Registered and attended, by gender', 'Delegations']);
    expect(without[0]!.rows[2]!.slice(1)).toEqual(['not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded']);
  });
});

describe('the Delegations block: headed by a woman is not merely with a woman', () => {
  type P = MeetingData['participants'][number];
  const member = (participantId: string, delegationId: string, gender: P['gender'], role: P['role'], status: P['status'] = 'Confirmed', row = 2) =>
    ({ participantId, delegationId, givenName: 'G', familyName: participantId, gender, role, participation: 'In person', status, row }) as P;
  // D-W: a woman heads it, a man is delegate. D-M: a man heads it, a woman is delegate.
  // D-C: its woman head cancelled, a man adviser remains. D-O: a head of gender Other and a man.
  // D-X: two women, both entered as head (counted once).
  const delegations = {
    ...data,
    delegations: [
      { delegationId: 'D-W', name: 'W', category: 'State Party', row: 2 },
      { delegationId: 'D-M', name: 'M', category: 'State Party', row: 3 },
      { delegationId: 'D-C', name: 'C', category: 'Civil Society or NGO', row: 4 },
      { delegationId: 'D-O', name: 'O', category: 'Industry', row: 5 },
      { delegationId: 'D-X', name: 'X', category: 'Observer State', row: 6 },
    ],
    participants: [
      member('W1', 'D-W', 'Woman', 'Head of delegation'),
      member('W2', 'D-W', 'Man', 'Delegate'),
      member('M1', 'D-M', 'Man', 'Head of delegation'),
      member('M2', 'D-M', 'Woman', 'Delegate'),
      member('C1', 'D-C', 'Woman', 'Head of delegation', 'Cancelled'),
      member('C2', 'D-C', 'Man', 'Adviser'),
      member('O1', 'D-O', 'Other', 'Head of delegation'),
      member('O2', 'D-O', 'Man', 'Delegate'),
      member('X1', 'D-X', 'Woman', 'Head of delegation'),
      member('X2', 'D-X', 'Woman', 'Head of delegation'),
    ],
    attendance: [],
    speakers: [],
  } as unknown as MeetingData;

  it('counts a delegation with a woman under a man as head as with a woman, not as headed by one, and a cancelled woman head not at all', () => {
    const table = reportBlocks(computeSummary(delegations)).find((b) => b.title === 'Delegations')!;
    expect(table.rows).toEqual([
      ['State Party', 2, 2, 0, 0, 1],
      ['Signatory State', 0, 0, 0, 0, 0],
      ['Observer State', 1, 1, 0, 0, 1],
      ['International or Regional Organization', 0, 0, 0, 0, 0],
      ['Civil Society or NGO', 1, 0, 1, 0, 0],
      ['Industry', 1, 0, 0, 1, 0],
      ['All delegations', 5, 3, 1, 1, 2],
    ]);
    expect(table.shareColumns).toEqual([]);
    expect(table.chartRows).toBe(0);
  });
});
