// report.xlsx and trend.xlsx open in a second spreadsheet program: LibreOffice converts them to
// PDF headless without complaint, and the text a person would read is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSpecs } from '../../pipeline/chart-configs.js';
import { renderChart } from '../../pipeline/charts.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { buildReportWorkbook, type RenderedChart } from '../../pipeline/report-workbook.js';
import { buildTrendWorkbook, trendPoints } from '../../pipeline/trend-command.js';
import { tempDir } from '../fixtures/build-workbook.js';
import { fixtureMeeting } from './fixture-meeting.js';

const hasLibreOffice = spawnSync('libreoffice', ['--version'], { encoding: 'utf8' }).status === 0;

function convert(file: string, dir: string): { status: number | null; stderr: string; pdf: string } {
  // A profile of its own, so that a LibreOffice already running elsewhere does not swallow the job.
  const r = spawnSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stderr: r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('javaldx')).join('\n'), pdf: path.join(dir, `${path.basename(file, '.xlsx')}.pdf`) };
}

describe.skipIf(!hasLibreOffice)('LibreOffice reads the workbooks', () => {
  it('converts report.xlsx and trend.xlsx to PDF without complaint', { timeout: 120_000 }, async () => {
    const dir = tempDir('att-lo-');
    const summary = computeSummary(fixtureMeeting());
    const charts: RenderedChart[] = [];
    for (const spec of chartSpecs(summary)) charts.push({ spec, png: await renderChart(spec.config) });
    const report = path.join(dir, 'report.xlsx');
    writeFileSync(report, await buildReportWorkbook(summary, [], charts, '2026-08-26'));
    const trend = path.join(dir, 'trend.xlsx');
    writeFileSync(trend, await buildTrendWorkbook(trendPoints([summary]), charts[0]!.png, '2026-08-26'));

    for (const file of [report, trend]) {
      const r = convert(file, dir);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(existsSync(r.pdf)).toBe(true);
      expect(readFileSync(r.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const text = execFileSync('pdftotext', [path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('CSP-T');
    expect(text).toContain('20.0%'); // the headline share, as LibreOffice formats 0.2 with 0.0%
    expect(text).toContain('Share of women among participants who attended');
    expect(text).toContain('Closing (nobody came)'); // the Sessions by gender table
  });

  it('prints every page of report.xlsx and trend.xlsx with the header and footer, one page wide, nothing cut', { timeout: 120_000 }, async () => {
    const dir = tempDir('att-lo-print-');
    try {
      const summary = computeSummary(fixtureMeeting());
      const charts: RenderedChart[] = [];
      for (const spec of chartSpecs(summary)) charts.push({ spec, png: await renderChart(spec.config) });
      writeFileSync(path.join(dir, 'report.xlsx'), await buildReportWorkbook(summary, [], charts, '2026-08-26'));
      const earlier = { ...summary, meeting: { ...summary.meeting, code: 'WG-T', startDate: '2026-02-10', endDate: '2026-02-11' } };
      writeFileSync(path.join(dir, 'trend.xlsx'), await buildTrendWorkbook(trendPoints([summary, earlier]), charts[0]!.png, '2026-08-26', charts[1]!.png));
      // One page per sheet of figures (each fits), one per chart; a sheet printed wider than the page
      // would add pages, and a page without its header or footer would not say what it is.
      const expected: Record<string, string[]> = {
        report: ['Summary', 'Sessions by gender', 'By category', 'By mode', 'By role', 'Delegations', 'Speakers', 'Registered vs attended', 'Validation', 'Charts', 'Charts', 'Charts', 'Charts', 'Charts'],
        trend: ['Trend', 'By category', 'Chart', 'Chart by category'],
      };
      const heading: Record<string, string> = { report: 'CSP-T: Test meeting of States Parties', trend: 'Share of women across meetings, WG-T to CSP-T' };
      for (const name of ['report', 'trend']) {
        const r = convert(path.join(dir, `${name}.xlsx`), dir);
        expect(r.status).toBe(0);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [r.pdf], { encoding: 'utf8' }))![1]);
        expect(pages, name).toBe(expected[name]!.length);
        for (let p = 1; p <= pages; p++) {
          const lines = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), r.pdf, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
          expect(lines[0], `${name} page ${p}`).toMatch(new RegExp(`^\\s*${heading[name]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${expected[name]![p - 1]}$`));
          expect(lines.at(-1), `${name} page ${p}`).toMatch(new RegExp(`^\\s*Data as of 2026-08-26\\. att-meetings report\\s+Page ${p} of ${pages}$`));
        }
      }
      // The widest table's last column prints on the page of its first.
      const sessions = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
      expect(sessions).toMatch(/S1 .* Opening/);
      const trend = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', path.join(dir, 'trend.pdf'), '-'], { encoding: 'utf8' });
      expect(trend).toContain('WG-T');
      expect(trend).toMatch(/Counts\s*$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(!hasLibreOffice && Boolean(process.env.CI))('LibreOffice under CI', () => {
  it('is installed (.ci/run installs libreoffice-calc), so the check above is not skipped', () => {
    expect(hasLibreOffice).toBe(true);
  });
});
