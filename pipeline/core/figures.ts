// From a meeting Summary to what a reader sees: the one share, its rounding, its counts, its label
// and the tables of every output (report.xlsx, the add-in's Report sheet and Figures, the brief,
// the charts and the command line). Pure: no file, no DOM, no Office.js.
import { CATEGORIES, ROLES } from '../../templates/contract/index.js';
import { GENDER_PALETTE } from './palette.js';
import { womenShare } from './statistics.js';
import type { GenderBreakdown, GenderCounts, Summary } from './summary.js';

/** A group whose denominator (women + men + other) is under this is marked "small group". */
export const SMALL_GROUP = 10;
/** Shown wherever a share has no denominator (nobody of known gender): never 0%, never blank. */
export const NO_SHARE = 'n/a';
/** Shown for speaker figures when the workbook has no Speakers sheet: not recorded is not zero. */
export const NOT_RECORDED = 'not recorded';
export const SMALL_NOTE = `small group (n under ${SMALL_GROUP})`;
export const EMPTY_NOTE = 'empty: nobody in this group';
export const NO_KNOWN_NOTE = 'nobody of known gender';
const NONE_KNOWN = 'none of known gender';

/** One share of women and the counts it stands for. */
export interface ShareFigure {
  readonly women: number;
  /** The denominator: women + men + other. */
  readonly known: number;
  readonly notStated: number;
  /** Everyone in the group: known + not stated. */
  readonly total: number;
  /** women / known, between 0 and 1; null when known is 0. */
  readonly share: number | null;
}

/** The share figure of counts by gender: share = women / (women + men + other), "not stated" left out. */
export function shareFigure(c: GenderCounts): ShareFigure {
  const known = c.woman + c.man + c.other;
  return { women: c.woman, known, notStated: c.notStated, total: known + c.notStated, share: womenShare(c) };
}

/** The one rounding: a share between 0 and 1 as a percentage with one decimal (0.30473 -> 30.5). */
export function roundedPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** "30.5%"; "n/a" for no denominator (null); "not recorded" for a figure never recorded (undefined). */
export function shareText(share: number | null | undefined): string {
  if (share === undefined) return NOT_RECORDED;
  if (share === null) return NO_SHARE;
  return `${roundedPercent(share).toFixed(1)}%`;
}

