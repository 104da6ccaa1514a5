// Turns a meeting Summary into the blocks of the Report sheet: the same tables, columns, labels and
// notes as report.xlsx (pipeline/core/figures.ts lays them out once). Pure: the Excel writer only
// places what this returns.
import { cellText, type FigureTable, figureTables, GENDER_HEADERS, headlineTable } from '../../../pipeline/core/figures.js';
import type { Summary } from '../../../pipeline/core/summary.js';

export { GENDER_HEADERS };

export interface ReportBlock {
  readonly title: string;
  readonly header: readonly string[];
  /** Numbers stay numbers; a share with no denominator is "n/a", a figure never recorded "not recorded". */
  readonly rows: readonly (readonly (string | number)[])[];
  /** How many leading columns (a label and the gender counts in palette order) the block's stacked column chart plots; 0 for none. */
  readonly chartColumns: number;
  /** How many leading rows that chart plots. */
  readonly chartRows: number;
  /** Columns holding a share between 0 and 1, shown as a percentage. */
  readonly shareColumns: readonly number[];
}

/** The report.xlsx tables the Report sheet shows, by their sheet in report.xlsx. */
const BLOCKS = ['Sessions by gender', 'Registered vs attended', 'Delegations', 'Speakers'];

function block(t: FigureTable): ReportBlock {
  return {
    title: t.title,
    header: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => t.columns.map((c, i) => {
      const v = r[i];
      return typeof v === 'number' ? v : cellText(v, c.kind);
    })),
    chartColumns: t.chart?.columns ?? 0,
    chartRows: t.chart?.rows ?? 0,
    shareColumns: t.columns.flatMap((c, i) => (c.kind === 'share' ? [i] : [])),
  };
}

/** The headline figures with their counts, then attendance, registered vs attended, delegations and (when recorded) interventions. */
export function reportBlocks(summary: Summary): ReportBlock[] {
  const tables = figureTables(summary);
  const picked = BLOCKS.flatMap((name) => tables.filter((t) => t.sheet === name && !(name === 'Speakers' && summary.speakers === null)));
  return [block(headlineTable(summary)), ...picked.map(block)];
}
