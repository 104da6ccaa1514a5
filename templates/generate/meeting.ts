// A seeded, synthetic but realistic ATT meeting: the CSP12 Informal Preparatory Meeting of the seed
// (its real sessions, agenda and deadlines) attended by fictional people, as plain rows per sheet.
// Pure and linear in the number of participants, so that scale 100 (~60,000 people) is quick.
import type { ClockTime, IsoDate, LocalDateTime } from '../contract/cells.js';
import type { Category, Gender, Mode, ParticipantStatus, Role } from '../contract/vocabulary.js';
import { CIVIL_SOCIETY, INDUSTRY, NAMES, OBSERVER_STATES, ORGANISATIONS, type Region, REGIONS, type RosterOrganisation, type RosterState, SIGNATORY_STATES, STATES_PARTIES } from './roster.js';

/** A cell of a generated row: text, a number, or a date/time in the contract's ISO forms. */
export type GeneratedValue = string | number | undefined;
export type GeneratedRow = Record<string, GeneratedValue>;

export interface GeneratedMeeting {
  /** Meeting fields keyed like MEETING_FIELDS. Dates are IsoDate text. */
  readonly meeting: Record<string, GeneratedValue>;
  readonly sessions: readonly GeneratedRow[];
  readonly agenda: readonly GeneratedRow[];
  readonly delegations: readonly GeneratedRow[];
  readonly participants: readonly GeneratedRow[];
  readonly attendance: readonly GeneratedRow[];
  readonly speakers: readonly GeneratedRow[];
  readonly submissions: readonly GeneratedRow[];
}

export interface GenerateOptions {
  readonly seed: number;
  /** 1 is the sample (~600 participants); 10 and 100 multiply the delegations and people. */
  readonly scale: number;
}

/**
 * The warnings planted on purpose, at scale 1 and in the first copy of the roster at other scales.
 * `validate` must report exactly these and nothing else.
 */
export const PLANTED = {
  lateRegistration: { participantId: 'P0007', registeredOn: '2026-05-25' },
  duplicatePerson: { delegationId: 'D-MEX' },
  twoHeads: { delegationId: 'D-NOR' },
  lateSubmission: { submissionId: 'WP5', receivedOn: '2026-05-19' },
} as const;

export const MEETING_INFO = {
  code: 'CSP12-PREP',
  title: 'CSP12 Informal Preparatory Meeting',
  venue: 'Centre International de Conférences Genève (CICG)',
  city: 'Geneva',
  startDate: '2026-05-27',
  endDate: '2026-05-28',
  timeZone: 'Europe/Zurich',
  registrationDeadline: '2026-05-22',
  workingPaperDeadline: '2026-05-13',
  documentsDate: '2026-04-29',
  livestream: 'Yes',
} as const;

const ROOM = 'CICG Room 2';

