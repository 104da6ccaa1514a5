// The report's charts as plain Chart.js configurations built from the summary alone (aggregates,
// never rows), so no personal data can reach a chart. Data and options only; rendering is charts.ts.
import type { ChartConfiguration } from 'chart.js';
import { basisText, categoryFigures, countText, groupNote, NO_SHARE, SMALL_GROUP, SMALL_NOTE, type ShareFigure, shareText } from './core/figures.js';
import { CATEGORY_COLOURS, GENDER_PALETTE, SERIES_COLOURS } from './core/palette.js';
import type { GenderCounts, Summary } from './core/summary.js';

/** Every chart is drawn at this size: 16:9, sharp on a slide. */
export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;

export interface ChartSpec {
  /** File name without extension, such as `attendance-by-gender`. */
  readonly name: string;
  /** A caption for the Charts sheet and the brief. */
  readonly caption: string;
  readonly config: ChartConfiguration;
}

/**
 * Options the renderer's label plugin reads. The texts are worked out here, from the shared
 * figures module, so every label a chart prints can be read (and tested) from its configuration.
 */
export interface SegmentLabelOptions {
  readonly enabled: boolean;
  /** 'stacked': inside each segment; 'end': beyond the end of each bar; 'point': by each point of a line. */
  readonly mode: 'stacked' | 'end' | 'point';
  /** labels[dataset][index]: the lines of text for that bar or point; [] for none. */
  readonly labels: readonly (readonly (readonly string[])[])[];
}

const sessionLabel = (s: Summary['sessions'][number]): string[] => [s.id, `${s.date.slice(5)} ${s.start}`];
const percentAxis = { min: 0, max: 1, ticks: { callback: (v: string | number) => `${Math.round(Number(v) * 100)}%` } };
const SHARE_SUBTITLE = 'Share of women = women / (women + men + other); "not stated" never in the denominator.';

function title(summary: Summary, text: string) {
  return { display: true, text: `${summary.meeting.code}: ${text}` };
}

/**
 * The label of one stacked segment: "126 (30.5%)" for women, men and other, the percentage of
 * women + men + other (the share's denominator); only "12" for not stated, which is in no denominator.
 */
export function segmentLabel(c: GenderCounts, key: keyof GenderCounts): string[] {
  const v = c[key];
  if (v === 0) return [];
  if (key === 'notStated') return [countText(v)];
  const known = c.woman + c.man + c.other;
  return [`${countText(v)} (${shareText(v / known)})`];
}

/** A bar's axis label, with a last line "empty" when nobody is in it: an empty bar draws nothing, and must not read as a bar left out. */
export function barLabel(label: string | string[], c: GenderCounts): string | string[] {
  if (c.woman + c.man + c.other + c.notStated > 0) return label;
  return [...(typeof label === 'string' ? [label] : label), 'empty'];
}

