// Renders chart configurations to PNG with Chart.js on @napi-rs/canvas, with a bundled font so
// that text renders on machines without system fonts, a white background and segment labels.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import { CHART_HEIGHT, CHART_WIDTH } from './chart-configs.js';
import { genderColour } from './core/palette.js';

export const FONT_FAMILY = 'DejaVu Sans';

let ready = false;

/** The DejaVu Sans file shipped by the dejavu-fonts-ttf package (also used by the brief). */
export function fontPath(bold = false): string {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  return path.join(dir, 'ttf', bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
}

const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** The smallest text any chart draws, in pixels: the brief places charts so this prints at 8 pt or more. */
export const MIN_FONT_PX = 20;
const LABEL_FONT_PX = 20;
const LINE_HEIGHT = 22;

/**
 * Draws the texts that chart-configs.ts worked out (options.labels[dataset][index], lines of text):
 * 'stacked' inside each segment big enough to hold them (the tables hold every figure), 'end'
 * beyond the end of each bar (also where a bar is missing: "n/a"), 'point' by each point of a line.
 */
const LABEL_GAP = 16;

/**
 * Where the labels at one x of a line chart go, so that they never print over each other, over
 * the title above the plot or over the axis labels below it. `points` come highest value first
 * (smallest y first), each with how many lines its label has. The lowest point's label goes under
 * it, on its own lines, when there is room above the plot's bottom; the others (all of them
 * otherwise) stack above the highest point, one line each, the highest value on top. A stack with
 * no room above the plot goes under the lowest point (and its label) instead, and where there is no
 * room there either, it starts at the plot's top. Returns the top of each label's first line.
 */
export function pointLabelPlaces(points: readonly { k: number; y: number; lines: number }[], area: { top: number; bottom: number }, lineHeight = LINE_HEIGHT, gap = LABEL_GAP): Map<number, { top: number; split: boolean }> {
  const out = new Map<number, { top: number; split: boolean }>();
  if (points.length === 0) return out;
  const lowest = points[points.length - 1]!;
  const under = points.length > 1 && lowest.y + gap + lowest.lines * lineHeight <= area.bottom;
  let below = lowest.y + gap;
  if (under) {
    out.set(lowest.k, { top: below, split: true });
    below += lowest.lines * lineHeight;
  }
  const stack = under ? points.slice(0, -1) : points;
  const height = stack.length * lineHeight;
  const highest = Math.min(...points.map((p) => p.y));
  let top = highest - gap - height;
  if (top < area.top) top = below + height <= area.bottom ? below : area.top;
  stack.forEach((p, rank) => out.set(p.k, { top: top + rank * lineHeight, split: false }));
  return out;
}

const segmentLabels: Plugin = {
  id: 'segmentLabels',
  afterDatasetsDraw(chart, _args, options: { enabled?: boolean; mode?: string; labels?: string[][][] }) {
    if (options.enabled !== true || options.labels === undefined) return;
    const labels = options.labels;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.font = `bold ${LABEL_FONT_PX}px "${FONT_FAMILY}"`;
    ctx.fillStyle = '#222222';
    chart.data.datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return;
      const meta = chart.getDatasetMeta(i);
      meta.data.forEach((el, j) => {
        const lines = labels[i]?.[j] ?? [];
        if (lines.length === 0) return;
        const bar = el as unknown as { x: number; y: number; base: number; width: number; height: number };
        if (options.mode === 'stacked') {
          const room = horizontal ? Math.abs(bar.x - bar.base) : Math.abs(bar.base - bar.y);
          const across = horizontal ? bar.height : bar.width;
          const fits = (ls: readonly string[]) => {
            const widest = Math.max(...ls.map((l) => ctx.measureText(l).width));
            return horizontal ? room >= widest + 8 && across >= ls.length * LINE_HEIGHT + 4 : across >= widest + 4 && room >= ls.length * LINE_HEIGHT + 4;
          };
          // "105 (28.2%)" on one line if it fits, else the count over the share, else nothing (the tables hold every figure).
          const split = lines.length === 1 && lines[0]!.includes(' (') ? [lines[0]!.slice(0, lines[0]!.indexOf(' (')), lines[0]!.slice(lines[0]!.indexOf(' (') + 1)] : null;
          const shown = fits(lines) ? lines : split !== null && fits(split) ? split : null;
          if (shown === null) return;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillStyle = ds.backgroundColor === genderColour('man') ? '#ffffff' : '#000000';
          const cx = horizontal ? (bar.x + bar.base) / 2 : bar.x;
          const cy = horizontal ? bar.y : (bar.y + bar.base) / 2;
          shown.forEach((line, k) => ctx.fillText(line, cx, cy + (k - (shown.length - 1) / 2) * LINE_HEIGHT));
        } else if (options.mode === 'end') {
          // A bar with no value (null) has no length: its label starts at the axis.
          const v = ds.data[j];
          ctx.fillStyle = '#222222';
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            const x = typeof v === 'number' ? bar.x : chart.scales.x!.getPixelForValue(0);
            const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
            // Past the plot's right edge, the label goes inside the bar's end, in white on the bar.
            const inside = x + 8 + widest > chart.chartArea.right && typeof v === 'number';
            ctx.textAlign = inside ? 'right' : 'left';
            if (inside) ctx.fillStyle = '#ffffff';
            lines.forEach((line, k) => ctx.fillText(line, inside ? x - 8 : x + 8, bar.y + (k - (lines.length - 1) / 2) * LINE_HEIGHT));
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            const y = typeof v === 'number' ? bar.y : chart.scales.y!.getPixelForValue(0);
            lines.forEach((line, k) => ctx.fillText(line, bar.x, y - 4 - (lines.length - 1 - k) * LINE_HEIGHT));
          }
        } else {
          // On a line chart, labels in their line's colour: the lowest value at a point below its
          // point, the others stacked above the highest point, highest on top, so that close
          // values never print over each other.
          const v = ds.data[j];
          if (typeof v !== 'number') return;
          const here = chart.data.datasets
            .map((other, k) => ({ k, v: other.data[j], el: chart.getDatasetMeta(k).data[j] as unknown as { y: number } | undefined }))
            .filter((o): o is { k: number; v: number; el: { y: number } } => typeof o.v === 'number' && o.el !== undefined && chart.isDatasetVisible(o.k) && (labels[o.k]?.[j]?.length ?? 0) > 0)
            .sort((a, b) => b.v - a.v || a.k - b.k);
          const place = pointLabelPlaces(
            here.map((o) => ({ k: o.k, y: o.el.y, lines: labels[o.k]![j]!.length })),
            chart.chartArea,
          ).get(i)!;
          ctx.fillStyle = String(ds.borderColor ?? '#222222');
          ctx.textAlign = 'center';
          ctx.textBaseline = 'top';
          if (place.split) lines.forEach((line, k) => ctx.fillText(line, bar.x, place.top + k * LINE_HEIGHT));
          else ctx.fillText(lines.join(' '), bar.x, place.top);
        }
      });
    });
    ctx.restore();
  },
};

function setUp(): void {
  if (ready) return;
  GlobalFonts.registerFromPath(fontPath(), FONT_FAMILY);
  GlobalFonts.registerFromPath(fontPath(true), FONT_FAMILY);
  Chart.register(...registerables, whiteBackground, segmentLabels);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 22;
  Chart.defaults.color = '#222222';
  Chart.defaults.plugins.title.font = { size: 34, weight: 'bold' };
  Chart.defaults.plugins.title.padding = { top: 10, bottom: 8 };
  Chart.defaults.plugins.subtitle.font = { size: MIN_FONT_PX };
  Chart.defaults.plugins.subtitle.padding = { top: 0, bottom: 20 };
  Chart.defaults.plugins.legend.labels.font = { size: 24 };
  Chart.defaults.plugins.legend.labels.boxWidth = 30;
  ready = true;
}

/** One chart as PNG bytes, CHART_WIDTH x CHART_HEIGHT pixels. */
export async function renderChart(config: ChartConfiguration, width = CHART_WIDTH, height = CHART_HEIGHT): Promise<Buffer> {
  setUp();
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1, layout: { padding: 24 } },
  } as ChartConfiguration);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
