// The figures of a small meeting, each worked out by hand from fixture-meeting.ts.
import { describe, expect, it } from 'vitest';
import { computeSummary, SummarySchema } from '../../pipeline/core/statistics.js';
import { fixtureMeeting } from './fixture-meeting.js';

// Who counts (P6 is cancelled): P1 W head D1, P2 M delegate D1, P3 M head D2, P4 NS delegate D2,
// P5 O adviser D2, P7 W delegate D1 (never attends), P8 M head D3.
// D1 State Party, D2 Civil Society or NGO, D3 Observer State, D4 Industry (nobody registered).
const g = (woman: number, man: number, other: number, notStated: number) => ({ woman, man, other, notStated });

describe('computeSummary on the fixture meeting', () => {
  const s = computeSummary(fixtureMeeting());

  it('satisfies its own schema', () => {
    expect(SummarySchema.safeParse(s).success).toBe(true);
  });

  it('lists sessions by date and start', () => {
    expect(s.sessions.map((x) => x.id)).toEqual(['S1', 'S2', 'S3']);
  });

  it('counts S1: P1 twice counted once, cancelled P6 and unknown P9 left out', () => {
    // S1: P1 W, P2 M, P3 M, P4 NS -> share 1 / (1 + 2) ; not stated kept out of the denominator
    const a = s.sessions[0]!.attendees;
    expect(a.total).toBe(4);
    expect(a.byGender).toEqual(g(1, 2, 0, 1));
    expect(a.womenShare).toBeCloseTo(1 / 3, 10);
    // in person: P1 W, P3 M, P4 NS -> 1/2 ; online: P2 M -> 0
    expect(a.byMode.inPerson).toEqual({ total: 3, byGender: g(1, 1, 0, 1), womenShare: 0.5 });
    expect(a.byMode.online).toEqual({ total: 1, byGender: g(0, 1, 0, 0), womenShare: 0 });
    // State Party: P1 W, P2 M -> 1/2 ; CSO: P3 M, P4 NS -> 0 ; Observer State: nobody -> null
    expect(a.byCategory['State Party']).toEqual({ total: 2, byGender: g(1, 1, 0, 0), womenShare: 0.5 });
    expect(a.byCategory['Civil Society or NGO']).toEqual({ total: 2, byGender: g(0, 1, 0, 1), womenShare: 0 });
    expect(a.byCategory['Observer State']).toEqual({ total: 0, byGender: g(0, 0, 0, 0), womenShare: null });
    // heads: P1 W, P3 M -> 1/2
    expect(a.headsOfDelegation).toEqual({ total: 2, byGender: g(1, 1, 0, 0), womenShare: 0.5 });
  });

  it('counts S2, where other is in the denominator', () => {
    // S2: P1 W online, P5 O online, P8 M, P3 M -> 1 / (1 + 2 + 1) = 0.25
    const a = s.sessions[1]!.attendees;
    expect(a.total).toBe(4);
    expect(a.byGender).toEqual(g(1, 2, 1, 0));
    expect(a.womenShare).toBe(0.25);
    expect(a.byMode.inPerson).toEqual({ total: 2, byGender: g(0, 2, 0, 0), womenShare: 0 });
    expect(a.byMode.online).toEqual({ total: 2, byGender: g(1, 0, 1, 0), womenShare: 0.5 });
    expect(a.byCategory['State Party'].womenShare).toBe(1);
    expect(a.byCategory['Observer State']).toEqual({ total: 1, byGender: g(0, 1, 0, 0), womenShare: 0 });
    // heads: P1 W, P8 M, P3 M -> 1/3
    expect(a.headsOfDelegation.total).toBe(3);
    expect(a.headsOfDelegation.womenShare).toBeCloseTo(1 / 3, 10);
  });

  it('gives an empty session null shares, never NaN', () => {
    const x = s.sessions[2]!;
    expect(x.attendees.total).toBe(0);
    expect(x.attendees.womenShare).toBeNull();
    expect(x.attendees.byMode.online.womenShare).toBeNull();
    expect(x.attendees.headsOfDelegation.womenShare).toBeNull();
    expect(x.speakers).toEqual({ interventions: 0, byGender: g(0, 0, 0, 0), womenShare: null, minutes: { total: 0, byGender: g(0, 0, 0, 0), timedInterventions: 0 } });
  });

  it('counts interventions and minutes per session', () => {
    // S1: P1 5 min, P3 3.5 min, P1 untimed (P6 cancelled skipped) -> W2 M1, 2/3, 8.5 min over 2 timed
    expect(s.sessions[0]!.speakers).toEqual({
      interventions: 3,
      byGender: g(2, 1, 0, 0),
      womenShare: 2 / 3,
      minutes: { total: 8.5, byGender: g(5, 3.5, 0, 0), timedInterventions: 2 },
    });
    // S2: P5 O 2 min, P8 M untimed -> 0 / 2
    expect(s.sessions[1]!.speakers).toEqual({
      interventions: 2,
      byGender: g(0, 1, 1, 0),
      womenShare: 0,
      minutes: { total: 2, byGender: g(0, 0, 2, 0), timedInterventions: 1 },
    });
    // Meeting: 5 interventions W2 M2 O1 -> 0.4 ; 10.5 minutes over 3 timed (S9 row skipped)
    expect(s.speakers).toEqual({
      interventions: 5,
      byGender: g(2, 2, 1, 0),
      womenShare: 0.4,
      minutes: { total: 10.5, byGender: g(5, 3.5, 2, 0), timedInterventions: 3 },
    });
  });

  it('compares registered with attended, cancelled excluded', () => {
    // registered: P1 P7 W, P2 P3 P8 M, P5 O, P4 NS -> 2 / 6
    expect(s.participants.registered.total).toBe(7);
    expect(s.participants.registered.byGender).toEqual(g(2, 3, 1, 1));
    expect(s.participants.registered.womenShare).toBeCloseTo(1 / 3, 10);
    // attended at least once: P1 W, P2 P3 P8 M, P5 O, P4 NS -> 1 / 5
    expect(s.participants.attended.total).toBe(6);
    expect(s.participants.attended.byGender).toEqual(g(1, 3, 1, 1));
    expect(s.participants.attended.womenShare).toBe(0.2);
    // no-show: P7 W
    expect(s.participants.noShows).toEqual({ total: 1, byGender: g(1, 0, 0, 0), womenShare: 1 });
    // by category attended: CSO P3 M, P4 NS, P5 O -> 0 / 2 ; Industry nobody -> null
    expect(s.participants.attended.byCategory['Civil Society or NGO']).toEqual({ total: 3, byGender: g(0, 1, 1, 1), womenShare: 0 });
    expect(s.participants.attended.byCategory.Industry.womenShare).toBeNull();
    // by role registered: delegates P2 M, P4 NS, P7 W -> 1/2 ; observers none -> null
    expect(s.participants.registered.byRole.Delegate).toEqual({ total: 3, byGender: g(1, 1, 0, 1), womenShare: 0.5 });
    expect(s.participants.registered.byRole.Observer.womenShare).toBeNull();
  });

  it('counts delegations: D4 sent nobody, D3 is men only once P6 cancelled', () => {
    // D1 W-headed with women; D2 no woman but not men only (NS, O); D3 only P8 M
    expect(s.delegations).toMatchObject({ total: 3, withWoman: 1, womanHeaded: 1, menOnly: 1 });
    expect(s.delegations.byCategory['State Party']).toEqual({ total: 1, withWoman: 1, womanHeaded: 1, menOnly: 0 });
    expect(s.delegations.byCategory['Civil Society or NGO']).toEqual({ total: 1, withWoman: 0, womanHeaded: 0, menOnly: 0 });
    expect(s.delegations.byCategory['Observer State']).toEqual({ total: 1, withWoman: 0, womanHeaded: 0, menOnly: 1 });
    expect(s.delegations.byCategory.Industry.total).toBe(0);
  });

  it('gives the three headline shares', () => {
    // attendees 1/5 ; heads who attended P1 W, P3 M, P8 M -> 1/3 ; interventions 2/5
    expect(s.headline.attendees).toBe(0.2);
    expect(s.headline.headsOfDelegation).toBeCloseTo(1 / 3, 10);
    expect(s.headline.speakers).toBe(0.4);
  });
});