/** en-GB thousands: 1,234. */
export function countText(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * What a share stands for: "163 of 507 attendees" (women of the denominator), "; 27 not stated" when
 * any. With nobody of known gender, "573 attendees, none of known gender": "0 of 0 attendees" read
 * as if nobody had come.
 */
export function basisText(f: ShareFigure, noun: string): string {
  if (f.known === 0 && f.notStated > 0) return `${countText(f.notStated)} ${noun}, ${NONE_KNOWN}`;
  const base = `${countText(f.women)} of ${countText(f.known)} ${noun}`;
  return f.notStated > 0 ? `${base}; ${countText(f.notStated)} not stated` : base;
}

/** The mark a group's share carries: empty, nobody of known gender, small (n under 10), or ''. */
export function groupNote(f: ShareFigure): string {
  if (f.total === 0) return EMPTY_NOTE;
  if (f.known === 0) return NO_KNOWN_NOTE;
  return f.known < SMALL_GROUP ? SMALL_NOTE : '';
}

/** "30.5% (163 of 507 attendees; 27 not stated; small group (n under 10))", as one line of text. */
export function figureText(f: ShareFigure | undefined, noun: string): string {
  if (f === undefined) return NOT_RECORDED;
  const note = groupNote(f);
  if (f.total === 0) return `${NO_SHARE} (no ${noun})`;
  return `${shareText(f.share)} (${basisText(f, noun)}${note !== '' && note !== NO_KNOWN_NOTE ? `; ${note}` : ''})`;
}

export type HeadlineKey = 'attendees' | 'headsOfDelegation' | 'speakers';

/** One of the three figures a reader looks for first. */
export interface Headline {
  readonly key: HeadlineKey;
  /** "Share of women among participants who attended at least one session". */
  readonly label: string;
  /** What is counted, as a plural noun for "163 of 507 ...". */
  readonly noun: string;
  /** The words under the share on a tile (the brief, the pane): "women among ...". */
  readonly tile: string;
  /** The short noun of the tile's counts: "163 of 507 attendees; 9 not stated". */
  readonly short: string;
  /** Undefined when not recorded (no Speakers sheet). */
  readonly figure: ShareFigure | undefined;
}

/**
 * A tile's counts: "163 of 507 attendees; 9 not stated", "; small group (n under 10)" when small;
 * "no interventions" for an empty group, "573 attendees, none of known gender"; "not recorded" without a figure.
 */
export function tileCounts(h: Headline): string {
  const f = h.figure;
  if (f === undefined) return `${NOT_RECORDED}: no Speakers sheet`;
  const note = groupNote(f);
  if (f.total === 0) return `no ${h.short}`;
  if (f.known === 0) return basisText(f, h.short);
  return `${countText(f.women)} of ${countText(f.known)} ${h.short}; ${countText(f.notStated)} not stated${note === SMALL_NOTE ? `; ${note}` : ''}`;
}

/** The three headline figures, in this order, from the summary's counts (the same as summary.headline). */
export function headlines(s: Summary): Headline[] {
  return [
    { key: 'attendees', label: 'Share of women among participants who attended at least one session', noun: 'attendees', tile: 'women among participants who attended at least one session', short: 'attendees', figure: shareFigure(s.participants.attended.byGender) },
    {
      key: 'headsOfDelegation',
      label: 'Share of women among heads of delegation who attended at least one session',
      noun: 'heads of delegation who attended',
      tile: 'women among heads of delegation who attended at least one session',
      short: 'heads',
      figure: shareFigure(s.participants.attended.byRole['Head of delegation'].byGender),
    },
    {
      key: 'speakers',
      label: 'Share of interventions (times a person took the floor) made by women',
      noun: 'interventions',
      tile: 'of interventions (times a person took the floor) made by women',
      short: 'interventions',
      figure: s.speakers === null ? undefined : shareFigure(s.speakers.byGender),
    },
  ];
}

/** How each figure is counted, in plain words: the Summary sheet's block and the brief's footnote. */
export const DEFINITIONS: readonly { readonly term: string; readonly meaning: string }[] = [
  { term: 'Share of women', meaning: 'women / (women + men + other). People whose gender is "not stated" are counted beside it, never in the denominator.' },
  { term: 'Attendee', meaning: 'a participant with at least one check-in for the session (or, for the meeting, for any session). Someone checked in twice is counted once.' },
  { term: 'Registered', meaning: 'every participant on the Participants sheet whose registration is not cancelled. Cancelled registrations count nowhere.' },
  { term: 'Did not attend', meaning: 'registered participants with no check-in for any session. Registered = attended + did not attend.' },
  { term: 'Head of delegation', meaning: 'a participant whose role is "Head of delegation". The headline counts those who attended at least one session.' },
  { term: 'Intervention', meaning: 'one row of the Speakers sheet: a person taking the floor once. Without a Speakers sheet these figures are "not recorded", not zero.' },
  { term: NO_SHARE, meaning: 'no share can be computed: nobody of known gender is in the group (an empty group is not 0%).' },
  { term: 'Small group', meaning: `fewer than ${SMALL_GROUP} women, men and other in the denominator: one person moves the share by more than 10 points.` },
  { term: 'Rounding', meaning: 'shares are shown with one decimal (30.5%); the cells hold the exact value.' },
];

export type CellKind = 'text' | 'count' | 'number' | 'share';
export interface FigureColumn {
  readonly header: string;
  readonly kind: CellKind;
}
/** A cell: a number or a text; null is a share with no denominator ("n/a"); undefined is "not recorded". */
export type FigureCell = string | number | null | undefined;

/** One table of figures, laid out once for report.xlsx and the add-in's Report sheet. */
export interface FigureTable {
  /** Its sheet in report.xlsx (at most 31 characters). */
  readonly sheet: string;
  readonly title: string;
  /** What the table counts and what it leaves out, in plain words. */
  readonly note: string;
  readonly columns: readonly FigureColumn[];
  readonly rows: readonly (readonly FigureCell[])[];
  /** The stacked column chart of the Report sheet: the first `columns` columns (a label and the
   *  gender counts in palette order) of the first `rows` rows; absent for no chart. */
  readonly chart?: { readonly columns: number; readonly rows: number };
}

/** How a cell reads as text: counts "1,234", shares "30.5%", null "n/a", undefined "not recorded". */
export function cellText(v: FigureCell, kind: CellKind): string {
  if (v === undefined) return NOT_RECORDED;
  if (v === null) return NO_SHARE;
  if (typeof v === 'string') return v;
  if (kind === 'share') return shareText(v);
  return kind === 'number' ? v.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : countText(v);
}

/** The gender headers in the palette's order. */
export const GENDER_HEADERS: readonly string[] = GENDER_PALETTE.map((g) => g.label);
const genderColumns: FigureColumn[] = [
  ...GENDER_HEADERS.map((header) => ({ header, kind: 'count' as const })),
  { header: 'Total', kind: 'count' },
  { header: 'Share of women', kind: 'share' },
  { header: 'Note', kind: 'text' },
];
/** Counts in palette order, the total, the share and its note: the cells under genderColumns. */
export function genderCells(b: GenderBreakdown | GenderCounts): FigureCell[] {
  const c = 'byGender' in b ? b.byGender : b;
  const f = shareFigure(c);
  return [...GENDER_PALETTE.map((g) => c[g.key]), f.total, f.share, groupNote(f)];
}

const GENDER_NOTE = 'Total = women + men + other + not stated. Share of women = women / (women + men + other).';

/** The Summary's block of headline figures: share, its counts and its note. */
export function headlineTable(s: Summary): FigureTable {
  return {
    sheet: 'Summary',
    title: 'Headline figures',
    note: GENDER_NOTE,
    columns: [
      { header: 'Figure', kind: 'text' },
      { header: 'Share of women', kind: 'share' },
      { header: 'Women', kind: 'count' },
      { header: 'Women, men and other (denominator)', kind: 'count' },
      { header: 'Not stated', kind: 'count' },
      { header: 'In words', kind: 'text' },
    ],
    rows: headlines(s).map((h) =>
      h.figure === undefined ? [h.label, undefined, undefined, undefined, undefined, NOT_RECORDED] : [h.label, h.figure.share, h.figure.women, h.figure.known, h.figure.notStated, figureText(h.figure, h.noun)],
    ),
  };
}

/** Every table of figures after the Summary, in report.xlsx's sheet order. */
export function figureTables(s: Summary): FigureTable[] {
  const p = s.participants;
  const d = s.delegations;
  const neither = (c: { total: number; withWoman: number; menOnly: number }) => c.total - c.withWoman - c.menOnly;
  const speakerCells = (label: string, sp: Summary['speakers']): FigureCell[] =>
    sp === null
      ? [label, ...GENDER_PALETTE.map(() => undefined), undefined, undefined, NOT_RECORDED, undefined, undefined, undefined]
      : [label, ...genderCells(sp.byGender), sp.minutes.total, sp.minutes.byGender.woman, sp.minutes.timedInterventions];
  return [
    {
      sheet: 'Sessions by gender',
      title: 'Attendance by session and gender',
      note: `Distinct attendees of each session. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, ...genderColumns, { header: 'Date', kind: 'text' }, { header: 'Start', kind: 'text' }, { header: 'End', kind: 'text' }, { header: 'Title', kind: 'text' }],
      rows: s.sessions.map((x) => [x.id, ...genderCells(x.attendees), x.date, x.start, x.end, x.title]),
      chart: { columns: 1 + GENDER_PALETTE.length, rows: s.sessions.length },
    },
    {
      sheet: 'By category',
      title: 'Attendance by session and delegation category',
      note: `Distinct attendees of each session by their delegation's category; the categories of a session add up to its total. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, { header: 'Category', kind: 'text' }, ...genderColumns],
      rows: s.sessions.flatMap((x) => CATEGORIES.map((c) => [x.id, c, ...genderCells(x.attendees.byCategory[c])])),
    },
    {
      sheet: 'By mode',
      title: 'Attendance by session and mode',
      note: `Each attendee of a session counted once, in the mode of their first check-in; in person + online = the session's total. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, { header: 'Mode', kind: 'text' }, ...genderColumns],
      rows: s.sessions.flatMap((x) => [
        [x.id, 'In person', ...genderCells(x.attendees.byMode.inPerson)],
        [x.id, 'Online', ...genderCells(x.attendees.byMode.online)],
      ]),
    },
    {
      sheet: 'By role',
      title: 'Heads of delegation and roles',
      note: `Per session: heads of delegation who attended it. Meeting: every role, registered (not cancelled) and attended (at least one session). ${GENDER_NOTE}`,
      columns: [{ header: 'Scope', kind: 'text' }, { header: 'Role', kind: 'text' }, ...genderColumns],
      rows: [
        ...s.sessions.map((x) => [`Session ${x.id}`, 'Head of delegation', ...genderCells(x.attendees.headsOfDelegation)]),
        ...ROLES.map((r) => ['Meeting: registered', r, ...genderCells(p.registered.byRole[r])]),
        ...ROLES.map((r) => ['Meeting: attended', r, ...genderCells(p.attended.byRole[r])]),
      ],
    },
    {
      sheet: 'Delegations',
      title: 'Delegations',
      note: 'Delegations with at least one registered participant (not cancelled). With at least one woman + men only + neither = delegations; "neither" have no woman and at least one participant of other or not-stated gender. Headed by a woman is part of "with at least one woman".',
      columns: [
        { header: 'Category', kind: 'text' },
        { header: 'Delegations', kind: 'count' },
        { header: 'With at least one woman', kind: 'count' },
        { header: 'Men only', kind: 'count' },
        { header: 'Neither (no woman, not men only)', kind: 'count' },
        { header: 'Headed by a woman', kind: 'count' },
      ],
      rows: [
        ...CATEGORIES.map((c) => {
          const x = d.byCategory[c];
          return [c, x.total, x.withWoman, x.menOnly, neither(x), x.womanHeaded];
        }),
        ['All delegations', d.total, d.withWoman, d.menOnly, neither(d), d.womanHeaded],
      ],
    },
    {
      sheet: 'Speakers',
      title: 'Interventions by session and gender',
      note:
        s.speakers === null
          ? 'The workbook has no Speakers sheet: interventions were not recorded (not zero).'
          : `Interventions (times a person took the floor) by the speaker's gender. Share of women = interventions by women / interventions by women, men and other. Minutes only where recorded.`,
      columns: [{ header: 'Session', kind: 'text' }, ...genderColumns, { header: 'Minutes', kind: 'number' }, { header: 'Minutes by women', kind: 'number' }, { header: 'Timed interventions', kind: 'count' }],
      rows: [...s.sessions.map((x) => speakerCells(x.id, x.speakers)), speakerCells('All sessions', s.speakers)],
      ...(s.speakers === null ? {} : { chart: { columns: 1 + GENDER_PALETTE.length, rows: s.sessions.length } }),
    },
    {
      sheet: 'Registered vs attended',
      title: 'Registered and attended, by gender',
      note: `Registered = attended + did not attend, in every row. Attended: at least one session. ${GENDER_NOTE}`,
      columns: [{ header: 'Group', kind: 'text' }, ...genderColumns],
      rows: [
        ['Registered', ...genderCells(p.registered)],
        ['Attended', ...genderCells(p.attended)],
        ['Did not attend', ...genderCells(p.noShows)],
        ...CATEGORIES.flatMap((c) => {
          const reg = p.registered.byCategory[c].byGender;
          const att = p.attended.byCategory[c].byGender;
          const no = { woman: reg.woman - att.woman, man: reg.man - att.man, other: reg.other - att.other, notStated: reg.notStated - att.notStated };
          return [
            [`Registered: ${c}`, ...genderCells(reg)],
            [`Attended: ${c}`, ...genderCells(att)],
            [`Did not attend: ${c}`, ...genderCells(no)],
          ];
        }),
      ],
      chart: { columns: 1 + GENDER_PALETTE.length, rows: 3 },
    },
  ];
}

/** The data-quality sentence of the brief, the Summary sheet and the pane, in plain words. */
export function dataQualityText(s: Summary): string {
  const base = `Counted from ${countText(s.participants.registered.total)} registered participants (cancelled registrations left out) and ${s.sessions.length} sessions.`;
  const q = s.dataQuality;
  if (q === undefined) return base;
  const left = q.leftOut.reduce((n, l) => n + l.count, 0);
  const parts = [base];
  if (left > 0) parts.push(`${countText(left)} ${left === 1 ? 'row' : 'rows'} of the workbook could not be read and ${left === 1 ? 'is' : 'are'} left out of every figure (${q.leftOut.filter((l) => l.count > 0).map((l) => `${l.sheet}: ${countText(l.count)}`).join(', ')}).`);
  else parts.push('Every row of the workbook is counted.');
  if (q.warnings > 0) parts.push(`The Secretariat has ${countText(q.warnings)} ${q.warnings === 1 ? 'point' : 'points'} to check, such as a late registration or a possible duplicate person; no row is removed for them.`);
  return parts.join(' ');
}

/** The share of women among the meeting's attendees by delegation category, each with its counts. */
export function categoryFigures(s: Summary): { category: string; figure: ShareFigure }[] {
  return CATEGORIES.map((c) => ({ category: c, figure: shareFigure(s.participants.attended.byCategory[c].byGender) }));
}