function stackedByGender(summary: Summary, text: string, axisLabels: (string | string[])[], counts: GenderCounts[], horizontal = false): ChartConfiguration {
  const labels = axisLabels.map((l, i) => barLabel(l, counts[i]!));
  const segmentLabels: SegmentLabelOptions = { enabled: true, mode: 'stacked', labels: GENDER_PALETTE.map((g) => counts.map((c) => segmentLabel(c, g.key))) };
  return {
    type: 'bar',
    data: {
      labels,
      datasets: GENDER_PALETTE.map((g) => ({ label: g.label, data: counts.map((c) => c[g.key]), backgroundColor: g.colour, stack: 'people' })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } : { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { title: title(summary, text), subtitle: { display: true, text: ['Each segment: count (its share of women + men + other).', 'Not stated: count only, never in a share.'] }, legend: { position: 'bottom' }, segmentLabels } as never,
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
    caption: 'Attendees per session by gender (distinct people; each segment: count and its share of women + men + other)',
    config: stackedByGender(summary, 'attendees per session by gender', labels, sessions.map((s) => s.attendees.byGender)),
  });

  // One bar per category for the whole meeting, labelled with its count: "30.5% (163 of 507
  // attendees)", "n/a (no attendees)" for an empty category, so that empty never looks like 0%.
  const byCategory = categoryFigures(summary);
  specs.push({
    name: 'women-share-by-category',
    caption: `Share of women among the meeting's attendees, by delegation category (with counts; small groups marked)`,
    config: {
      type: 'bar',
      data: {
        labels: byCategory.map((c) => c.category),
        datasets: [{ label: 'Share of women', data: byCategory.map((c) => c.figure.share), backgroundColor: byCategory.map((_, i) => CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!) }],
      },
      options: {
        indexAxis: 'y',
        scales: { x: percentAxis },
        plugins: {
          title: title(summary, 'share of women among attendees by delegation category'),
          subtitle: { display: true, text: [SHARE_SUBTITLE, `Small group: fewer than ${SMALL_GROUP} women, men and other; ${NO_SHARE}: nobody of known gender.`] },
          legend: { display: false },
          segmentLabels: { enabled: true, mode: 'end', labels: [byCategory.map((c) => [categoryLabel(c.figure)])] } satisfies SegmentLabelOptions,
        } as never,
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

/** "50.0% (1 of 2 attendees), small group"; "n/a (no attendees)" for an empty category. */
function categoryLabel(f: ShareFigure): string {
  if (f.total === 0) return `${NO_SHARE} (no attendees)`;
  const base = `${shareText(f.share)} (${basisText(f, 'attendees')})`;
  return groupNote(f) === SMALL_NOTE ? `${base}, small group` : base;
}

/** A trend point's label: "32.6% (7,274/22,312)". */
const pointLabel = (f: ShareFigure): string => `${shareText(f.share)} (${countText(f.women)}/${countText(f.known)})`;

/** A point of the trend: one meeting's three shares with the counts they stand for. */
export interface TrendChartPoint {
  readonly code: string;
  readonly startDate: string;
  readonly attendees: ShareFigure;
  readonly headsOfDelegation: ShareFigure;
  /** Undefined when the meeting recorded no interventions. */
  readonly speakers: ShareFigure | undefined;
}

/** The headline shares across meetings, ordered by date, as a line chart labelled "30.5% (163/507)". */
export function trendSpec(points: readonly TrendChartPoint[]): ChartSpec {
  // Marker shapes and dashes differ too, so the lines are told apart without colour.
  const series = [
    { key: 'attendees', label: 'Women among attendees', pointStyle: 'circle', dash: [] },
    { key: 'headsOfDelegation', label: 'Women among heads of delegation who attended', pointStyle: 'rect', dash: [18, 8] },
    { key: 'speakers', label: 'Interventions by women', pointStyle: 'triangle', dash: [4, 6] },
  ] as const;
  const label = (f: ShareFigure | undefined): string[] => (f === undefined || f.share === null ? [] : [pointLabel(f)]);
  return {
    name: 'trend',
    caption: 'Share of women across meetings',
    config: {
      type: 'line',
      data: {
        // A meeting with none of the three shares draws nothing: its label says why.
        labels: points.map((p) => (series.some((s) => (p[s.key]?.share ?? null) !== null) ? [p.code, p.startDate] : [p.code, p.startDate, 'no share: nobody of known gender'])),
        datasets: series.map((s, i) => ({
          label: s.label,
          data: points.map((p) => p[s.key]?.share ?? null),
          borderColor: SERIES_COLOURS[i]!,
          backgroundColor: SERIES_COLOURS[i]!,
          borderWidth: 5,
          borderDash: [...s.dash],
          pointStyle: s.pointStyle,
          pointRadius: 11,
          spanGaps: true,
        })),
      },
      options: {
        scales: { x: { offset: true }, y: percentAxis },
        plugins: {
          segmentLabels: { enabled: true, mode: 'point', labels: series.map((s) => points.map((p) => label(p[s.key]))) } satisfies SegmentLabelOptions,
          subtitle: { display: true, text: ['Each point: share of women (women / women, men and other).', '"Not stated" is never in the denominator. A gap: no share at that meeting (nobody of known gender, or not recorded).'] },
          legend: { position: 'bottom', labels: { usePointStyle: true } },
          title: { display: true, text: points.length === 0 ? 'Share of women across meetings' : `Share of women across meetings, ${points[0]!.code} to ${points[points.length - 1]!.code}` },
        } as never,
      },
    },
  };
}

/**
 * The share of women among attendees by delegation category across meetings (one line per
 * category that had attendees in any meeting), each point labelled "33.2% (124/373)"; a category
 * with nobody of known gender at a meeting leaves a gap there, not a 0.
 */
export function trendByCategorySpec(points: readonly { code: string; startDate: string; byCategory: readonly { category: string; figure: ShareFigure }[] }[]): ChartSpec {
  const categories = (points[0]?.byCategory ?? []).map((c) => c.category).filter((c) => points.some((p) => (p.byCategory.find((x) => x.category === c)?.figure.known ?? 0) > 0));
  const DASHES = [[], [18, 8], [4, 6], [12, 4, 4, 4], [2, 4], [24, 6]];
  const STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
  const figure = (p: (typeof points)[number], c: string) => p.byCategory.find((x) => x.category === c)?.figure;
  return {
    name: 'trend-by-category',
    caption: 'Share of women among attendees by delegation category, across meetings',
    config: {
      type: 'line',
      data: {
        labels: points.map((p) => [p.code, p.startDate]),
        datasets: categories.map((c, i) => {
          const all = (points[0]?.byCategory ?? []).findIndex((x) => x.category === c);
          const colour = CATEGORY_COLOURS[all % CATEGORY_COLOURS.length]!;
          return { label: c, data: points.map((p) => figure(p, c)?.share ?? null), borderColor: colour, backgroundColor: colour, borderWidth: 4, borderDash: DASHES[i % DASHES.length]!, pointStyle: STYLES[i % STYLES.length] as never, pointRadius: 9, spanGaps: false };
        }),
      },
      options: {
        scales: { x: { offset: true }, y: percentAxis },
        plugins: {
          segmentLabels: { enabled: true, mode: 'point', labels: categories.map((c) => points.map((p) => { const f = figure(p, c); return f === undefined || f.share === null ? [] : [pointLabel(f)]; })) } satisfies SegmentLabelOptions,
          subtitle: { display: true, text: [SHARE_SUBTITLE, `A gap: nobody of known gender from that category at that meeting.`] },
          legend: { position: 'bottom', labels: { usePointStyle: true } },
          title: { display: true, text: 'Share of women among attendees by delegation category' },
        } as never,
      },
    },
  };
}
