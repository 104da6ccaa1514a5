// The figures every output shows (report.xlsx, the add-in's Report sheet and Figures, the brief, the
// charts, the command line), checked in memory against a small hand-made meeting Summary: each
// share, its rounding, the counts it stands for, its note and its wording. Every expected value is
// worked out by hand in the comments and written out literally.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category, ROLES, type Role } from '../../templates/contract/index.js';
import {
  basisText,
  categoryFigures,
  cellText,
  countText,
  DEFINITIONS,
  dataQualityText,
  figureTables,
  figureText,
  genderCells,
  groupNote,
  type Headline,
  headlines,
  headlineTable,
  roundedPercent,
  type ShareFigure,
  shareFigure,
  shareText,
  tileCounts,
} from './figures.js';
import type { GenderBreakdown, GenderCounts, SpeakersSummary, Summary } from './summary.js';

// --- Building the inputs (the expected values below never come from these helpers) ---

const g = (woman: number, man: number, other: number, notStated: number): GenderCounts => ({ woman, man, other, notStated });
/** A breakdown as statistics.ts writes it. figures.ts reads only its byGender. */
const bd = (w: number, m: number, o: number, ns: number): GenderBreakdown => ({ total: w + m + o + ns, byGender: g(w, m, o, ns), womenShare: w + m + o === 0 ? null : w / (w + m + o) });
const byCategory = (given: Partial<Record<Category, GenderBreakdown>>) => Object.fromEntries(CATEGORIES.map((c) => [c, given[c] ?? bd(0, 0, 0, 0)])) as Record<Category, GenderBreakdown>;
const byRole = (given: Partial<Record<Role, GenderBreakdown>>) => Object.fromEntries(ROLES.map((r) => [r, given[r] ?? bd(0, 0, 0, 0)])) as Record<Role, GenderBreakdown>;
const fig = (women: number, known: number, notStated: number): ShareFigure => ({ women, known, notStated, total: known + notStated, share: known === 0 ? null : women / known });

// S1: 4 women, 4 men, 1 not stated took the floor 9 times; 20.5 minutes over 7 timed interventions.
const s1Speakers: SpeakersSummary = { interventions: 9, byGender: g(4, 4, 0, 1), womenShare: 0.5, minutes: { total: 20.5, byGender: { woman: 8.5, man: 10, other: 0, notStated: 2 }, timedInterventions: 7 } };
const noInterventions: SpeakersSummary = { interventions: 0, byGender: g(0, 0, 0, 0), womenShare: null, minutes: { total: 0, byGender: g(0, 0, 0, 0), timedInterventions: 0 } };

/**
 * Two sessions. S1: 12 women, 20 men, 1 other, 3 not stated (in person 10/15/1/2, online 2/5/0/1;
 * State Party 8/14/0/1, Civil Society 4/6/1/2; heads 3/5/0/0). S2: two people of unstated gender (one
 * Civil Society, one of an unknown delegation), nobody spoke.
 * Registered: 15/25/1/6 = 47 (State Party 10/18/0/2, Civil Society 5/7/1/3; heads 4/6/0/0, deputies
 * 1/2/0/0, delegates 8/15/1/5, advisers 2/2/0/1). Attended: 12/20/1/5 = 38 (State Party 8/14/0/2,
 * Civil Society 4/6/1/2; heads 3/5/0/0, deputies 1/1/0/0, delegates 6/13/1/4, advisers 2/1/0/1).
 * Delegations: 9 (State Party 5: 4 with a woman, 1 men only, 2 headed by a woman; Civil Society 4:
 * 2 with a woman, 1 men only, 1 headed by a woman).
 */
