// The report's files built from the fixture meeting: charts, report.xlsx and brief.pdf, each
// checked for what a reader relies on, and for the absence of personal data.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../pipeline/brief.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSpecs } from '../../pipeline/chart-configs.js';
import { pointLabelPlaces, renderChart } from '../../pipeline/charts.js';
import type { Issue } from '../../pipeline/core/issues.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { buildReportWorkbook, personalWords, type RenderedChart } from '../../pipeline/report-workbook.js';
import { tempDir } from '../support/temp-dir.js';
import { fixtureMeeting } from './fixture-meeting.js';
import { pngSize, unzipText } from './unzip.js';

const data = fixtureMeeting();
// A session title that looks like a formula must stay text in report.xlsx.
const FORMULA = '=HYPERLINK("http://evil.example/x","Click")';
const withFormula = { ...data, sessions: data.sessions.map((s) => (s.sessionId === 'S2' ? { ...s, title: FORMULA } : s)) };
const summary = computeSummary(withFormula);
const personal = ['Zebulonia', 'Quixotrix', 'zeb.secret', '@example.org'];

let charts: RenderedChart[] = [];
beforeAll(async () => {
  charts = [];
  for (const spec of chartSpecs(summary)) charts.push({ spec, png: await renderChart(spec.config) });
});

