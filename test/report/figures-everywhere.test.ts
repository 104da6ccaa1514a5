// One small meeting's figures read back from every output a person sees (summary.json, report.xlsx
// cells, the brief's text, the chart configurations, the add-in's Report sheet blocks, the command
// line) and found identical everywhere: each share with the counts it stands for. Values worked by
// hand from fixture-meeting.ts. Also: the brief's chart text prints at 8 pt or more, and category
// colours stay clear of gender colours in normal and red-green colour-deficient vision.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBlocks } from '../../addin/src/app/report-tables.js';
import { BRIEF_CHART_WIDTH } from '../../pipeline/brief.js';
import { chartSpecs, type SegmentLabelOptions, segmentLabel, trendByCategorySpec, trendSpec } from '../../pipeline/chart-configs.js';
import { MIN_FONT_PX } from '../../pipeline/charts.js';
import { figureText, headlines, shareFigure, tileCounts } from '../../pipeline/core/figures.js';
import { CATEGORY_COLOURS, GENDER_PALETTE, SERIES_COLOURS } from '../../pipeline/core/palette.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { type Summary, SummarySchema } from '../../pipeline/core/summary.js';
import type { Validation } from '../../pipeline/core/validate.js';
import { buildReportFiles, type CommandIo } from '../../pipeline/report-command.js';
import { buildTrendWorkbook, trendPoints } from '../../pipeline/trend-command.js';
import type { MeetingData } from '../../templates/contract/index.js';
import { tempDir } from '../fixtures/build-workbook.js';
import { fixtureMeeting } from './fixture-meeting.js';
import { unzipText } from './unzip.js';

// Who counts (P6 is cancelled): P1 W head D1, P2 M delegate D1, P3 M head D2, P4 NS delegate D2,
// P5 O adviser D2, P7 W delegate D1 (never attends), P8 M head D3.
// Attended (any session): P1 W, P2 M, P3 M, P4 NS, P5 O, P8 M -> women 1 of 5 known = 20.0%, 1 not stated.
// Heads who attended: P1 W, P3 M, P8 M -> 1 of 3 = 33.3%, 0 not stated.
// Interventions: P1 W twice, P3 M, P5 O, P8 M (P6 cancelled, S9 unknown: skipped) -> 2 of 5 = 40.0%.
// Session S1: P1 W, P2 M, P3 M, P4 NS -> 1 of 3 = 33.3% (not 25%: not stated is not in the denominator).
const EXPECTED = [
  { label: 'Share of women among participants who attended at least one session', share: 0.2, text: '20.0%', women: 1, known: 5, notStated: 1, words: '20.0% (1 of 5 attendees; 1 not stated; small group (n under 10))', tile: '1 of 5 attendees; 1 not stated; small group (n under 10)' },
  { label: 'Share of women among heads of delegation who attended at least one session', share: 1 / 3, text: '33.3%', women: 1, known: 3, notStated: 0, words: '33.3% (1 of 3 heads of delegation who attended; small group (n under 10))', tile: '1 of 3 heads; 0 not stated; small group (n under 10)' },
  { label: 'Share of interventions (times a person took the floor) made by women', share: 0.4, text: '40.0%', women: 2, known: 5, notStated: 0, words: '40.0% (2 of 5 interventions; small group (n under 10))', tile: '2 of 5 interventions; 0 not stated; small group (n under 10)' },
];

const io: CommandIo = { out: () => undefined, err: () => undefined, tty: false, today: () => '2026-08-26' };
let dir = '';
let summary: Summary;
let files: Map<string, Buffer | string>;

