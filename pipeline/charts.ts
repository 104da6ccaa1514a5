// Renders chart configurations to PNG with Chart.js on @napi-rs/canvas, with a bundled font so
// that text renders on machines without system fonts, a white background and segment labels.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { type BarElement, Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import { CHART_HEIGHT, CHART_WIDTH } from './chart-configs.js';

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

/** Writes "n (p%)" inside each stacked segment big enough to hold it; p is of the bar's total. */
const segmentLabels: Plugin = {
  id: 'segmentLabels',
  afterDatasetsDraw(chart, _args, options: { enabled?: boolean; mode?: string; decimals?: number }) {
    if (options.enabled !== true) return;
    const { ctx } = chart;
    if (options.mode === 'share') {
      drawShareLabels(chart, options.decimals ?? 0);
      return;
    }
    const datasets = chart.data.datasets;
    const totals: number[] = [];
    datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return;
      ds.data.forEach((v, j) => {
        totals[j] = (totals[j] ?? 0) + (typeof v === 'number' ? v : 0);
      });
    });
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.font = `bold 20px "${FONT_FAMILY}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return;
      chart.getDatasetMeta(i).data.forEach((el, j) => {
        const v = ds.data[j];
        const total = totals[j] ?? 0;
        if (typeof v !== 'number' || v <= 0 || total <= 0) return;
        const bar = el as unknown as BarElement & { x: number; y: number; base: number; width: number; height: number };
        const n = String(v);
        const p = `(${Math.round((v / total) * 100)}%)`;
        // Along the bar's length is `room`, across it `across`; one line "n (p%)" if it fits,
        // else n over p%, else nothing (the tables hold every figure).
        const room = horizontal ? Math.abs(bar.x - bar.base) : Math.abs(bar.base - bar.y);
        const across = horizontal ? bar.height : bar.width;
        const along = horizontal ? (w: number) => room >= w + 8 : () => true;
        const wide = horizontal ? () => true : (w: number) => across >= w + 4;
        const lineHeight = 22;
        const heightFits = (lines: number) => (horizontal ? across : room) >= lines * lineHeight + 4;
        const one = ctx.measureText(`${n} ${p}`).width;
        const two = Math.max(ctx.measureText(n).width, ctx.measureText(p).width);
        const lines = along(one) && wide(one) && heightFits(1) ? [`${n} ${p}`] : along(two) && wide(two) && heightFits(2) ? [n, p] : [];
        const cx = horizontal ? (bar.x + bar.base) / 2 : bar.x;
        const cy = horizontal ? bar.y : (bar.y + bar.base) / 2;
        ctx.fillStyle = ds.backgroundColor === '#0072B2' || ds.backgroundColor === '#000000' ? '#ffffff' : '#000000';
        lines.forEach((line, k) => ctx.fillText(line, cx, cy + (k - (lines.length - 1) / 2) * lineHeight));
      });
    });
    ctx.restore();
  },
};

/** "p%" just above each bar of a share chart, so a share of 0 reads differently from no data. */
function drawShareLabels(chart: Chart, decimals: number): void {
  const { ctx } = chart;
  ctx.save();
  ctx.font = `bold 18px "${FONT_FAMILY}"`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = '#222222';
  chart.data.datasets.forEach((ds, i) => {
    if (!chart.isDatasetVisible(i)) return;
    chart.getDatasetMeta(i).data.forEach((el, j) => {
      const v = ds.data[j];
      if (typeof v !== 'number') return;
      const at = el as unknown as { x: number; y: number };
      const text = `${(v * 100).toFixed(decimals)}%`;
      if (chart.getDatasetMeta(i).type !== 'line') {
        ctx.fillText(text, at.x, at.y - 4);
        return;
      }
      // On a line chart the lowest value at a point is labelled below it, the others above, so
      // that close values do not print over each other.
      const lowest = chart.data.datasets.every((other, k) => k === i || typeof other.data[j] !== 'number' || (other.data[j] as number) > v || ((other.data[j] as number) === v && k > i));
      ctx.textBaseline = lowest ? 'top' : 'bottom';
      ctx.fillText(text, at.x, lowest ? at.y + 16 : at.y - 16);
    });
  });
  ctx.restore();
}

function setUp(): void {
  if (ready) return;
  GlobalFonts.registerFromPath(fontPath(), FONT_FAMILY);
  GlobalFonts.registerFromPath(fontPath(true), FONT_FAMILY);
  Chart.register(...registerables, whiteBackground, segmentLabels);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 22;
  Chart.defaults.color = '#222222';
  Chart.defaults.plugins.title.font = { size: 34, weight: 'bold' };
  Chart.defaults.plugins.title.padding = { top: 10, bottom: 24 };
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