function meetingSummary(withSpeakers = true): Summary {
  return {
    meeting: { code: 'CSP-X', title: 'Test meeting', venue: null, city: 'Geneva', startDate: '2026-08-24', endDate: '2026-08-25' },
    headline: { attendees: 12 / 33, headsOfDelegation: 3 / 8, speakers: withSpeakers ? 0.5 : null },
    sessions: [
      {
        id: 'S1',
        date: '2026-08-24',
        start: '10:00',
        end: '13:00',
        title: 'Opening',
        kind: 'Plenary',
        attendees: {
          total: 36,
          byGender: g(12, 20, 1, 3),
          womenShare: 12 / 33,
          byMode: { inPerson: bd(10, 15, 1, 2), online: bd(2, 5, 0, 1) },
          byCategory: byCategory({ 'State Party': bd(8, 14, 0, 1), 'Civil Society or NGO': bd(4, 6, 1, 2) }),
          headsOfDelegation: bd(3, 5, 0, 0),
        },
        speakers: withSpeakers ? s1Speakers : null,
      },
      {
        id: 'S2',
        date: '2026-08-25',
        start: '15:00',
        end: '17:30',
        title: 'Closing',
        kind: 'Side event',
        attendees: {
          total: 2,
          byGender: g(0, 0, 0, 2),
          womenShare: null,
          byMode: { inPerson: bd(0, 0, 0, 2), online: bd(0, 0, 0, 0) },
          byCategory: byCategory({ 'Civil Society or NGO': bd(0, 0, 0, 1) }),
          headsOfDelegation: bd(0, 0, 0, 0),
        },
        speakers: withSpeakers ? noInterventions : null,
      },
    ],
    participants: {
      registered: {
        ...bd(15, 25, 1, 6),
        byCategory: byCategory({ 'State Party': bd(10, 18, 0, 2), 'Civil Society or NGO': bd(5, 7, 1, 3) }),
        byRole: byRole({ 'Head of delegation': bd(4, 6, 0, 0), 'Deputy head of delegation': bd(1, 2, 0, 0), Delegate: bd(8, 15, 1, 5), Adviser: bd(2, 2, 0, 1) }),
      },
      attended: {
        ...bd(12, 20, 1, 5),
        byCategory: byCategory({ 'State Party': bd(8, 14, 0, 2), 'Civil Society or NGO': bd(4, 6, 1, 2) }),
        byRole: byRole({ 'Head of delegation': bd(3, 5, 0, 0), 'Deputy head of delegation': bd(1, 1, 0, 0), Delegate: bd(6, 13, 1, 4), Adviser: bd(2, 1, 0, 1) }),
      },
      noShows: bd(3, 5, 0, 1),
    },
    delegations: {
      total: 9,
      withWoman: 6,
      womanHeaded: 3,
      menOnly: 2,
      byCategory: {
        'State Party': { total: 5, withWoman: 4, womanHeaded: 2, menOnly: 1 },
        'Signatory State': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'Observer State': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'International or Regional Organization': { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
        'Civil Society or NGO': { total: 4, withWoman: 2, womanHeaded: 1, menOnly: 1 },
        Industry: { total: 0, withWoman: 0, womanHeaded: 0, menOnly: 0 },
      },
    },
    speakers: withSpeakers ? s1Speakers : null,
  };
}

const SMALL = 'small group (n under 10)';
const EMPTY = 'empty: nobody in this group';
const NO_KNOWN = 'nobody of known gender';
/** The cells of an empty group: no counts, no total, no share, its note. */
const EMPTY_CELLS = [0, 0, 0, 0, 0, null, EMPTY];
const GENDER_COLUMNS = [
  { header: 'Women', kind: 'count' },
  { header: 'Men', kind: 'count' },
  { header: 'Other', kind: 'count' },
  { header: 'Not stated', kind: 'count' },
  { header: 'Total', kind: 'count' },
  { header: 'Share of women', kind: 'share' },
  { header: 'Note', kind: 'text' },
];
const GENDER_NOTE = 'Total = women + men + other + not stated. Share of women = women / (women + men + other).';

describe('one share and its counts', () => {
  it('the share of women leaves "not stated" out of the denominator but counts it in the total', () => {
    // 163 + 340 + 4 = 507 known; 507 + 27 = 534 in all; 163 / 507.
    expect(shareFigure(g(163, 340, 4, 27))).toEqual({ women: 163, known: 507, notStated: 27, total: 534, share: 163 / 507 });
    // Other is in the denominator: 2 / (2 + 1 + 1).
    expect(shareFigure(g(2, 1, 1, 0))).toEqual({ women: 2, known: 4, notStated: 0, total: 4, share: 0.5 });
  });

  it('a group of nobody of known gender has no share (null), never 0%', () => {
    expect(shareFigure(g(0, 0, 0, 5))).toEqual({ women: 0, known: 0, notStated: 5, total: 5, share: null });
    expect(shareFigure(g(0, 0, 0, 0))).toEqual({ women: 0, known: 0, notStated: 0, total: 0, share: null });
  });

  it('rounds a share to a percentage with one decimal, half up', () => {
    expect(roundedPercent(0.30473)).toBe(30.5);
    expect(roundedPercent(0.30449)).toBe(30.4);
    expect(roundedPercent(1 / 3)).toBe(33.3);
    expect(roundedPercent(2 / 3)).toBe(66.7);
    expect(roundedPercent(0)).toBe(0);
    expect(roundedPercent(1)).toBe(100);
  });

  it('writes a share as "30.5%", one decimal always; no denominator is "n/a"; never recorded is "not recorded"', () => {
    expect(shareText(0.30473)).toBe('30.5%');
    expect(shareText(0.5)).toBe('50.0%');
    expect(shareText(1)).toBe('100.0%');
    expect(shareText(0)).toBe('0.0%');
    expect(shareText(163 / 507)).toBe('32.1%');
    expect(shareText(null)).toBe('n/a');
    expect(shareText(undefined)).toBe('not recorded');
  });

  it('writes counts with en-GB thousands separators', () => {
    expect(countText(1234567)).toBe('1,234,567');
    expect(countText(999)).toBe('999');
    expect(countText(0)).toBe('0');
  });

  it('says what a share stands for: women of the denominator, and the not stated beside it when any', () => {
    expect(basisText(fig(163, 507, 27), 'attendees')).toBe('163 of 507 attendees; 27 not stated');
    expect(basisText(fig(163, 507, 0), 'attendees')).toBe('163 of 507 attendees');
    expect(basisText(fig(1200, 2500, 1500), 'attendees')).toBe('1,200 of 2,500 attendees; 1,500 not stated');
  });

  it('with nobody of known gender it counts the people instead of saying "0 of 0"', () => {
    expect(basisText(fig(0, 0, 573), 'attendees')).toBe('573 attendees, none of known gender');
    expect(basisText(fig(0, 0, 1234), 'heads')).toBe('1,234 heads, none of known gender');
    // Nobody at all: there is nothing else to say.
    expect(basisText(fig(0, 0, 0), 'heads')).toBe('0 of 0 heads');
  });

  it('marks a group empty, of nobody of known gender, or small when under 10 women, men and other', () => {
    expect(groupNote(fig(0, 0, 0))).toBe(EMPTY);
    expect(groupNote(fig(0, 0, 3))).toBe(NO_KNOWN);
    expect(groupNote(fig(2, 9, 0))).toBe(SMALL);
    expect(groupNote(fig(2, 10, 0))).toBe('');
    // The denominator decides, not everyone in the group: 9 known and 5 not stated is small.
    expect(groupNote(fig(0, 9, 5))).toBe(SMALL);
    expect(groupNote(fig(0, 10, 0))).toBe('');
  });
});

describe('a figure in one line of words', () => {
  it('gives the share, its counts and the small-group mark', () => {
    expect(figureText(fig(163, 507, 27), 'attendees')).toBe('32.1% (163 of 507 attendees; 27 not stated)');
    expect(figureText(fig(1, 5, 1), 'attendees')).toBe('20.0% (1 of 5 attendees; 1 not stated; small group (n under 10))');
    expect(figureText(fig(3, 8, 0), 'heads of delegation who attended')).toBe('37.5% (3 of 8 heads of delegation who attended; small group (n under 10))');
    expect(figureText(fig(0, 12, 0), 'attendees')).toBe('0.0% (0 of 12 attendees)');
  });

  it('an empty group is "n/a (no ...)", nobody of known gender is "n/a" with the people counted, no figure is "not recorded"', () => {
    expect(figureText(fig(0, 0, 0), 'interventions')).toBe('n/a (no interventions)');
    expect(figureText(fig(0, 0, 3), 'attendees')).toBe('n/a (3 attendees, none of known gender)');
    expect(figureText(undefined, 'interventions')).toBe('not recorded');
  });

  it('a tile says the counts under the share, not stated always, the small-group mark when small', () => {
    const tile = (figure: ShareFigure | undefined, short: string): Headline => ({ key: 'attendees', label: 'L', noun: 'N', tile: 'T', short, figure });
    expect(tileCounts(tile(fig(1, 5, 1), 'attendees'))).toBe('1 of 5 attendees; 1 not stated; small group (n under 10)');
    expect(tileCounts(tile(fig(163, 507, 0), 'attendees'))).toBe('163 of 507 attendees; 0 not stated');
    expect(tileCounts(tile(fig(1200, 2500, 1500), 'heads'))).toBe('1,200 of 2,500 heads; 1,500 not stated');
    expect(tileCounts(tile(fig(0, 0, 573), 'attendees'))).toBe('573 attendees, none of known gender');
    expect(tileCounts(tile(fig(0, 0, 0), 'interventions'))).toBe('no interventions');
    expect(tileCounts(tile(undefined, 'interventions'))).toBe('not recorded: no Speakers sheet');
  });
});

describe('a cell as text', () => {
  it('reads counts, numbers and shares each their own way', () => {
    expect(cellText(1234, 'count')).toBe('1,234');
    expect(cellText(1234.56, 'count')).toBe('1,234.56');
    expect(cellText(1234.56, 'number')).toBe('1,234.6');
    expect(cellText(20, 'number')).toBe('20');
    expect(cellText(0.30473, 'share')).toBe('30.5%');
    expect(cellText(0.5, 'share')).toBe('50.0%');
    expect(cellText(1234, 'text')).toBe('1,234');
  });

  it('keeps a text as it is, a missing share as "n/a" and an unrecorded figure as "not recorded"', () => {
    expect(cellText('Opening', 'text')).toBe('Opening');
    expect(cellText('12', 'count')).toBe('12');
    expect(cellText(null, 'share')).toBe('n/a');
    expect(cellText(undefined, 'count')).toBe('not recorded');
  });

  it('a text stays text and a missing share stays "n/a" whatever the column\'s kind', () => {
    expect(cellText('not recorded', 'share')).toBe('not recorded');
    expect(cellText('Head of delegation', 'number')).toBe('Head of delegation');
    expect(cellText(null, 'count')).toBe('n/a');
    expect(cellText(null, 'number')).toBe('n/a');
    expect(cellText(undefined, 'share')).toBe('not recorded');
  });

  it('lays out a group as women, men, other, not stated, total, share and note, from counts or a breakdown', () => {
    expect(genderCells(bd(12, 20, 1, 3))).toEqual([12, 20, 1, 3, 36, 12 / 33, '']);
    expect(genderCells(g(0, 0, 0, 2))).toEqual([0, 0, 0, 2, 2, null, NO_KNOWN]);
    expect(genderCells(g(2, 5, 0, 1))).toEqual([2, 5, 0, 1, 8, 2 / 7, SMALL]);
    expect(genderCells(g(0, 0, 0, 0))).toEqual(EMPTY_CELLS);
  });
});

describe('the headline figures', () => {
  it('are attendees, heads who attended and interventions, in this order, with their words', () => {
    expect(headlines(meetingSummary())).toStrictEqual([
      {
        key: 'attendees',
        label: 'Share of women among participants who attended at least one session',
        noun: 'attendees',
        tile: 'women among participants who attended at least one session',
        short: 'attendees',
        // Attended 12 / 20 / 1 / 5: 12 of 33, 38 in all.
        figure: { women: 12, known: 33, notStated: 5, total: 38, share: 12 / 33 },
      },
      {
        key: 'headsOfDelegation',
        label: 'Share of women among heads of delegation who attended at least one session',
        noun: 'heads of delegation who attended',
        tile: 'women among heads of delegation who attended at least one session',
        short: 'heads',
        // Heads who attended: 3 women, 5 men (not the 4 and 6 registered).
        figure: { women: 3, known: 8, notStated: 0, total: 8, share: 0.375 },
      },
      {
        key: 'speakers',
        label: 'Share of interventions (times a person took the floor) made by women',
        noun: 'interventions',
        tile: 'of interventions (times a person took the floor) made by women',
        short: 'interventions',
        figure: { women: 4, known: 8, notStated: 1, total: 9, share: 0.5 },
      },
    ]);
  });

  it('without a Speakers sheet the interventions are not recorded, not zero', () => {
    const [attendees, heads, speakers] = headlines(meetingSummary(false));
    expect(attendees!.figure).toEqual({ women: 12, known: 33, notStated: 5, total: 38, share: 12 / 33 });
    expect(heads!.figure).toEqual({ women: 3, known: 8, notStated: 0, total: 8, share: 0.375 });
    expect(speakers!.key).toBe('speakers');
    expect(speakers!.figure).toBeUndefined();
  });

  it('the Summary block gives each share as a number, its counts and the same figure in words', () => {
    const columns = [
      { header: 'Figure', kind: 'text' },
      { header: 'Share of women', kind: 'share' },
      { header: 'Women', kind: 'count' },
      { header: 'Women, men and other (denominator)', kind: 'count' },
      { header: 'Not stated', kind: 'count' },
      { header: 'In words', kind: 'text' },
    ];
    expect(headlineTable(meetingSummary())).toStrictEqual({
      sheet: 'Summary',
      title: 'Headline figures',
      note: GENDER_NOTE,
      columns,
      rows: [
        // 12 / 33 = 36.36...% -> 36.4%; 33 known is not small.
        ['Share of women among participants who attended at least one session', 12 / 33, 12, 33, 5, '36.4% (12 of 33 attendees; 5 not stated)'],
        ['Share of women among heads of delegation who attended at least one session', 0.375, 3, 8, 0, '37.5% (3 of 8 heads of delegation who attended; small group (n under 10))'],
        ['Share of interventions (times a person took the floor) made by women', 0.5, 4, 8, 1, '50.0% (4 of 8 interventions; 1 not stated; small group (n under 10))'],
      ],
    });
    expect(headlineTable(meetingSummary(false)).rows[2]).toStrictEqual(['Share of interventions (times a person took the floor) made by women', undefined, undefined, undefined, undefined, 'not recorded']);
  });

  it('the share of women among attendees by delegation category, every category in the contract\'s order', () => {
    const none = { women: 0, known: 0, notStated: 0, total: 0, share: null };
    expect(categoryFigures(meetingSummary())).toEqual([
      { category: 'State Party', figure: { women: 8, known: 22, notStated: 2, total: 24, share: 8 / 22 } },
      { category: 'Signatory State', figure: none },
      { category: 'Observer State', figure: none },
      { category: 'International or Regional Organization', figure: none },
      { category: 'Civil Society or NGO', figure: { women: 4, known: 11, notStated: 2, total: 13, share: 4 / 11 } },
      { category: 'Industry', figure: none },
    ]);
  });
});

describe('the tables of figures after the Summary', () => {
  const tables = () => figureTables(meetingSummary());
  const table = (sheet: string, withSpeakers = true) => figureTables(meetingSummary(withSpeakers)).find((t) => t.sheet === sheet)!;

  it('come in report.xlsx\'s sheet order', () => {
    expect(tables().map((t) => `${t.sheet}: ${t.title}`)).toEqual([
      'Sessions by gender: Attendance by session and gender',
      'By category: Attendance by session and delegation category',
      'By mode: Attendance by session and mode',
      'By role: Heads of delegation and roles',
      'Delegations: Delegations',
      'Speakers: Interventions by session and gender',
      'Registered vs attended: Registered and attended, by gender',
    ]);
  });

  it('sessions by gender: each session\'s distinct attendees with its date, times and title, charted', () => {
    expect(table('Sessions by gender')).toStrictEqual({
      sheet: 'Sessions by gender',
      title: 'Attendance by session and gender',
      note: `Distinct attendees of each session. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, ...GENDER_COLUMNS, { header: 'Date', kind: 'text' }, { header: 'Start', kind: 'text' }, { header: 'End', kind: 'text' }, { header: 'Title', kind: 'text' }],
      rows: [
        // 12 + 20 + 1 + 3 = 36; 12 / 33.
        ['S1', 12, 20, 1, 3, 36, 12 / 33, '', '2026-08-24', '10:00', '13:00', 'Opening'],
        ['S2', 0, 0, 0, 2, 2, null, NO_KNOWN, '2026-08-25', '15:00', '17:30', 'Closing'],
      ],
      // The session label and the four gender counts, of both sessions.
      chart: { columns: 5, rows: 2 },
    });
  });

  it('by category: every category of every session, in the contract\'s order', () => {
    expect(table('By category')).toStrictEqual({
      sheet: 'By category',
      title: 'Attendance by session and delegation category',
      note: `Distinct attendees of each session by their delegation's category; the categories of a session add up to its total. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, { header: 'Category', kind: 'text' }, ...GENDER_COLUMNS],
      rows: [
        // 8 / (8 + 14) = 8 / 22; 23 in all.
        ['S1', 'State Party', 8, 14, 0, 1, 23, 8 / 22, ''],
        ['S1', 'Signatory State', ...EMPTY_CELLS],
        ['S1', 'Observer State', ...EMPTY_CELLS],
        ['S1', 'International or Regional Organization', ...EMPTY_CELLS],
        // 4 / (4 + 6 + 1) = 4 / 11: 11 known, not small.
        ['S1', 'Civil Society or NGO', 4, 6, 1, 2, 13, 4 / 11, ''],
        ['S1', 'Industry', ...EMPTY_CELLS],
        ['S2', 'State Party', ...EMPTY_CELLS],
        ['S2', 'Signatory State', ...EMPTY_CELLS],
        ['S2', 'Observer State', ...EMPTY_CELLS],
        ['S2', 'International or Regional Organization', ...EMPTY_CELLS],
        ['S2', 'Civil Society or NGO', 0, 0, 0, 1, 1, null, NO_KNOWN],
        ['S2', 'Industry', ...EMPTY_CELLS],
      ],
    });
  });

  it('by mode: in person then online for each session', () => {
    expect(table('By mode')).toStrictEqual({
      sheet: 'By mode',
      title: 'Attendance by session and mode',
      note: `Each attendee of a session counted once, in the mode of their first check-in; in person + online = the session's total. ${GENDER_NOTE}`,
      columns: [{ header: 'Session', kind: 'text' }, { header: 'Mode', kind: 'text' }, ...GENDER_COLUMNS],
      rows: [
        ['S1', 'In person', 10, 15, 1, 2, 28, 10 / 26, ''],
        // 2 + 5 = 7 known: small.
        ['S1', 'Online', 2, 5, 0, 1, 8, 2 / 7, SMALL],
        ['S2', 'In person', 0, 0, 0, 2, 2, null, NO_KNOWN],
        ['S2', 'Online', ...EMPTY_CELLS],
      ],
    });
  });

  it('by role: heads who attended each session, then every role registered and attended', () => {
    expect(table('By role')).toStrictEqual({
      sheet: 'By role',
      title: 'Heads of delegation and roles',
      note: `Per session: heads of delegation who attended it. Meeting: every role, registered (not cancelled) and attended (at least one session). ${GENDER_NOTE}`,
      columns: [{ header: 'Scope', kind: 'text' }, { header: 'Role', kind: 'text' }, ...GENDER_COLUMNS],
      rows: [
        ['Session S1', 'Head of delegation', 3, 5, 0, 0, 8, 3 / 8, SMALL],
        ['Session S2', 'Head of delegation', ...EMPTY_CELLS],
        // 4 + 6 = 10 known: exactly 10 is not small.
        ['Meeting: registered', 'Head of delegation', 4, 6, 0, 0, 10, 0.4, ''],
        ['Meeting: registered', 'Deputy head of delegation', 1, 2, 0, 0, 3, 1 / 3, SMALL],
        ['Meeting: registered', 'Delegate', 8, 15, 1, 5, 29, 8 / 24, ''],
        ['Meeting: registered', 'Adviser', 2, 2, 0, 1, 5, 0.5, SMALL],
        ['Meeting: registered', 'Observer', ...EMPTY_CELLS],
        ['Meeting: attended', 'Head of delegation', 3, 5, 0, 0, 8, 3 / 8, SMALL],
        ['Meeting: attended', 'Deputy head of delegation', 1, 1, 0, 0, 2, 0.5, SMALL],
        // 6 / (6 + 13 + 1) = 0.3.
        ['Meeting: attended', 'Delegate', 6, 13, 1, 4, 24, 0.3, ''],
        ['Meeting: attended', 'Adviser', 2, 1, 0, 1, 4, 2 / 3, SMALL],
        ['Meeting: attended', 'Observer', ...EMPTY_CELLS],
      ],
    });
  });

  it('delegations: with a woman + men only + neither = all, per category and in all', () => {
    expect(table('Delegations')).toStrictEqual({
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
        // 5 - 4 - 1 = 0 neither.
        ['State Party', 5, 4, 1, 0, 2],
        ['Signatory State', 0, 0, 0, 0, 0],
        ['Observer State', 0, 0, 0, 0, 0],
        ['International or Regional Organization', 0, 0, 0, 0, 0],
        // 4 - 2 - 1 = 1 neither.
        ['Civil Society or NGO', 4, 2, 1, 1, 1],
        ['Industry', 0, 0, 0, 0, 0],
        // 9 - 6 - 2 = 1 neither.
        ['All delegations', 9, 6, 2, 1, 3],
      ],
    });
  });

  it('speakers: interventions and minutes by session and for all sessions, charted', () => {
    expect(table('Speakers')).toStrictEqual({
      sheet: 'Speakers',
      title: 'Interventions by session and gender',
      note: "Interventions (times a person took the floor) by the speaker's gender. Share of women = interventions by women / interventions by women, men and other. Minutes only where recorded.",
      columns: [{ header: 'Session', kind: 'text' }, ...GENDER_COLUMNS, { header: 'Minutes', kind: 'number' }, { header: 'Minutes by women', kind: 'number' }, { header: 'Timed interventions', kind: 'count' }],
      rows: [
        // 4 / (4 + 4) = 0.5 of 9 interventions; 20.5 minutes, 8.5 by women, 7 timed.
        ['S1', 4, 4, 0, 1, 9, 0.5, SMALL, 20.5, 8.5, 7],
        ['S2', ...EMPTY_CELLS, 0, 0, 0],
        ['All sessions', 4, 4, 0, 1, 9, 0.5, SMALL, 20.5, 8.5, 7],
      ],
      chart: { columns: 5, rows: 2 },
    });
  });

  it('speakers without a Speakers sheet: every figure not recorded, and no chart', () => {
    const notRecorded = (label: string) => [label, undefined, undefined, undefined, undefined, undefined, undefined, 'not recorded', undefined, undefined, undefined];
    const t = table('Speakers', false);
    expect(t).toStrictEqual({
      sheet: 'Speakers',
      title: 'Interventions by session and gender',
      note: 'The workbook has no Speakers sheet: interventions were not recorded (not zero).',
      columns: [{ header: 'Session', kind: 'text' }, ...GENDER_COLUMNS, { header: 'Minutes', kind: 'number' }, { header: 'Minutes by women', kind: 'number' }, { header: 'Timed interventions', kind: 'count' }],
      rows: [notRecorded('S1'), notRecorded('S2'), notRecorded('All sessions')],
    });
    expect('chart' in t).toBe(false);
  });

  it('registered vs attended: registered = attended + did not attend, for the meeting and each category', () => {
    expect(table('Registered vs attended')).toStrictEqual({
      sheet: 'Registered vs attended',
      title: 'Registered and attended, by gender',
      note: `Registered = attended + did not attend, in every row. Attended: at least one session. ${GENDER_NOTE}`,
      columns: [{ header: 'Group', kind: 'text' }, ...GENDER_COLUMNS],
      rows: [
        ['Registered', 15, 25, 1, 6, 47, 15 / 41, ''],
        ['Attended', 12, 20, 1, 5, 38, 12 / 33, ''],
        ['Did not attend', 3, 5, 0, 1, 9, 3 / 8, SMALL],
        ['Registered: State Party', 10, 18, 0, 2, 30, 10 / 28, ''],
        ['Attended: State Party', 8, 14, 0, 2, 24, 8 / 22, ''],
        // 10 - 8, 18 - 14, 0 - 0, 2 - 2.
        ['Did not attend: State Party', 2, 4, 0, 0, 6, 2 / 6, SMALL],
        ['Registered: Signatory State', ...EMPTY_CELLS],
        ['Attended: Signatory State', ...EMPTY_CELLS],
        ['Did not attend: Signatory State', ...EMPTY_CELLS],
        ['Registered: Observer State', ...EMPTY_CELLS],
        ['Attended: Observer State', ...EMPTY_CELLS],
        ['Did not attend: Observer State', ...EMPTY_CELLS],
        ['Registered: International or Regional Organization', ...EMPTY_CELLS],
        ['Attended: International or Regional Organization', ...EMPTY_CELLS],
        ['Did not attend: International or Regional Organization', ...EMPTY_CELLS],
        ['Registered: Civil Society or NGO', 5, 7, 1, 3, 16, 5 / 13, ''],
        ['Attended: Civil Society or NGO', 4, 6, 1, 2, 13, 4 / 11, ''],
        // 5 - 4, 7 - 6, 1 - 1, 3 - 2.
        ['Did not attend: Civil Society or NGO', 1, 1, 0, 1, 3, 0.5, SMALL],
        ['Registered: Industry', ...EMPTY_CELLS],
        ['Attended: Industry', ...EMPTY_CELLS],
        ['Did not attend: Industry', ...EMPTY_CELLS],
      ],
      // Registered, attended, did not attend: label and four gender counts.
      chart: { columns: 5, rows: 3 },
    });
  });
});