export const SESSIONS = [
  { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00', title: 'Progress reports of ATT subsidiary bodies', kind: 'Plenary', room: ROOM },
  { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00', title: 'Progress reports of ATT subsidiary bodies', kind: 'Plenary', room: ROOM },
  { sessionId: 'S3', date: '2026-05-28', start: '10:00', end: '13:00', title: 'CSP12 preparatory arrangements', kind: 'Plenary', room: ROOM },
  { sessionId: 'S4', date: '2026-05-28', start: '15:00', end: '18:00', title: 'CSP12 preparatory arrangements', kind: 'Plenary', room: ROOM },
] as const;

/** The agenda exactly as the draft schedule lists it, with the body presenting each item. */
export const AGENDA = [
  { itemId: 'A1', sessionId: 'S1', order: 1, title: 'Working Group on Effective Treaty Implementation (WGETI)', body: 'WGETI', document: 'ATT/CSP12.WGETI/2026/CHAIR/1' },
  { itemId: 'A2', sessionId: 'S1', order: 2, title: 'Working Group on Transparency and Reporting (WGTR)', body: 'WGTR', document: 'ATT/CSP12.WGTR/2026/CHAIR/1' },
  { itemId: 'A3', sessionId: 'S1', order: 3, title: 'Working Group on Treaty Universalization (WGTU)', body: 'WGTU', document: 'ATT/CSP12.WGTU/2026/CHAIR/1' },
  { itemId: 'A4', sessionId: 'S2', order: 1, title: 'Voluntary Trust Fund (VTF)', body: 'VTF', document: 'ATT/CSP12.VTF/2026/1' },
  { itemId: 'A5', sessionId: 'S2', order: 2, title: 'Management Committee (MC)', body: 'MC', document: 'ATT/CSP12.MC/2026/1' },
  { itemId: 'A6', sessionId: 'S3', order: 1, title: 'Overview of the implementation of other CSP11 decisions', body: 'Presidency', document: undefined },
  { itemId: 'A7', sessionId: 'S3', order: 2, title: 'Update on the development of a draft five-year strategy for the ATT', body: 'Presidency', document: 'ATT/CSP12/2026/PRES/1' },
  { itemId: 'A8', sessionId: 'S4', order: 1, title: 'Status of gender participation in ATT meetings', body: 'Secretariat', document: undefined },
  { itemId: 'A9', sessionId: 'S4', order: 2, title: "Update on the Gender Focal Points' survey on the preliminary workplan", body: 'Presidency', document: undefined },
  { itemId: 'A10', sessionId: 'S4', order: 3, title: 'Status of ATT finances', body: 'Secretariat', document: 'ATT/CSP12/2026/SEC/1' },
  { itemId: 'A11', sessionId: 'S4', order: 4, title: 'Consideration of the CSP12 draft agenda', body: 'Presidency', document: 'ATT/CSP12/2026/PRES/2' },
  { itemId: 'A12', sessionId: 'S4', order: 5, title: 'AOB', body: 'Presidency', document: undefined },
] as const;

/** Mulberry32: a small, fast, well-distributed 32-bit generator; the same seed gives the same meeting. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Draw {
  (): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function draws(seed: number): Draw {
  const next = randomSource(seed);
  const d = (() => next()) as Draw;
  d.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  d.pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  d.chance = (p) => next() < p;
  return d;
}

interface Delegation {
  readonly delegationId: string;
  readonly name: string;
  readonly category: Category;
  readonly countryCode?: string;
  readonly region?: Region;
  /** Domain of its people's fictional e-mail addresses (the reserved .example top-level domain). */
  readonly domain: string;
  readonly size: number;
}

interface Person {
  participantId: string;
  delegationId: string;
  title?: string;
  givenName: string;
  familyName: string;
  gender: Gender;
  role: Role;
  email: string;
  participation: Mode;
  registeredOn: IsoDate;
  status: ParticipantStatus;
}

/** Delegation sizes: States Parties send the largest delegations, organisations one to three people. */
function delegationSize(category: Category, d: Draw): number {
  switch (category) {
    case 'State Party': {
      const r = d();
      return r < 0.2 ? d.int(1, 2) : r < 0.75 ? d.int(3, 5) : r < 0.95 ? d.int(5, 7) : d.int(8, 14);
    }
    case 'Signatory State':
      return d.int(1, 3);
    case 'Observer State':
      return d.int(1, 3);
    case 'International or Regional Organization':
      return d.int(1, 3);
    default:
      return d.int(1, 4);
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function buildDelegations(scale: number, d: Draw): Delegation[] {
  const out: Delegation[] = [];
  for (let copy = 1; copy <= scale; copy++) {
    const suffix = copy === 1 ? '' : `-${copy}`;
    const nameSuffix = copy === 1 ? '' : ` (${copy})`;
    const state = (s: RosterState, category: Category) =>
      out.push({ delegationId: `D-${s.code}${suffix}`, name: `${s.name}${nameSuffix}`, category, countryCode: s.code, region: s.region, domain: `${s.code.toLowerCase()}${copy === 1 ? '' : copy}.mission.example`, size: delegationSize(category, d) });
    const org = (o: RosterOrganisation, category: Category) =>
      out.push({ delegationId: `D-${o.short}${suffix}`, name: `${o.name}${nameSuffix}`, category, domain: `${o.short.toLowerCase()}${copy === 1 ? '' : copy}.org.example`, size: delegationSize(category, d) });
    for (const s of STATES_PARTIES) state(s, 'State Party');
    for (const s of SIGNATORY_STATES) state(s, 'Signatory State');
    for (const s of OBSERVER_STATES) state(s, 'Observer State');
    for (const o of ORGANISATIONS) org(o, 'International or Regional Organization');
    for (const o of CIVIL_SOCIETY) org(o, 'Civil Society or NGO');
    for (const o of INDUSTRY) org(o, 'Industry');
  }
  return out;
}

/** Gender by role: about a third of delegates are women, fewer among heads of delegation. */
function drawGender(role: Role, d: Draw): Gender {
  const r = d();
  if (r < 0.015) return 'Not stated';
  if (r < 0.02) return 'Other';
  const women = role === 'Head of delegation' ? 0.25 : role === 'Deputy head of delegation' ? 0.33 : 0.37;
  return d() < women ? 'Woman' : 'Man';
}

function drawTitle(gender: Gender, role: Role, category: Category, d: Draw): string | undefined {
  if (role === 'Head of delegation' && category === 'State Party' && d.chance(0.3)) return 'H.E.';
  if (d.chance(0.08)) return 'Dr';
  if (gender === 'Woman') return 'Ms';
  if (gender === 'Man') return 'Mr';
  return d.chance(0.5) ? 'Mx' : undefined;
}

function roleOf(index: number, size: number, category: Category, d: Draw): Role {
  if (index === 0) return 'Head of delegation';
  if (index === 1 && size >= 3 && d.chance(0.7)) return 'Deputy head of delegation';
  if (category === 'Civil Society or NGO' || category === 'Industry' || category === 'Observer State') return d.chance(0.7) ? 'Observer' : 'Delegate';
  return d.chance(0.7) ? 'Delegate' : 'Adviser';
}

const DAY_MS = 86_400_000;

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, dd] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, dd) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Registration day: the invitation went out on 24 April; most people register in the last fortnight. */
function drawRegistration(d: Draw): IsoDate {
  const r = d();
  const daysBeforeDeadline = r < 0.6 ? d.int(0, 10) : r < 0.9 ? d.int(11, 20) : d.int(21, 28);
  return addDays(MEETING_INFO.registrationDeadline, -daysBeforeDeadline);
}

function minutesToClock(total: number): ClockTime {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function clockToMinutes(t: string): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Probability that a confirmed person attends a session, by session and mode: real rooms thin out. */
const PRESENCE: Record<string, Record<Mode, number>> = {
  S1: { 'In person': 0.97, Online: 0.9 },
  S2: { 'In person': 0.9, Online: 0.78 },
  S3: { 'In person': 0.93, Online: 0.84 },
  S4: { 'In person': 0.8, Online: 0.7 },
};

/**
 * Probability that a registered person never comes at all: without it nearly everyone attends at
 * least one of four sessions, and the registered-vs-attended figures would show almost no no-shows.
 */
const NO_SHOW: Record<Mode, number> = { 'In person': 0.06, Online: 0.12 };

const WORKING_PAPERS = [
  'Strengthening post-shipment cooperation between exporting and importing States',
  'Gender-based violence risk assessment under Article 7(4): practical guidance',
  'Voluntary national reporting: simplifying the annual report template',
  'Preventing diversion of small arms ammunition: a regional perspective',
  'Sustainability of the Voluntary Trust Fund: options for multi-year funding',
];

/** Generates the meeting. The same seed and scale always give the same rows. */
export function generateMeeting({ seed, scale }: GenerateOptions): GeneratedMeeting {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number of at least 1, got ${scale}`);
  const d = draws(seed);
  const delegations = buildDelegations(scale, d);

  const people: Person[] = [];
  const emails = new Set<string>();
  const everyone = new Set<string>();
  const duplicates = new Set<string>();
  let next = 1;
  for (const del of delegations) {
    const names = new Set<string>();
    const isFirstCopy = !del.delegationId.match(/-\d+$/);
    for (let i = 0; i < del.size; i++) {
      let role = roleOf(i, del.size, del.category, d);
      if (isFirstCopy && del.delegationId === PLANTED.twoHeads.delegationId && i === 1) role = 'Head of delegation';
      const gender = drawGender(role, d);
      // Organisations and NGOs draw their staff from every region; States mostly from their own.
      const region = del.region && d.chance(0.9) ? del.region : d.pick(REGIONS);
      const pool = NAMES[region];
      let givenName = '';
      let familyName = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        const womanName = gender === 'Woman' || (gender !== 'Man' && d.chance(0.5));
        givenName = d.pick(womanName ? pool.women : pool.men);
        familyName = d.pick(pool.family);
        // Unique within the delegation for sure, and across the meeting while the pools allow.
        if (!names.has(`${givenName} ${familyName}`) && (!everyone.has(`${givenName} ${familyName}`) || attempt >= 40)) break;
      }
      // Two people of one delegation with the same name would be reported as a probable duplicate.
      if (names.has(`${givenName} ${familyName}`)) familyName = `${familyName} ${d.pick(pool.family)}`;
      names.add(`${givenName} ${familyName}`);
      everyone.add(`${givenName} ${familyName}`);
      const local = `${slug(givenName).slice(0, 12)}.${slug(familyName).slice(0, 16)}`;
      let email = `${local}@${del.domain}`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${del.domain}`;
      emails.add(email);
      const participantId = `P${String(next++).padStart(4, '0')}`;
      const status: ParticipantStatus = role !== 'Head of delegation' && d.chance(0.03) ? 'Cancelled' : d.chance(0.72) ? 'Confirmed' : 'Registered';
      const participation: Mode = del.category === 'State Party' ? (d.chance(0.82) ? 'In person' : 'Online') : d.chance(0.7) ? 'In person' : 'Online';
      const title = drawTitle(gender, role, del.category, d);
      people.push({
        participantId,
        delegationId: del.delegationId,
        ...(title !== undefined ? { title } : {}),
        givenName,
        familyName,
        gender,
        role,
        email,
        participation,
        registeredOn: participantId === PLANTED.lateRegistration.participantId ? PLANTED.lateRegistration.registeredOn : drawRegistration(d),
        status,
      });
    }
    // The planted duplicate: a delegate registered twice, a week apart, with the same name and e-mail.
    if (isFirstCopy && del.delegationId === PLANTED.duplicatePerson.delegationId) {
      const original = people.find((p) => p.delegationId === del.delegationId && p.role !== 'Head of delegation' && p.status !== 'Cancelled')
        ?? people.find((p) => p.delegationId === del.delegationId);
      if (original) {
        people.push({ ...original, participantId: `P${String(next++).padStart(4, '0')}`, role: original.role === 'Head of delegation' ? 'Delegate' : original.role, status: 'Registered', registeredOn: addDays(original.registeredOn, -7) });
        duplicates.add(people[people.length - 1]!.participantId);
      }
    }
  }

  // Attendance: cancelled people never attend; the registered duplicate never attends twice.
  const attendance: GeneratedRow[] = [];
  const attendeesBySession = new Map<string, Person[]>(SESSIONS.map((s) => [s.sessionId, []]));
  for (const p of people) {
    if (p.status === 'Cancelled' || duplicates.has(p.participantId)) continue;
    // Registered but never confirmed people come a little less often than confirmed ones.
    const keen = p.status === 'Confirmed' ? 1 : 0.85;
    if (d.chance(NO_SHOW[p.participation])) continue;
    for (const s of SESSIONS) {
      if (!d.chance(PRESENCE[s.sessionId]![p.participation] * keen)) continue;
      const mode: Mode = p.participation === 'In person' && d.chance(0.03) ? 'Online' : p.participation;
      const start = clockToMinutes(s.start);
      const offset = d.chance(0.85) ? -d.int(0, 30) : d.int(1, 50);
      const checkedInAt: LocalDateTime | undefined = mode === 'Online' && d.chance(0.4) ? undefined : `${s.date}T${minutesToClock(start + offset)}`;
      attendance.push({ participantId: p.participantId, sessionId: s.sessionId, mode, checkedInAt });
      attendeesBySession.get(s.sessionId)!.push(p);
    }
  }

  // Speakers: mostly heads and deputies of States, a few organisations and NGOs; some untimed.
  const speakers: GeneratedRow[] = [];
  for (const s of SESSIONS) {
    const items = AGENDA.filter((a) => a.sessionId === s.sessionId);
    const present = attendeesBySession.get(s.sessionId)!;
    const senior = present.filter((p) => p.role === 'Head of delegation' || p.role === 'Deputy head of delegation');
    const count = Math.round((s.sessionId === 'S4' ? 22 : s.sessionId === 'S2' ? 26 : 34) * scale);
    for (let i = 0; i < count && present.length > 0; i++) {
      const p = senior.length > 0 && d.chance(0.85) ? d.pick(senior) : d.pick(present);
      const item = d.chance(0.85) ? d.pick(items).itemId : undefined;
      const minutes = d.chance(0.9) ? d.int(4, 16) / 2 : undefined;
      speakers.push({ sessionId: s.sessionId, itemId: item, participantId: p.participantId, minutes });
    }
  }

  // Submissions: working papers and an AOB on time, and one working paper after the deadline.
  const states = delegations.filter((x) => x.category === 'State Party');
  const submissions: GeneratedRow[] = [];
  for (let copy = 0; copy < scale; copy++) {
    const tag = copy === 0 ? '' : `-${copy + 1}`;
    for (let i = 0; i < WORKING_PAPERS.length; i++) {
      const late = copy === 0 && `WP${i + 1}` === PLANTED.lateSubmission.submissionId;
      submissions.push({
        submissionId: `WP${i + 1}${tag}`,
        delegationId: d.pick(states).delegationId,
        type: 'Working paper',
        title: WORKING_PAPERS[i],
        receivedOn: late ? PLANTED.lateSubmission.receivedOn : addDays(MEETING_INFO.workingPaperDeadline, -d.int(0, 12)),
      });
    }
    submissions.push({ submissionId: `AOB1${tag}`, delegationId: d.pick(states).delegationId, type: 'AOB', title: 'Dates and venue of the CSP13 preparatory cycle', receivedOn: addDays(MEETING_INFO.workingPaperDeadline, -d.int(0, 5)) });
  }

  return {
    meeting: { ...MEETING_INFO },
    sessions: SESSIONS.map((s) => ({ ...s })),
    agenda: AGENDA.map((a) => ({ ...a, status: 'Addressed' })),
    delegations: delegations.map((x) => ({ delegationId: x.delegationId, name: x.name, category: x.category, countryCode: x.countryCode })),
    participants: people.map((p) => ({ ...p })),
    attendance,
    speakers,
    submissions,
  };
}
