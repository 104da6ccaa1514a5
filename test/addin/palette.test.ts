// One gender palette everywhere: the pipeline's PNG charts, the Report sheet's native charts (their
// series follow the report tables' gender columns) and the pane's Chart.js charts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportBlocks } from '../../addin/src/app/report-tables.js';
import { chartSpecs } from '../../pipeline/chart-configs.js';
import { GENDER_PALETTE } from '../../pipeline/core/palette.js';
import { computeSummary } from '../../pipeline/core/statistics.js';
import { fixtureMeeting } from '../report/fixture-meeting.js';
import { ROOT } from './pane-server.js';

describe('the gender palette', () => {
  it('is Okabe-Ito in the order women, men, other, not stated', () => {
    expect(GENDER_PALETTE.map((g) => `${g.key} ${g.label} ${g.colour}`)).toEqual(['woman Women #E69F00', 'man Men #0072B2', 'other Other #009E73', 'notStated Not stated #999999']);
  });

  it('colours every gender series of the pipeline\'s charts', () => {
    const summary = computeSummary(fixtureMeeting());
    const byGender = chartSpecs(summary).filter((c) => c.config.data.datasets.length === 4 && c.config.data.datasets[0]!.label === 'Women');
    expect(byGender.length).toBeGreaterThan(0);
    for (const spec of byGender) expect(spec.config.data.datasets.map((d) => d.backgroundColor)).toEqual(['#E69F00', '#0072B2', '#009E73', '#999999']);
  });

  it('orders the Report sheet\'s charted gender columns as the palette, so each native series takes its colour', () => {
    const summary = computeSummary(fixtureMeeting());
    for (const block of reportBlocks(summary).filter((b) => b.chartColumns > 0)) expect(block.header.slice(1, 5)).toEqual(['Women', 'Men', 'Other', 'Not stated']);
  });

  it('is the only place the pane\'s figures and report writer get colours from', () => {
    for (const file of ['addin/src/views/figures.ts', 'addin/src/excel/report.ts', 'pipeline/chart-configs.ts']) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      expect(source, file).toContain("core/palette.js'");
      // No gender colour written out anywhere else (the trend chart's other lines may share a hue).
      expect(source.match(/#(?:E69F00|999999)\b/gi) ?? [], file).toEqual([]);
      if (file.startsWith('addin/')) expect(source.match(/#[0-9a-f]{6}\b/gi) ?? [], file).toEqual([]);
    }
  });
});