describe('charts', () => {
  it('draws the five charts at 1600 x 900, decodable PNGs', async () => {
    expect(charts.map((c) => c.spec.name)).toEqual(['attendance-by-gender', 'women-share-by-category', 'mode-by-gender', 'heads-of-delegation', 'speakers-by-gender']);
    for (const c of charts) {
      expect(pngSize(c.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
      const img = await loadImage(c.png);
      expect([img.width, img.height]).toEqual([1600, 900]);
    }
  });

  it('carries the meeting code in every title', () => {
    for (const c of charts) expect(JSON.stringify(c.spec.config.options?.plugins?.title)).toContain('CSP-T');
  });

  it('is drawn from aggregates only: no name or e-mail in any chart input', () => {
    const inputs = JSON.stringify(charts.map((c) => c.spec));
    for (const p of personal) expect(inputs).not.toContain(p);
  });

  it('leaves out the speakers chart when the Speakers sheet is absent', () => {
    expect(chartSpecs(computeSummary({ ...data, speakers: null })).map((c) => c.name)).not.toContain('speakers-by-gender');
  });
});

describe("a line chart's point labels", () => {
  // A plot from y 100 (100%) to 700 (0%); lines of 22 px; labels 16 px from their point.
  const area = { top: 100, bottom: 700 };
  const at = (points: [number, number][]) => Object.fromEntries([...pointLabelPlaces(points.map(([k, y]) => ({ k, y, lines: 1 })), area, 22, 16)].map(([k, p]) => [k, p.top]));

  it('keeps the usual places: the lowest under its point, the others stacked above the highest', () => {
    expect(at([[0, 300], [1, 400]])).toEqual({ 0: 300 - 16 - 22, 1: 400 + 16 });
  });

  it('puts a stack that would rise over the title (a group at 100%) under the lowest label instead', () => {
    // 100%, 46.5%, 32.2%, 31.4%, 27.8%: four lines above 100% would end at -4, over the title.
    // 27.8% goes under its point at 533 + 16 = 549; the stack follows at 549 + 22 = 571.
    expect(at([[0, 100], [1, 421], [2, 507], [3, 512], [4, 533]])).toEqual({ 4: 549, 0: 571, 1: 593, 2: 615, 3: 637 });
  });

  it('never puts a 0% label under the axis, over the meeting names: it joins the stack above', () => {
    // 700 + 16 + 22 > 700: no room under; the stack of two ends 16 above 300.
    expect(at([[0, 300], [1, 700]])).toEqual({ 0: 300 - 16 - 44, 1: 300 - 16 - 22 });
  });

  it('starts the stack at the plot\'s top when there is room neither above nor below', () => {
    expect(at([[0, 100], [1, 690]])).toEqual({ 0: 100, 1: 122 });
  });
});

describe('report.xlsx', () => {
  const issues: Issue[] = [
    { severity: 'warning', code: 'duplicate-person', sheet: 'Participants', cell: 'Participants!A9', row: 9, message: 'Participant P7 may be Zebulonia P1 Quixotrix P1 (zeb.secret.p1@example.org).' },
    { severity: 'warning', code: 'duplicate-attendance', sheet: 'Attendance', cell: 'Attendance!A3', row: 3, message: 'Participant P1 is already checked into session S1 at row 2; this row counts once.' },
    { severity: 'warning', code: 'formula-in-text', sheet: 'Sessions', cell: 'Sessions!E3', row: 3, message: 'Sessions!E3 mentions ZebuloniaP1 QuixotrixP1 (zeb.secret.p1@example.org).' },
  ];
  let xml: Map<string, string>;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = await buildReportWorkbook(summary, issues, charts, '2026-08-26', personalWords(data.participants));
    xml = await unzipText(bytes);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it('has the Summary, one sheet per breakdown, Validation and Charts', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Sessions by gender', 'By category', 'By mode', 'By role', 'Delegations', 'Speakers', 'Registered vs attended', 'Validation', 'Charts']);
  });

  it('writes a formula-looking title as a string, never as a formula', () => {
    const sheets = [...xml.entries()].filter(([n]) => n.startsWith('xl/worksheets/sheet'));
    for (const [, text] of sheets) expect(text).not.toMatch(/<f[ >]/);
    expect(xml.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;Click&quot;)');
  });

  it('stores counts as numbers and shares as numbers with a percent format', () => {
    const ws = wb.getWorksheet('Sessions by gender')!;
    // note row 1, header row 3; S1 row 4: total 4, women 1, share 1/3 ; S3 (empty) row 6: share n/a
    expect(ws.getRow(3).getCell(6).value).toBe('Total');
    expect(ws.getRow(4).getCell(6).value).toBe(4);
    expect(ws.getRow(4).getCell(7).value).toBeCloseTo(1 / 3, 10);
    expect(ws.getRow(4).getCell(7).numFmt).toBe('0.0%');
    expect(ws.getRow(6).getCell(7).value).toBe('n/a');
    expect(ws.getRow(6).getCell(8).value).toBe('empty: nobody in this group');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(12).width).toBeGreaterThanOrEqual(FORMULA.length);
    const summarySheet = wb.getWorksheet('Summary')!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    summarySheet.eachRow((r) => byLabel.set(String(r.getCell(1).value), r.getCell(2)));
    expect(byLabel.get('Sessions')!.value).toBe(3);
    expect(byLabel.get('Share of women among participants who attended at least one session')!.value).toBe(0.2);
    expect(byLabel.get('Share of women among participants who attended at least one session')!.numFmt).toBe('0.0%');
  });

  it('embeds the chart PNGs on the Charts sheet', () => {
    expect([...xml.keys()].filter((n) => n.startsWith('xl/media/') && n.endsWith('.png')).length).toBe(5);
    expect(wb.getWorksheet('Charts')!.getImages().length).toBe(5);
  });

  it('keeps names and e-mails out of the Validation sheet', () => {
    const all = [...xml.values()].join('\n');
    for (const p of personal) expect(all).not.toContain(p);
    const v = wb.getWorksheet('Validation')!;
    // One style: severity, the problem in words, the cell, a sentence of detail.
    expect(v.getRow(3).values).toEqual([undefined, 'Severity', 'Problem', 'Cell', 'Detail']);
    expect(v.getRow(4).values).toEqual([undefined, 'Warning', 'Duplicate person', 'Participants!A9', 'Details are left out of the report: they would quote personal data.']);
    expect(v.getRow(5).getCell(4).value).toBe('Participant P1 is already checked into session S1 at row 2; this row counts once.');
    expect(v.getRow(6).getCell(4).value).toBe('Sessions!E3 mentions [personal data] [personal data] ([personal data]).');
  });

  it('gives every sheet a header with the meeting and the sheet, a footer with the data date and page x of y, one page wide', async () => {
    const s = { ...summary, meeting: { ...summary.meeting, title: 'Arms & Trade &P' } };
    const files = await unzipText(await buildReportWorkbook(s, [], [], '2026-08-26'));
    const sheets = [...files.entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(10);
    for (const [name, text] of sheets) {
      // A literal "&" is doubled, so "&P" in a title stays text (ECMA-376 header and footer codes).
      expect(text, name).toMatch(/<oddHeader>&amp;LCSP-T: Arms &amp;&amp; Trade &amp;&amp;P&amp;R[^<]+<\/oddHeader>/);
      expect(text, name).toContain('<oddFooter>&amp;LData as of 2026-08-26. att-meetings report&amp;RPage &amp;P of &amp;N</oddFooter>');
      expect(text, name).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    }
    expect(files.get('xl/workbook.xml')).toMatch(/_xlnm.Print_Titles/);
  });

  it('says "not recorded" for speaker figures when there is no Speakers sheet', async () => {
    const s = computeSummary({ ...data, speakers: null });
    const b = new ExcelJS.Workbook();
    await b.xlsx.load((await buildReportWorkbook(s, [], [], '2026-08-26')) as unknown as ExcelJS.Buffer);
    // header row 3, S1 to S3 rows 4 to 6, all sessions row 7
    expect(b.getWorksheet('Speakers')!.getRow(7).values).toEqual([undefined, 'All sessions', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded', 'not recorded']);
    expect(b.getWorksheet('Summary')!.getColumn(2).values).toContain('not recorded');
  });
});

describe('report.xlsx Summary without a Speakers sheet', () => {
  it('keeps "not recorded" inside its cell on the headline row: wrapped in the row\'s height, never over the next cell', async () => {
    const s = computeSummary({ ...data, speakers: null });
    const b = new ExcelJS.Workbook();
    await b.xlsx.load((await buildReportWorkbook(s, [], [], '2026-08-26')) as unknown as ExcelJS.Buffer);
    const ws = b.getWorksheet('Summary')!;
    let line: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'Share of interventions (times a person took the floor) made by women') line = r;
    });
    expect(line).toBeDefined();
    // Share of women, Women, Women, men and other, Not stated: columns B to E, 16, 10, 18 and 11 characters wide.
    for (let c = 2; c <= 5; c++) {
      const cell = line!.getCell(c);
      expect(cell.value).toBe('not recorded');
      const width = ws.getColumn(c).width!;
      // A character of a size-s font is s / 11 of Calibri 11's; "not recorded" is 12 of them.
      const chars = 12 * ((cell.font?.size ?? 11) / 11);
      if (chars > width - 1) {
        expect(cell.alignment?.wrapText, `column ${c}`).toBe(true);
        // "not" and "recorded" on two lines of 15 pt, at least.
        expect(line!.height, `column ${c}`).toBeGreaterThanOrEqual(30);
      }
    }
  });
});

describe('brief.pdf', () => {
  it('is one A4 page with the meeting and the three headline shares, and no personal data', async () => {
    const pdf = await buildBrief(summary, charts.slice(0, 2), '2026-08-26');
    const dir = tempDir('att-brief-');
    const file = path.join(dir, 'brief.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CSP-T');
    expect(text).toContain('Test meeting of States Parties');
    // attendees 1/5, heads 1/3, interventions 2/5
    expect(text).toContain('20.0%');
    expect(text).toContain('33.3%');
    expect(text).toContain('40.0%');
    for (const p of personal) expect(text).not.toContain(p);
    for (const p of personal) expect(pdf.toString('latin1')).not.toContain(p);
  });
});
