// The one gender palette of every figure: the pipeline's PNG charts, the Report sheet's native
// charts and the task pane's Chart.js charts all take their colours from here, so a figure looks
// the same wherever it is seen. Okabe-Ito, safe for the common colour-vision deficiencies. Pure.
import type { GenderCounts } from './summary.js';

export interface GenderColour {
  readonly key: keyof GenderCounts;
  /** How a chart's legend and a table's header name the series. */
  readonly label: string;
  /** `#RRGGBB`, as Chart.js, CSS and Excel's ChartFill.setSolidColor all accept it. */
  readonly colour: string;
}

/** Women, men, other, not stated: always in this order, always these colours. */
export const GENDER_PALETTE: readonly GenderColour[] = [
  { key: 'woman', label: 'Women', colour: '#E69F00' },
  { key: 'man', label: 'Men', colour: '#0072B2' },
  { key: 'other', label: 'Other', colour: '#009E73' },
  { key: 'notStated', label: 'Not stated', colour: '#999999' },
];

/** The colour of one gender's series. */
export function genderColour(key: keyof GenderCounts): string {
  return GENDER_PALETTE.find((g) => g.key === key)!.colour;
}

/**
 * Delegation categories, when a chart colours them: none is a gender colour, nor close to one in
 * normal or red-green colour-deficient vision (test/report/figures-everywhere.test.ts measures it).
 * Vermillion, black and sky blue from Okabe-Ito; indigo and wine from Paul Tol's schemes; a dark
 * olive in place of Okabe-Ito's yellow, which is unreadable as label text on white.
 */
export const CATEGORY_COLOURS: readonly string[] = ['#332288', '#D55E00', '#882255', '#000000', '#807000', '#56B4E9'];

/** Lines of a trend chart (shares of women of three kinds): not gender colours either. */
export const SERIES_COLOURS: readonly string[] = ['#000000', '#882255', '#332288'];