describe('the data-quality sentence', () => {
  const withQuality = (dataQuality: Summary['dataQuality'], registered = 47): Summary => {
    const s = meetingSummary();
    return { ...s, participants: { ...s.participants, registered: { ...s.participants.registered, total: registered } }, dataQuality };
  };
  const base = 'Counted from 47 registered participants (cancelled registrations left out) and 2 sessions.';

  it('says only what was counted when the summary has no validation (the add-in\'s)', () => {
    expect(dataQualityText(meetingSummary())).toBe(base);
  });

  it('says every row is counted when none was left out and nothing is to check', () => {
    expect(dataQualityText(withQuality({ errors: 0, warnings: 0, leftOut: [] }))).toBe(`${base} Every row of the workbook is counted.`);
    // A sheet listed with nothing left out is nothing left out.
    expect(dataQualityText(withQuality({ errors: 0, warnings: 0, leftOut: [{ sheet: 'Attendance', count: 0, reasons: [] }] }))).toBe(`${base} Every row of the workbook is counted.`);
  });

  it('counts the rows left out over the sheets that lost any, and the points to check', () => {
    const q = { errors: 2, warnings: 3, leftOut: [{ sheet: 'Attendance', count: 2, reasons: ['unknown-reference'] }, { sheet: 'Speakers', count: 0, reasons: [] }, { sheet: 'Participants', count: 1, reasons: ['empty-required'] }] };
    expect(dataQualityText(withQuality(q))).toBe(
      `${base} 3 rows of the workbook could not be read and are left out of every figure (Attendance: 2, Participants: 1). The Secretariat has 3 points to check, such as a late registration or a possible duplicate person; no row is removed for them.`,
    );
  });

  it('says "one row ... is" and "one point" in the singular', () => {
    const q = { errors: 1, warnings: 1, leftOut: [{ sheet: 'Participants', count: 1, reasons: ['empty-required'] }] };
    expect(dataQualityText(withQuality(q))).toBe(
      `${base} 1 row of the workbook could not be read and is left out of every figure (Participants: 1). The Secretariat has 1 point to check, such as a late registration or a possible duplicate person; no row is removed for them.`,
    );
  });

  it('writes large counts with thousands separators; points to check alone leave every row counted', () => {
    expect(dataQualityText(withQuality({ errors: 0, warnings: 2000, leftOut: [] }, 1234))).toBe(
      'Counted from 1,234 registered participants (cancelled registrations left out) and 2 sessions. Every row of the workbook is counted. The Secretariat has 2,000 points to check, such as a late registration or a possible duplicate person; no row is removed for them.',
    );
    expect(dataQualityText(withQuality({ errors: 1500, warnings: 0, leftOut: [{ sheet: 'Attendance', count: 1500, reasons: ['unknown-reference'] }] }, 1234))).toBe(
      'Counted from 1,234 registered participants (cancelled registrations left out) and 2 sessions. 1,500 rows of the workbook could not be read and are left out of every figure (Attendance: 1,500).',
    );
  });
});

describe('how each figure is counted, in plain words', () => {
  it('defines every term a reader meets, in the order of the Summary sheet\'s block', () => {
    expect(DEFINITIONS.map((d) => d.term)).toEqual(['Share of women', 'Attendee', 'Registered', 'Did not attend', 'Head of delegation', 'Intervention', 'n/a', 'Small group', 'Rounding']);
    expect(DEFINITIONS[0]!.meaning).toBe('women / (women + men + other). People whose gender is "not stated" are counted beside it, never in the denominator.');
    expect(DEFINITIONS[7]!.meaning).toBe('fewer than 10 women, men and other in the denominator: one person moves the share by more than 10 points.');
    expect(DEFINITIONS[8]!.meaning).toBe('shares are shown with one decimal (30.5%); the cells hold the exact value.');
  });
});
