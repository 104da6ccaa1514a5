// Gender-disaggregated figures of one meeting, computed from its validated rows in a few linear
// passes. Pure: the add-in imports it, so a figure in the task pane and in report.xlsx agree.
import { CATEGORIES, type Category, type Gender, type MeetingData, type ParticipantRow, ROLES, type Role } from '../../templates/contract/index.js';
import type { DelegationCounts, GenderBreakdown, GenderCounts, SessionSummary, SpeakersSummary, Summary } from './summary.js';

export { SummarySchema, type Summary } from './summary.js';

const GENDER_KEY: Record<Gender, keyof GenderCounts> = { Woman: 'woman', Man: 'man', Other: 'other', 'Not stated': 'notStated' };

export function emptyCounts(): GenderCounts {
  return { woman: 0, man: 0, other: 0, notStated: 0 };
}

/** Women / (women + men + other): not stated stays out of the denominator; null when it is 0. */
export function womenShare(c: GenderCounts): number | null {
  const known = c.woman + c.man + c.other;
  return known === 0 ? null : c.woman / known;
}

export function breakdown(c: GenderCounts): GenderBreakdown {
  return { total: c.woman + c.man + c.other + c.notStated, byGender: c, womenShare: womenShare(c) };
}

function countsFor<K extends string>(keys: readonly K[]): Record<K, GenderCounts> {
  return Object.fromEntries(keys.map((k) => [k, emptyCounts()])) as Record<K, GenderCounts>;
}

function breakdowns<K extends string>(counts: Record<K, GenderCounts>): Record<K, GenderBreakdown> {
  return Object.fromEntries(Object.entries<GenderCounts>(counts).map(([k, c]) => [k, breakdown(c)])) as Record<K, GenderBreakdown>;
}

/** A participant as the figures see them: gender key, role and delegation category resolved. */
interface Person {
  readonly gender: keyof GenderCounts;
  readonly role: Role;
  readonly category: Category | undefined;
}

interface SessionTally {
  readonly seen: Set<string>;
  readonly all: GenderCounts;
  readonly inPerson: GenderCounts;
  readonly online: GenderCounts;
  readonly byCategory: Record<Category, GenderCounts>;
  readonly heads: GenderCounts;
  speakers: SpeakerTally | null;
}

interface SpeakerTally {
  interventions: number;
  readonly byGender: GenderCounts;
  readonly minutes: GenderCounts;
  timed: number;
}

function newSpeakerTally(): SpeakerTally {
  return { interventions: 0, byGender: emptyCounts(), minutes: emptyCounts(), timed: 0 };
}

function speakersSummary(t: SpeakerTally): SpeakersSummary {
  const m = t.minutes;
  return {
    interventions: t.interventions,
    byGender: t.byGender,
    womenShare: womenShare(t.byGender),
    minutes: { total: m.woman + m.man + m.other + m.notStated, byGender: { ...m }, timedInterventions: t.timed },
  };
}