beforeAll(async () => {
  dir = tempDir('att-figures-');
  const validation = { data: fixtureMeeting(), issues: [], leftOut: [] } satisfies Validation & { data: MeetingData };
  const built = await buildReportFiles(validation, io);
  files = built.files;
  // Every output is read back from its bytes, as a reader would get it.
  summary = SummarySchema.parse(JSON.parse(String(files.get('summary.json'))));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('one figure, said one way in every output', () => {
  it('summary.json holds the counts and shares worked by hand', () => {
    expect(summary.participants.attended.byGender).toEqual({ woman: 1, man: 3, other: 1, notStated: 1 });
    expect(summary.headline.attendees).toBe(0.2);
    expect(summary.participants.attended.byRole['Head of delegation'].byGender).toEqual({ woman: 1, man: 2, other: 0, notStated: 0 });
    expect(summary.headline.headsOfDelegation).toBeCloseTo(1 / 3, 12);
    expect(summary.speakers!.byGender).toEqual({ woman: 2, man: 2, other: 1, notStated: 0 });
    expect(summary.headline.speakers).toBe(0.4);
  });

  it('report.xlsx: the Summary sheet shows each share as a number with its counts and in words', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('report.xlsx') as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Summary')!;
    for (const e of EXPECTED) {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === e.label) found = r;
      });
      expect(found, e.label).toBeDefined();
      const values = (found!.values as unknown[]).slice(2, 7);
      expect(values[0] as number).toBeCloseTo(e.share, 12);
      expect(found!.getCell(2).numFmt).toBe('0.0%');
      expect(values.slice(1)).toEqual([e.women, e.known, e.notStated, e.words]);
    }
    // Sessions by gender, S1 (row 4 under the note and the header): 1 W, 2 M, 0 O, 1 NS, total 4, 1/3.
    const s1 = wb.getWorksheet('Sessions by gender')!.getRow(4).values as unknown[];
    expect(s1.slice(1, 7)).toEqual(['S1', 1, 2, 0, 1, 4]);
    expect(s1[7] as number).toBeCloseTo(1 / 3, 12);
  });

  it('brief.pdf: each tile shows the same share, its counts and its "not stated"', () => {
    const file = path.join(dir, 'brief.pdf');
    writeFileSync(file, files.get('brief.pdf') as Buffer);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const e of EXPECTED) {
      expect(text).toContain(e.text);
      expect(text).toContain(e.tile);
    }
    expect(text).toContain('women among heads of delegation who attended at least one session');
    // Plain words, not "0 errors, 0 warnings".
    expect(text).toContain('Every row of the workbook is counted.');
    expect(text).not.toMatch(/\d+ errors?|\d+ warnings?/);
  });

  it('the charts label segments with the same share: of women + men + other, "not stated" only counted', () => {
    const specs = chartSpecs(summary);
    const labels = (name: string) => (specs.find((s) => s.name === name)!.config.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels;
    // attendance-by-gender, S1 (index 0): women, men, other, not stated in palette order.
    expect(labels('attendance-by-gender').map((d) => d[0])).toEqual([['1 (33.3%)'], ['2 (66.7%)'], [], ['1']]);
    // heads of delegation, "Attended" bar (index 1): the headline's 1 of 3.
    expect(labels('heads-of-delegation').map((d) => d[1])).toEqual([['1 (33.3%)'], ['2 (66.7%)'], [], []]);
    // interventions, S2 (index 1): P5 O, P8 M -> 0 of 2.
    expect(labels('speakers-by-gender').map((d) => d[1])).toEqual([[], ['1 (50.0%)'], ['1 (50.0%)'], []]);
    // Share by category, with its counts; an empty category is "n/a", never 0%.
    // State Party: P1 W, P2 M ; Signatory: nobody ; Observer: P8 M ; IRO: nobody ; CSO: P3 M, P4 NS, P5 O ; Industry: nobody.
    expect(labels('women-share-by-category')[0]).toEqual([
      ['50.0% (1 of 2 attendees), small group'],
      ['n/a (no attendees)'],
      ['0.0% (0 of 1 attendees), small group'],
      ['n/a (no attendees)'],
      ['0.0% (0 of 2 attendees; 1 not stated), small group'],
      ['n/a (no attendees)'],
    ]);
    expect(specs.find((s) => s.name === 'women-share-by-category')!.config.data.datasets[0]!.data).toEqual([0.5, null, 0, null, 0, null]);
  });

  it('the stacked charts mark an empty bar "empty" under it, so it is not mistaken for a missing one', () => {
    const specs = chartSpecs(summary);
    const axis = (name: string) => specs.find((s) => s.name === name)!.config.data.labels;
    // Sessions by date: S1 (4 attendees, 3 interventions), S2 (4, 2), S3 nobody came and nobody spoke.
    expect(axis('attendance-by-gender')).toEqual([['S1', '08-24 10:00'], ['S2', '08-24 15:00'], ['S3', '08-25 10:00', 'empty']]);
    expect(axis('speakers-by-gender')).toEqual([['S1', '08-24 10:00'], ['S2', '08-24 15:00'], ['S3', '08-25 10:00', 'empty']]);
    expect(axis('heads-of-delegation')).toEqual(['Registered', 'Attended']);
    // No head of delegation at all: both bars empty.
    const noHeads = SummarySchema.parse(JSON.parse(JSON.stringify(summary)));
    for (const g of [noHeads.participants.registered, noHeads.participants.attended]) g.byRole['Head of delegation'] = { total: 0, byGender: { woman: 0, man: 0, other: 0, notStated: 0 }, womenShare: null };
    expect(chartSpecs(noHeads).find((s) => s.name === 'heads-of-delegation')!.config.data.labels).toEqual([['Registered', 'empty'], ['Attended', 'empty']]);
  });

  it('the trend charts label each point with the same share and its counts', () => {
    const points = trendPoints([summary]);
    const trend = (trendSpec(points).config.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels;
    expect(trend).toEqual([[['20.0% (1/5)']], [['33.3% (1/3)']], [['40.0% (2/5)']]]);
    // Only the categories with someone of known gender: State Party 1/2, Observer State 0/1, CSO 0/2.
    const byCategory = trendByCategorySpec(points).config;
    expect(byCategory.data.datasets.map((d) => d.label)).toEqual(['State Party', 'Observer State', 'Civil Society or NGO']);
    expect((byCategory.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels).toEqual([[['50.0% (1/2)']], [['0.0% (0/1)']], [['0.0% (0/2)']]]);
  });

  it("the add-in's Report sheet opens with the same shares and counts", () => {
    const head = reportBlocks(summary)[0]!;
    expect(head.title).toBe('Headline figures');
    head.rows.forEach((row, i) => {
      const e = EXPECTED[i]!;
      expect(row[0]).toBe(e.label);
      expect(row[1] as number).toBeCloseTo(e.share, 12);
      expect(row.slice(2)).toEqual([e.women, e.known, e.notStated, e.words]);
    });
    expect(reportBlocks(summary)[1]!.rows[0]!.slice(0, 6)).toEqual(['S1', 1, 2, 0, 1, 4]);
  });
});

describe('a meeting where nobody stated a gender', () => {
  // The fixture with every gender "Not stated": 6 attended (P1 P2 P3 P4 P5 P8), 3 heads attended
  // (P1 P3 P8), 5 interventions (P1 twice, P3, P5, P8). "0 of 0 attendees" said nobody came.
  const data = fixtureMeeting();
  const unstated = computeSummary({ ...data, participants: data.participants.map((p) => ({ ...p, gender: 'Not stated' as const })) });

  it('says how many were counted and that none is of known gender, never "0 of 0"', () => {
    const [attendees, heads, speakers] = headlines(unstated);
    expect(figureText(attendees!.figure, attendees!.noun)).toBe('n/a (6 attendees, none of known gender)');
    expect(figureText(heads!.figure, heads!.noun)).toBe('n/a (3 heads of delegation who attended, none of known gender)');
    expect(figureText(speakers!.figure, speakers!.noun)).toBe('n/a (5 interventions, none of known gender)');
    expect(tileCounts(attendees!)).toBe('6 attendees, none of known gender');
    expect(tileCounts(heads!)).toBe('3 heads, none of known gender');
    const labels = (chartSpecs(unstated).find((c) => c.name === 'women-share-by-category')!.config.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels[0];
    // State Party: P1 P2 ; Observer State: P8 ; CSO: P3 P4 P5.
    expect(labels).toEqual([['n/a (2 attendees, none of known gender)'], ['n/a (no attendees)'], ['n/a (1 attendees, none of known gender)'], ['n/a (no attendees)'], ['n/a (3 attendees, none of known gender)'], ['n/a (no attendees)']]);
  });
});

describe('a group with nobody in it', () => {
  it('is "no interventions" on the tile as in the words, never "0 of 0 interventions; 0 not stated"', () => {
    // A Speakers sheet with no row: recorded, and empty.
    const [, , speakers] = headlines(computeSummary({ ...fixtureMeeting(), speakers: [] }));
    expect(figureText(speakers!.figure, speakers!.noun)).toBe('n/a (no interventions)');
    expect(tileCounts(speakers!)).toBe('no interventions');
  });
});

describe('a meeting of thousands', () => {
  it('writes counts in chart labels with thousands separators, as the tiles and tables do ("1,710", not "1710")', () => {
    // 1,710 of 1,710 + 5,325 = 7,035: 24.3%; 5,325 / 7,035: 75.7%.
    const c = { woman: 1710, man: 5325, other: 0, notStated: 1234 };
    expect(segmentLabel(c, 'woman')).toEqual(['1,710 (24.3%)']);
    expect(segmentLabel(c, 'man')).toEqual(['5,325 (75.7%)']);
    expect(segmentLabel(c, 'notStated')).toEqual(['1,234']);
    // 7,274 of 22,312: 32.6%.
    const f = shareFigure({ woman: 7274, man: 15000, other: 38, notStated: 362 });
    const spec = trendSpec([{ code: 'BIG', startDate: '2026-05-27', attendees: f, headsOfDelegation: f, speakers: undefined }]);
    expect((spec.config.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels[0]).toEqual([['32.6% (7,274/22,312)']]);
    const byCategory = trendByCategorySpec([{ code: 'BIG', startDate: '2026-05-27', byCategory: [{ category: 'State Party', figure: f }] }]);
    expect((byCategory.config.options!.plugins as unknown as { segmentLabels: SegmentLabelOptions }).segmentLabels.labels[0]).toEqual([['32.6% (7,274/22,312)']]);
  });
});

describe('a trend with a meeting that has no share', () => {
  it('marks that meeting on the axis and says what a gap means, instead of an unexplained empty column', () => {
    const f = shareFigure({ woman: 1, man: 3, other: 0, notStated: 0 });
    const none = shareFigure({ woman: 0, man: 0, other: 0, notStated: 573 });
    const spec = trendSpec([
      { code: 'A', startDate: '2026-02-10', attendees: f, headsOfDelegation: f, speakers: f },
      { code: 'NS-ONLY', startDate: '2026-05-27', attendees: none, headsOfDelegation: none, speakers: undefined },
    ]);
    expect(spec.config.data.labels).toEqual([['A', '2026-02-10'], ['NS-ONLY', '2026-05-27', 'no share: nobody of known gender']]);
    expect(JSON.stringify(spec.config.options!.plugins!.subtitle)).toContain('A gap: no share at that meeting (nobody of known gender, or not recorded).');
  });
});

describe("the brief's charts", () => {
  it('print their smallest text at 8 pt or more on A4, from the images\' scale on the page', () => {
    const file = path.join(dir, 'brief-scale.pdf');
    writeFileSync(file, files.get('brief.pdf') as Buffer);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(Number(r[3])).toBe(BRIEF_CHART_WIDTH);
      const ppi = Number(r[12]);
      // A pixel prints at 72 / ppi points.
      expect((MIN_FONT_PX * 72) / ppi).toBeGreaterThanOrEqual(8);
    }
  });
});

describe("the charts in report.xlsx and trend.xlsx", () => {
  // A4 landscape is 842 pt wide; printAsReport's margins are 0.5 in (36 pt) left and right.
  const PRINTABLE_PT = 842 - 72;
  // Every chart image: its width on the page (EMU, 12,700 per point) and the widths of the columns it sits on.
  async function chartImages(xlsx: Buffer): Promise<{ widthPt: number; columnPt: number }[]> {
    const parts = await unzipText(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const out: { widthPt: number; columnPt: number }[] = [];
    for (const ws of wb.worksheets) {
      for (const image of ws.getImages()) {
        // exceljs reads a oneCellAnchor's size back in pixels at 96 per inch.
        const ext = (image.range as unknown as { ext: { width: number } }).ext;
        // A column of width w characters is w * 7 + 5 pixels wide in Calibri 11.
        const columnPt = ((ws.getColumn(1).width ?? 8.43) * 7 + 5) * 0.75;
        out.push({ widthPt: ext.width * 0.75, columnPt });
      }
    }
    expect([...parts.keys()].some((k) => k.startsWith('xl/drawings/'))).toBe(true);
    return out;
  }

  it("print their smallest text at 8 pt or more on A4, whole within column A and the page's width", async () => {
    const png = files.get(path.join('charts', 'attendance-by-gender.png')) as Buffer;
    const trend = await buildTrendWorkbook(trendPoints([summary]), png, '2026-08-26', png);
    for (const [name, xlsx] of [['report.xlsx', files.get('report.xlsx') as Buffer], ['trend.xlsx', trend]] as const) {
      const images = await chartImages(xlsx);
      expect(images.length, name).toBeGreaterThan(0);
      for (const i of images) {
        // 1600 chart pixels print across widthPt points (no fit-to-width shrink: column A fits the page).
        expect((MIN_FONT_PX * i.widthPt) / 1600, name).toBeGreaterThanOrEqual(8);
        expect(i.widthPt, name).toBeLessThanOrEqual(i.columnPt);
        expect(i.columnPt, name).toBeLessThanOrEqual(PRINTABLE_PT);
      }
    }
  });
});

describe('trend.xlsx', () => {
  it('breaks no header word inside itself: each is narrower than its column ("Participant" / "s who attended" before)', async () => {
    const png = files.get(path.join('charts', 'attendance-by-gender.png')) as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTrendWorkbook(trendPoints([summary]), png, '2026-08-26', png)) as unknown as ExcelJS.Buffer);
    for (const name of ['Trend', 'By category']) {
      const ws = wb.getWorksheet(name)!;
      ws.getRow(1).eachCell((cell, col) => {
        // exceljs reads a width of 9 back as unset; Excel's default is 8.43.
        const width = ws.getColumn(col).width ?? 8.43;
        // Bold header text: a word needs its letters and one more of the cell's padding.
        for (const word of String(cell.value).split(' ')) expect(word.length + 1, `${name} ${String(cell.value)}: ${word}`).toBeLessThanOrEqual(width);
      });
    }
  });
});

describe('category colours', () => {
  // sRGB -> linear -> (optionally Machado et al. 2009 dichromacy, severity 1) -> CIELAB; CIE76 distance.
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  const VISION: Record<string, number[][]> = {
    normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  };
  function lab(hex: string, m: number[][]): number[] {
    const v = rgb(hex);
    const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!))) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  }
  const distance = (a: string, b: string, m: number[][]) => Math.hypot(...lab(a, m).map((v, i) => v - lab(b, m)[i]!));

  it('are none of the gender colours and stay at least 15 CIELAB units from each, also for red-green colour blindness', () => {
    for (const c of [...CATEGORY_COLOURS, ...SERIES_COLOURS]) {
      for (const g of GENDER_PALETTE) {
        for (const [name, m] of Object.entries(VISION)) expect(distance(c, g.colour, m), `${c} vs ${g.label} (${name})`).toBeGreaterThanOrEqual(15);
      }
    }
    // The old Industry colour was the "Other" green: 0 apart.
    expect(distance('#009E73', GENDER_PALETTE[2]!.colour, VISION.normal!)).toBe(0);
  });
});
