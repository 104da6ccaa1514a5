// The report's charts as plain Chart.js configurations built from the summary alone (aggregates,
// never rows), so no personal data can reach a chart. Data and options only; rendering is charts.ts.
import type { ChartConfiguration } from 'chart.js';
import { CATEGORIES } from '../templates/contract/index.js';
import { GENDER_PALETTE, genderColour } from './core/palette.js';
import type { GenderCounts, Summary } from './core/summary.js';

/** Every chart is drawn at this size: 16:9, sharp on a slide. */
export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;

const CATEGORY_COLOURS = ['#56B4E9', '#D55E00', '#CC79A7', '#000000', '#F0E442', '#009E73'];

export interface ChartSpec {
  /** File name without extension, such as `attendance-by-gender`. */
  readonly name: string;
  /** A caption for the Charts sheet and the brief. */
  readonly caption: string;
  readonly config: ChartConfiguration;
}

/** Options the renderer's label plugin reads: write "n (p%)" inside each stacked segment. */
export interface SegmentLabelOptions {
  readonly enabled: boolean;
  /** 'stacked': "n (p%)" inside each segment; 'share': "p%" above each bar (0 is a value, too). */
  readonly mode?: 'stacked' | 'share';
  /** Decimals of the percentages in 'share' mode (default 0). */
  readonly decimals?: number;
}

const sessionLabel = (s: Summary['sessions'][number]): string[] => [s.id, `${s.date.slice(5)} ${s.start}`];
const percentAxis = { min: 0, max: 1, ticks: { callback: (v: string | number) => `${Math.round(Number(v) * 100)}%` } };

function title(summary: Summary, text: string) {
  return { display: true, text: `${summary.meeting.code}: ${text}` };
}

function stackedByGender(summary: Summary, text: string, labels: (string | string[])[], counts: GenderCounts[], horizontal = false): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: GENDER_PALETTE.map((g) => ({ label: g.label, data: counts.map((c) => c[g.key]), backgroundColor: g.colour, stack: 'people' })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } : { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { title: title(summary, text), legend: { position: 'bottom' }, segmentLabels: { enabled: true } } as never,
    },
  };
}

function sumCounts(list: GenderCounts[]): GenderCounts {
  const out = { woman: 0, man: 0, other: 0, notStated: 0 };
  for (const c of list) for (const g of GENDER_PALETTE) out[g.key] += c[g.key];
  return out;
}

/** The report's charts, in the order the Charts sheet shows them. */
export function chartSpecs(summary: Summary): ChartSpec[] {
  const sessions = summary.sessions;
  const labels = sessions.map(sessionLabel);
  const specs: ChartSpec[] = [];

  specs.push({
    name: 'attendance-by-gender',
    caption: 'Attendees per session by gender (distinct people; n and share of the session)',
    config: stackedByGender(summary, 'attendees per session by gender', labels, sessions.map((s) => s.attendees.byGender)),
  });

  const categories = CATEGORIES.filter((c) => sessions.some((s) => s.attendees.byCategory[c].total > 0));
  specs.push({
    name: 'women-share-by-category',
    caption: 'Share of women among attendees per session, by delegation category (not stated left out)',
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: categories.map((c, i) => ({
          label: c,
          data: sessions.map((s) => s.attendees.byCategory[c].womenShare),
          backgroundColor: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length],
        })),
      },
      options: {
        scales: { y: percentAxis },
        plugins: { title: title(summary, 'share of women per session by delegation category'), legend: { position: 'bottom' }, segmentLabels: { enabled: true, mode: 'share' } } as never,
      },
    },
  });

  const inPerson = sumCounts(sessions.map((s) => s.attendees.byMode.inPerson.byGender));
  const online = sumCounts(sessions.map((s) => s.attendees.byMode.online.byGender));
  specs.push({
    name: 'mode-by-gender',
    caption: 'In person and online attendance by gender (attendances summed over sessions)',
    config: stackedByGender(summary, 'in person vs online by gender (attendances over all sessions)', ['In person', 'Online'], [inPerson, online], true),
  });

  const heads = summary.participants;
  specs.push({
    name: 'heads-of-delegation',
    caption: 'Heads of delegation by gender: registered and attended',
    config: stackedByGender(
      summary,
      'heads of delegation by gender',
      ['Registered', 'Attended'],
      [heads.registered.byRole['Head of delegation'].byGender, heads.attended.byRole['Head of delegation'].byGender],
      true,
    ),
  });

  if (summary.speakers !== null) {
    specs.push({
      name: 'speakers-by-gender',
      caption: 'Interventions per session by gender of the speaker',
      config: stackedByGender(summary, 'interventions per session by gender', labels, sessions.map((s) => s.speakers?.byGender ?? sumCounts([]))),
    });
  }
  return specs;
}

/** The headline shares across meetings, ordered by date, as a line chart. */
export function trendSpec(points: readonly { code: string; startDate: string; attendees: number | null; headsOfDelegation: number | null; speakers: number | null }[]): ChartSpec {
  // Marker shapes and dashes differ too, so the lines are told apart without colour.
  const series = [
    { key: 'attendees', label: 'Women among attendees', colour: genderColour('woman'), pointStyle: 'circle', dash: [] },
    { key: 'headsOfDelegation', label: 'Women among heads of delegation', colour: '#0072B2', pointStyle: 'rect', dash: [18, 8] },
    { key: 'speakers', label: "Women's share of interventions", colour: '#009E73', pointStyle: 'triangle', dash: [4, 6] },
  ] as const;
  return {
    name: 'trend',
    caption: 'Share of women across meetings',
    config: {
      type: 'line',
      data: {
        labels: points.map((p) => [p.code, p.startDate]),
        datasets: series.map((s) => ({
          label: s.label,
          data: points.map((p) => p[s.key]),
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderWidth: 5,
          borderDash: [...s.dash],
          pointStyle: s.pointStyle,
          pointRadius: 11,
          spanGaps: true,
        })),
      },
      options: {
        scales: { x: { offset: true }, y: percentAxis },
        plugins: { segmentLabels: { enabled: true, mode: 'share', decimals: 1 }, legend: { position: 'bottom', labels: { usePointStyle: true } }, title: { display: true, text: points.length === 0 ? 'Share of women across meetings' : `Share of women across meetings, ${points[0]!.code} to ${points[points.length - 1]!.code}` } } as never,
      },
    },
  };
}
