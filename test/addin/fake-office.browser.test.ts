// The strict fake host itself, in Chromium: it must be as strict as Excel is documented to be, or
// the pane's scenarios prove nothing. Each behaviour here is one fake-office.js cites a Microsoft
// page for; each test has its own page and workbook.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPane, startPaneServer } from './browser.js';

/** Runs `body` (source text of an async function of Excel's RequestContext) in one Excel.run; returns its result or the error's code and message. */
async function run(page: Page, body: string): Promise<unknown> {
  return page.evaluate(async (src) => {
    try {
      return await Excel.run(new Function('context', `return (async () => { ${src} })()`) as (c: Excel.RequestContext) => Promise<unknown>);
    } catch (e) {
      return { code: (e as { code?: string }).code, message: (e as Error).message };
    }
  }, body);
}

describe.skipIf(!hasChromium)('the fake Excel host', () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, url, close } = await startPaneServer());
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  const fresh = () => openPane(browser, url, (h) => h.makeTable('People', 'People', ['ID', 'Name'], [['P1', 'Ana'], ['P2', 'Ben']]));

  it('refuses to read a property that was not loaded and synced (PropertyNotLoaded), and reads it after', async () => {
    const page = await fresh();
    expect(await run(page, `const r = context.workbook.tables.getItem('People').getRange(); return r.values;`)).toMatchObject({ code: 'PropertyNotLoaded' });
    expect(await run(page, `const r = context.workbook.tables.getItem('People').getRange().load('values'); return r.values;`)).toMatchObject({ code: 'PropertyNotLoaded' });
    expect(await run(page, `const r = context.workbook.tables.getItem('People').getRange().load('values,address'); await context.sync(); return [r.address, r.values];`))
      .toEqual(['People!A1:B3', [['ID', 'Name'], ['P1', 'Ana'], ['P2', 'Ben']]]);
    await page.close();
  });

  it('raises errors at sync with Office error codes, keeping the commands before the failing one', async () => {
    const page = await fresh();
    // The call itself does not fail; the sync does.
    expect(await run(page, `const t = context.workbook.tables.getItem('Nope'); return 'queued';`)).toBe('queued');
    expect(await run(page, `context.workbook.worksheets.getItem('People').getRange('D1').values = [['kept']]; context.workbook.tables.getItem('Nope').getRange().load('values'); context.workbook.worksheets.getItem('People').getRange('D2').values = [['dropped']]; await context.sync();`))
      .toMatchObject({ code: 'ItemNotFound' });
    expect(await run(page, `const r = context.workbook.worksheets.getItem('People').getRange('D1:D2').load('values'); await context.sync(); return r.values;`)).toEqual([['kept'], ['']]);
    expect(await run(page, `context.workbook.worksheets.getItem('People').getRange('A5:B5').values = [['x']]; await context.sync();`)).toMatchObject({ code: 'InvalidArgument' });
    await page.close();
  });

  it('gives null objects from getItemOrNullObject, known after a sync', async () => {
    const page = await fresh();
    expect(await run(page, `const t = context.workbook.tables.getItemOrNullObject('Nope'); return t.isNullObject;`)).toMatchObject({ code: 'PropertyNotLoaded' });
    expect(await run(page, `const a = context.workbook.tables.getItemOrNullObject('Nope'); const b = context.workbook.tables.getItemOrNullObject('people'); await context.sync(); return [a.isNullObject, b.isNullObject];`)).toEqual([true, false]);
    await page.close();
  });

  it('reads written text as Excel does: dates and numbers become numbers, an apostrophe keeps text, = + - make formulas', async () => {
    const page = await fresh();
    const got = await run(page, `const s = context.workbook.worksheets.getItem('People');
      s.getRange('D1:J1').values = [['2026-05-27', '10:00', '42', "'42", "'=1+1", '=1+1', '+SUM(1,2)']];
      const r = s.getRange('D1:J1').load('values,formulas'); await context.sync(); return [r.values[0], r.formulas[0]];`);
    expect(got).toEqual([
      [46169, 10 / 24, 42, '42', '=1+1', '#NAME?', '#NAME?'],
      [46169, 10 / 24, 42, '42', '=1+1', '=1+1', '=+SUM(1,2)'],
    ]);
    await page.close();
  });

  it('grows a table for a write just below it only when the first value is not blank, the rows were empty and no validation lies below', async () => {
    const rowsAfter = async (setup: string, values: string) => {
      const page = await fresh();
      const r = await run(page, `${setup} context.workbook.worksheets.getItem('People').getRange('A4:B4').values = ${values}; const t = context.workbook.tables.getItem('People').getRange().load('address'); await context.sync(); return t.address;`);
      await page.close();
      return r;
    };
    expect(await rowsAfter('', `[['P3', 'Cy']]`)).toBe('People!A1:B4');
    expect(await rowsAfter('', `[['', 'Cy']]`)).toBe('People!A1:B3');
    expect(await rowsAfter(`context.workbook.worksheets.getItem('People').getRange('B2:B100').dataValidation.rule = { list: { source: 'a,b' } };`, `[['P3', 'Cy']]`)).toBe('People!A1:B3');
    // A list on the whole column, or on the table column's body, does not stop it.
    expect(await rowsAfter(`context.workbook.worksheets.getItem('People').getRange('B:B').dataValidation.rule = { list: { source: 'a,b' } };`, `[['P3', 'Cy']]`)).toBe('People!A1:B4');
    expect(await rowsAfter(`context.workbook.tables.getItem('People').columns.getItemAt(1).getDataBodyRange().dataValidation.rule = { list: { source: 'a,b' } };`, `[['P3', 'Cy']]`)).toBe('People!A1:B4');
    // Other data already in the rows (typed there by a person, outside the table).
    expect(await rowsAfter(`window.__host.setCell('People', 'B4', 'there');`, `[['P3', 'Cy']]`)).toBe('People!A1:B3');
  });

  it('resizes a table only where ExcelApi 1.13 is supported, and refuses a request over 5 MB', async () => {
    const page = await fresh();
    expect(await run(page, `const t = context.workbook.tables.getItem('People'); t.resize('A1:B5'); const r = t.getRange().load('address'); await context.sync(); return r.address;`)).toBe('People!A1:B5');
    await page.evaluate(() => { window.__host.apiLevel = '1.12'; });
    expect(await page.evaluate(() => Office.context.requirements.isSetSupported('ExcelApi', '1.13'))).toBe(false);
    expect(await page.evaluate(() => Office.context.requirements.isSetSupported('ExcelApi', '1.8'))).toBe(true);
    expect(await run(page, `context.workbook.tables.getItem('People').resize('A1:B6'); await context.sync();`)).toMatchObject({ code: 'ApiNotFound' });
    expect(await run(page, `const big = Array.from({ length: 60000 }, () => ['x'.repeat(100)]); context.workbook.worksheets.getItem('People').getRange('D1:D60000').values = big; await context.sync();`))
      .toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await page.close();
  });

  it('lets a scripted co-author change the workbook between two syncs of the pane', async () => {
    const page = await fresh();
    const got = await run(page, `const h = window.__host;
      const a = context.workbook.tables.getItem('People').getRange().load('values'); await context.sync();
      h.beforeNextSync(() => { h.sortTable('People', 'Name'); h.insertRow('People', 0, ['P0', 'Zoe']); h.deleteRow('People', 2); });
      const b = context.workbook.tables.getItem('People').getRange().load('values'); await context.sync();
      return [a.values, b.values];`);
    expect(got).toEqual([[['ID', 'Name'], ['P1', 'Ana'], ['P2', 'Ben']], [['ID', 'Name'], ['P0', 'Zoe'], ['P1', 'Ana']]]);
    await page.close();
  });
});

describe.runIf(!hasChromium)('the fake Excel host', () => {
  // Skipping is for a developer's machine; under CI a missing browser is a failure, not a pass.
  it.skipIf(!process.env.CI)('needs Chromium under CI', () => {
    expect.fail('no Chromium: apt-get install chromium');
  });
});
