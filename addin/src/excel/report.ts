// Writes the Report sheet: the figures' tables and a native Excel stacked column chart for each,
// in the shared gender palette, replacing a previous Report sheet (the pane asks first). Two syncs.
// Every value goes through cellValue, the one safe-text step of every writer: workbook text such as
// a session titled =HYPERLINK(...) is written as text, never as a formula.
import { GENDER_PALETTE } from '../../../pipeline/core/palette.js';
import type { ReportBlock } from '../app/report-tables.js';
import { REPORT_SHEET } from './read.js';
import { cellValue } from './write.js';

const CHART_ROWS = 15;

export async function writeReportSheet(context: Excel.RequestContext, heading: string, blocks: readonly ReportBlock[]): Promise<void> {
  const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
  await context.sync();
  if (!old.isNullObject) old.delete();
  const sheet = context.workbook.worksheets.add(REPORT_SHEET);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  sheet.getRange('A1').values = [[cellValue(heading)]];
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRange('A1').format.font.size = 14;

  // Charts start to the right of the widest table, with a gap of one column.
  const chartColumn = Math.max(1, ...blocks.map((b) => b.header.length)) + 1;
  let row = 2; // 0-based: leave a blank row under the heading
  for (const block of blocks) {
    sheet.getRangeByIndexes(row, 0, 1, 1).values = [[cellValue(block.title)]];
    sheet.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
    const top = row + 1;
    const width = block.header.length;
    const height = block.rows.length + 1;
    sheet.getRangeByIndexes(top, 0, height, width).values = [block.header.map(cellValue), ...block.rows.map((r) => r.map(cellValue))];
    sheet.getRangeByIndexes(top, 0, 1, width).format.font.bold = true;
    for (const c of block.shareColumns) {
      if (block.rows.length > 0) sheet.getRangeByIndexes(top + 1, c, block.rows.length, 1).numberFormat = block.rows.map(() => ['0.0%']);
    }
    let used = height + 1;
    if (block.chartColumns > 0 && block.chartRows > 0) {
      const source = sheet.getRangeByIndexes(top, 0, block.chartRows + 1, block.chartColumns);
      const chart = sheet.charts.add(Excel.ChartType.columnStacked, source, Excel.ChartSeriesBy.columns);
      chart.title.text = block.title;
      // The gender columns follow the palette's order: each series takes the pane's and the PNGs' colour.
      for (let i = 0; i < block.chartColumns - 1 && i < GENDER_PALETTE.length; i++) chart.series.getItemAt(i).format.fill.setSolidColor(GENDER_PALETTE[i]!.colour);
      chart.setPosition(sheet.getRangeByIndexes(row, chartColumn, 1, 1), sheet.getRangeByIndexes(row + CHART_ROWS - 1, chartColumn + 7, 1, 1));
      used = Math.max(used, CHART_ROWS);
    }
    row += used + 1;
  }
  sheet.getRangeByIndexes(0, 0, row, chartColumn - 1).format.autofitColumns();
  sheet.activate();
  await context.sync();
}
