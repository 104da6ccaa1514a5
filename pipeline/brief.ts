// Builds brief.pdf: one A4 page for the President's office with the meeting, the three headline
// shares, two charts and a line on data quality. Aggregates only; pdfkit, in memory.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { fontPath } from './charts.js';
import { dataQualityText, headlines, NOT_RECORDED, shareText, tileCounts } from './core/figures.js';
import type { Summary } from './core/summary.js';
import type { RenderedChart } from './report-workbook.js';

/** The charts the brief shows, by name, in this order. */
export const BRIEF_CHARTS = ['attendance-by-gender', 'heads-of-delegation'] as const;
/** Where the brief places a chart: its width on the page, in points (1/72 inch). */
export const BRIEF_CHART_POINTS = 430;
/**
 * The pixel size the brief's charts are drawn at: 960 px over 430 pt puts 2.23 px in a point, so
 * the charts' smallest text (charts.ts MIN_FONT_PX, 20 px) prints at 9 pt on A4 (at least 8 asked).
 */
export const BRIEF_CHART_WIDTH = 960;
export const BRIEF_CHART_HEIGHT = 540;

const INK = '#222222';
const MUTED = '#555555';
const ACCENT = '#1F4E79';

/**
 * The chart as an opaque JPEG: pdfkit splits a PNG's alpha channel asynchronously, which numbers
 * the PDF's objects in a different order from run to run; a JPEG is embedded as it is.
 */
async function opaque(png: Buffer): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return canvas.encode('jpeg', 95);
}

/** The brief as PDF bytes. `charts` are drawn in the order given; the first two are used. */
export async function buildBrief(summary: Summary, charts: readonly RenderedChart[], generatedOn: string): Promise<Buffer> {
  const images = await Promise.all(charts.slice(0, 2).map((c) => opaque(c.png)));
  const m = summary.meeting;
  // The dates are fixed from the meeting, so that two runs on one workbook give the same file.
  const fixed = new Date(`${m.startDate}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `${m.code}: gender-disaggregated attendance`, Author: 'ATT Secretariat', Producer: 'att-meetings', Creator: 'att-meetings', CreationDate: fixed, ModDate: fixed },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Body', fontPath());
  doc.registerFont('Bold', fontPath(true));
  const left = 40;
  const width = doc.page.width - 80;

  doc.font('Bold').fontSize(9).fillColor(MUTED).text('ARMS TRADE TREATY SECRETARIAT · BRIEF FOR THE PRESIDENT', left, 36, { width, characterSpacing: 0.5 });
  doc.font('Bold').fontSize(20).fillColor(ACCENT).text(m.code, left, 52, { width });
  doc.font('Body').fontSize(11).fillColor(INK).text(m.title, { width });
  const when = m.startDate === m.endDate ? m.startDate : `${m.startDate} to ${m.endDate}`;
  doc.fontSize(9.5).fillColor(MUTED).text([when, m.venue, m.city].filter((x): x is string => x !== null && x !== '').join(' · '), { width });

  // The three headline shares, large, each with the counts it stands for and its "not stated".
  const top = doc.y + 12;
  const boxW = (width - 20) / 3;
  const tileH = 104;
  headlines(summary).forEach((h, i) => {
    const x = left + i * (boxW + 10);
    const f = h.figure;
    doc.roundedRect(x, top, boxW, tileH, 6).fillColor('#F2F5F9').fill();
    doc.font('Bold').fontSize(f === undefined ? 16 : 26).fillColor(ACCENT).text(f === undefined ? NOT_RECORDED : shareText(f.share), x, top + (f === undefined ? 14 : 8), { width: boxW, align: 'center' });
    doc.font('Body').fontSize(9).fillColor(INK).text(h.tile, x + 6, top + 42, { width: boxW - 12, align: 'center' });
    doc.font('Body').fontSize(8.5).fillColor(MUTED).text(tileCounts(h), x + 6, top + 78, { width: boxW - 12, align: 'center' });
  });
  doc.font('Body').fontSize(8).fillColor(MUTED).text('Share of women = women / (women + men + other). "Not stated" is the number of people who did not state a gender: counted beside the share, never in its denominator. Cancelled registrations are left out. Each chart segment reads: count (share of women + men + other).', left, top + tileH + 6, { width });

  // Two charts, stacked, at the chart's 16:9 proportion, centred.
  let y = doc.y + 6;
  const chartW = BRIEF_CHART_POINTS;
  const chartH = (chartW * 9) / 16;
  for (const image of images) {
    doc.image(image, left + (width - chartW) / 2, y, { width: chartW, height: chartH });
    y += chartH + 4;
  }

  doc.font('Body').fontSize(9).fillColor(INK).text(dataQualityText(summary), left, y + 2, { width });
  doc.fontSize(8).fillColor(MUTED).text(`Generated on ${generatedOn} by att-meetings from the meeting workbook. Aggregate figures only.`, { width });
  doc.end();
  return done;
}