describe('computeSummary without a Speakers sheet', () => {
  const s = computeSummary({ ...fixtureMeeting(), speakers: null });
  it('leaves speaker figures out (null), not zero', () => {
    expect(s.speakers).toBeNull();
    expect(s.headline.speakers).toBeNull();
    expect(s.sessions.every((x) => x.speakers === null)).toBe(true);
    expect(s.headline.attendees).toBe(0.2);
    expect(SummarySchema.safeParse(s).success).toBe(true);
  });
});

describe('computeSummary on a large meeting', () => {
  // Speed is measured by npm run bench, not asserted here: a timed test fails on a busy machine.
  it('counts 60,000 participants and 240,000 attendance rows distinctly per session', () => {
    const base = fixtureMeeting();
    const genders = ['Woman', 'Man', 'Other', 'Not stated'] as const;
    const participants = Array.from({ length: 60_000 }, (_, i) => ({ ...base.participants[0]!, participantId: `P${i}`, gender: genders[i % 4]!, row: i + 2 }));
    const attendance = Array.from({ length: 240_000 }, (_, i) => ({ participantId: `P${i % 60_000}`, sessionId: ['S1', 'S2', 'S3', 'S1'][Math.floor(i / 60_000)]!, mode: 'In person' as const, checkedInAt: undefined, row: i + 2 }));
    const s = computeSummary({ ...base, participants, attendance });
    // S1 gets everyone twice (rows 0-59,999 and 180,000-239,999): still 60,000 distinct
    expect(s.sessions[0]!.attendees.total).toBe(60_000);
    expect(s.sessions[0]!.attendees.womenShare).toBeCloseTo(15_000 / 45_000, 10);
  });
});
