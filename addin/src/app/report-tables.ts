// Turns a meeting Summary into the blocks of the Report sheet: titled tables of plain values, each
// with the columns its native chart plots. Pure: the Excel writer only places what this returns.
import type { Summary } from '../../../pipeline/core/statistics.js';
import { GENDER_PALETTE } from '../../../pipeline/core/palette.js';
import type { GenderCounts } from '../../../pipeline/core/summary.js';

export interface ReportBlock {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** How many leading columns (labels + gender counts) the block's stacked column chart plots; 0 for none. */
  readonly chartColumns: number;
  /** Columns holding a share between 0 and 1, shown as a percentage. */
  readonly shareColumns: readonly number[];
}

/** The gender columns, in the palette's order, so each native chart series takes the palette's colour. */
export const GENDER_HEADERS: readonly string[] = GENDER_PALETTE.map((g) => g.label);

/** The counts in the same palette order as GENDER_HEADERS, so a header can never sit over another gender's count. */
function genders(c: GenderCounts): number[] {
  return GENDER_PALETTE.map((g) => c[g.key]);
}

/** A share for a cell: empty when there is no denominator, never 0 in its place. */
function share(v: number | null): number | string {
  return v === null ? '' : v;
}

export function reportBlocks(summary: Summary): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  blocks.push({
    title: 'Attendance by session and gender',
    header: ['Session', ...GENDER_HEADERS, 'Total', 'Share of women', 'Date', 'Title'],
    rows: summary.sessions.map((s) => [s.id, ...genders(s.attendees.byGender), s.attendees.total, share(s.attendees.womenShare), s.date, s.title]),
    chartColumns: 5,
    shareColumns: [6],
  });
  const p = summary.participants;
  blocks.push({
    title: 'Registered and attended, by gender',
    header: ['Group', ...GENDER_HEADERS, 'Total', 'Share of women'],
    rows: [
      ['Registered', ...genders(p.registered.byGender), p.registered.total, share(p.registered.womenShare)],
      ['Attended', ...genders(p.attended.byGender), p.attended.total, share(p.attended.womenShare)],
      ['Did not attend', ...genders(p.noShows.byGender), p.noShows.total, share(p.noShows.womenShare)],
    ],
    chartColumns: 5,
    shareColumns: [6],
  });
  const d = summary.delegations;
  blocks.push({
    title: 'Delegations',
    header: ['Delegations', 'Count'],
    rows: [
      ['With at least one participant', d.total],
      ['With at least one woman', d.withWoman],
      ['Headed by a woman', d.womanHeaded],
      ['Of men only', d.menOnly],
    ],
    chartColumns: 0,
    shareColumns: [],
  });
  if (summary.speakers !== null) {
    const rows = summary.sessions.flatMap((s) => (s.speakers ? [[s.id, ...genders(s.speakers.byGender), s.speakers.interventions, share(s.speakers.womenShare)]] : []));
    blocks.push({
      title: 'Interventions by session and gender',
      header: ['Session', ...GENDER_HEADERS, 'Interventions', 'Share by women'],
      rows,
      chartColumns: rows.length > 0 ? 5 : 0,
      shareColumns: [6],
    });
  }
  return blocks;
}
