// watchTables: one handler on the workbook's table collection, one sync, nothing without ExcelApi 1.7.
import { describe, expect, it } from 'vitest';
import type { ExcelRunner } from '../app/meeting-state.js';
import { type TableChange, watchTables } from './table-events.js';

function stubExcel() {
  const handlers: ((args: unknown) => Promise<unknown>)[] = [];
  let syncs = 0;
  let runs = 0;
  const context = { workbook: { tables: { onChanged: { add: (h: (args: unknown) => Promise<unknown>) => { handlers.push(h); return {}; } } } }, sync: async () => { syncs++; } };
  const run = (async (batch: (c: Excel.RequestContext) => Promise<unknown>) => { runs++; return batch(context as unknown as Excel.RequestContext); }) as ExcelRunner;
  return { run, handlers, counts: () => ({ runs, syncs }) };
}

describe('watchTables', () => {
  it('adds one handler in one batch of one sync, and passes each change on', async () => {
    const excel = stubExcel();
    const seen: TableChange[] = [];
    const asked: string[] = [];
    expect(await watchTables(excel.run, (set, version) => { asked.push(`${set} ${version}`); return true; }, (c) => seen.push(c))).toBe(true);
    expect(asked).toEqual(['ExcelApi 1.7']);
    expect(excel.counts()).toEqual({ runs: 1, syncs: 1 });
    expect(excel.handlers).toHaveLength(1);
    await excel.handlers[0]!({ type: 'TableChanged', tableId: '3', worksheetId: '{S}', address: 'B4', changeType: 'RangeEdited', source: 'Remote', details: {} });
    expect(seen).toEqual([{ tableId: '3', worksheetId: '{S}', address: 'B4', changeType: 'RangeEdited', source: 'Remote' }]);
  });

  it('registers nothing on a host without ExcelApi 1.7', async () => {
    const excel = stubExcel();
    expect(await watchTables(excel.run, () => false, () => undefined)).toBe(false);
    expect(excel.counts()).toEqual({ runs: 0, syncs: 0 });
  });
});