function compareSessions(a: { date: string; start: string }, b: { date: string; start: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : (
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, here a.start >= b.start and every mutant answers 1 or 0, never below 0, and V8's sort only asks whether a result is below 0 (array-sort.tq: binary insertion, runs, gallops, merges)
    a.start > b.start ? 1 : 0
  );
}

/**
 * Every figure of the meeting. Cancelled participants count nowhere; a person with two Attendance
 * rows for one session counts once; rows whose references do not resolve are skipped (validation
 * reports them). Figures from an absent Speakers sheet are null, not zero.
 */
export function computeSummary(data: MeetingData): Summary {
  const categoryOf = new Map<string, Category>();
  for (const d of data.delegations) if (!categoryOf.has(d.delegationId)) categoryOf.set(d.delegationId, d.category);

  // Pass 1: participants who count (not cancelled), their registration figures and delegations.
  const people = new Map<string, Person>();
  const registered = emptyCounts();
  const registeredByCategory = countsFor(CATEGORIES);
  const registeredByRole = countsFor(ROLES);
  const delegationMembers = new Map<string, { woman: boolean; nonMan: boolean; womanHead: boolean }>();
  for (const p of data.participants) {
    if (p.status === 'Cancelled' || people.has(p.participantId)) continue;
    const person = personOf(p, categoryOf);
    people.set(p.participantId, person);
    registered[person.gender]++;
    registeredByRole[person.role][person.gender]++;
    if (person.category !== undefined) {
      registeredByCategory[person.category][person.gender]++;
      // Stryker disable next-line ObjectLiteral: equivalent, the flags are only set to true and read as true or not, so a missing flag reads as false
      const d = delegationMembers.get(p.delegationId) ?? { woman: false, nonMan: false, womanHead: false };
      if (person.gender === 'woman') d.woman = true;
      if (person.gender !== 'man') d.nonMan = true;
      if (person.gender === 'woman' && person.role === 'Head of delegation') d.womanHead = true;
      delegationMembers.set(p.delegationId, d);
    }
  }

  // Pass 2: attendance, distinct per session and over the meeting.
  const hasSpeakers = data.speakers !== null;
  const tallies = new Map<string, SessionTally>();
  // A repeated session ID sets a second empty tally in place of the first: nothing is counted yet.
  for (const s of data.sessions) {
    tallies.set(s.sessionId, {
      seen: new Set(),
      all: emptyCounts(),
      inPerson: emptyCounts(),
      online: emptyCounts(),
      byCategory: countsFor(CATEGORIES),
      heads: emptyCounts(),
      speakers: hasSpeakers ? newSpeakerTally() : null,
    });
  }
  const attendedIds = new Set<string>();
  for (const a of data.attendance) {
    const t = tallies.get(a.sessionId);
    const person = people.get(a.participantId);
    if (t === undefined || person === undefined || t.seen.has(a.participantId)) continue;
    t.seen.add(a.participantId);
    attendedIds.add(a.participantId);
    const g = person.gender;
    t.all[g]++;
    (a.mode === 'Online' ? t.online : t.inPerson)[g]++;
    if (person.category !== undefined) t.byCategory[person.category][g]++;
    if (person.role === 'Head of delegation') t.heads[g]++;
  }

  const attended = emptyCounts();
  const attendedByCategory = countsFor(CATEGORIES);
  const attendedByRole = countsFor(ROLES);
  for (const id of attendedIds) {
    const person = people.get(id) as Person;
    attended[person.gender]++;
    attendedByRole[person.role][person.gender]++;
    if (person.category !== undefined) attendedByCategory[person.category][person.gender]++;
  }
  const noShows: GenderCounts = {
    woman: registered.woman - attended.woman,
    man: registered.man - attended.man,
    other: registered.other - attended.other,
    notStated: registered.notStated - attended.notStated,
  };

  // Pass 3: interventions.
  let meetingSpeakers: SpeakerTally | null = null;
  if (data.speakers !== null) {
    meetingSpeakers = newSpeakerTally();
    for (const sp of data.speakers) {
      const t = tallies.get(sp.sessionId);
      const person = people.get(sp.participantId);
      if (t === undefined || person === undefined) continue;
      // With a Speakers sheet (hasSpeakers) every session's tally has its speaker tally.
      for (const tally of [t.speakers as SpeakerTally, meetingSpeakers]) {
        tally.interventions++;
        tally.byGender[person.gender]++;
        if (sp.minutes !== undefined) {
          tally.minutes[person.gender] += sp.minutes;
          tally.timed++;
        }
      }
    }
  }

  const delegations = delegationCounts(data, delegationMembers);
  const sessions: SessionSummary[] = [];
  const seenSessions = new Set<string>();
  for (const s of [...data.sessions].sort(compareSessions)) {
    if (seenSessions.has(s.sessionId)) continue;
    seenSessions.add(s.sessionId);
    const t = tallies.get(s.sessionId) as SessionTally;
    sessions.push({
      id: s.sessionId,
      date: s.date,
      start: s.start,
      end: s.end,
      title: s.title,
      kind: s.kind,
      attendees: {
        total: t.seen.size,
        byGender: t.all,
        womenShare: womenShare(t.all),
        byMode: { inPerson: breakdown(t.inPerson), online: breakdown(t.online) },
        byCategory: breakdowns(t.byCategory),
        headsOfDelegation: breakdown(t.heads),
      },
      speakers: t.speakers === null ? null : speakersSummary(t.speakers),
    });
  }

  const attendedGroup = { ...breakdown(attended), byCategory: breakdowns(attendedByCategory), byRole: breakdowns(attendedByRole) };
  const m = data.meeting;
  return {
    meeting: { code: m.code, title: m.title, venue: m.venue ?? null, city: m.city ?? null, startDate: m.startDate, endDate: m.endDate },
    headline: {
      attendees: attendedGroup.womenShare,
      headsOfDelegation: attendedGroup.byRole['Head of delegation'].womenShare,
      speakers: meetingSpeakers === null ? null : womenShare(meetingSpeakers.byGender),
    },
    sessions,
    participants: {
      registered: { ...breakdown(registered), byCategory: breakdowns(registeredByCategory), byRole: breakdowns(registeredByRole) },
      attended: attendedGroup,
      noShows: breakdown(noShows),
    },
    delegations,
    speakers: meetingSpeakers === null ? null : speakersSummary(meetingSpeakers),
  };
}

function personOf(p: ParticipantRow, categoryOf: ReadonlyMap<string, Category>): Person {
  return { gender: GENDER_KEY[p.gender], role: p.role, category: categoryOf.get(p.delegationId) };
}

/** Delegations that sent anyone (not cancelled): with a woman, headed by a woman, of men only. */
function delegationCounts(
  data: MeetingData,
  members: ReadonlyMap<string, { woman: boolean; nonMan: boolean; womanHead: boolean }>,
): DelegationCounts & { byCategory: Record<Category, DelegationCounts> } {
  const zero = (): DelegationCounts => ({ total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 });
  const all = zero();
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, DelegationCounts>;
  const done = new Set<string>();
  for (const d of data.delegations) {
    const m = members.get(d.delegationId);
    if (m === undefined || done.has(d.delegationId)) continue;
    done.add(d.delegationId);
    for (const c of [all, byCategory[d.category]]) {
      c.total++;
      if (m.woman) c.withWoman++;
      if (m.womanHead) c.womanHeaded++;
      if (!m.nonMan) c.menOnly++;
    }
  }
  return { ...all, byCategory };
}
