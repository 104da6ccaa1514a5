// The Excel adapter against office-addin-mock (Microsoft's mock of the Office.js API): what it
// reads and writes, and how many context.sync round trips each action costs, the same for 10 and
// for 1,000 rows. The mock refuses a property read that was not loaded and synced first.
import { OfficeMockObject } from 'office-addin-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEETING_LAYOUT, TABLE_LAYOUTS } from '../../../templates/contract/layout.js';
import { readWorkbook, rowsFromRange } from './read.js';
import { writeReportSheet } from './report.js';
import { setUpWorkbook } from './setup.js';
import type { CellInput } from '../../../templates/contract/index.js';
import { nextIds } from '../app/registration.js';
import { appendRows, appendToTables, selectCell, splitAddress, updateRecords, WriteRefused } from './write.js';

type Grid = unknown[][];
interface Write { sheet: string; row: number; column: number; rows: number; columns: number; values?: Grid }

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { ChartType: { columnStacked: 'ColumnStacked' }, ChartSeriesBy: { columns: 'Columns' } };
});

/** A mock RequestContext whose sync calls are counted. */
async function mockContext(workbook: Record<string, unknown>) {
  const mock = new OfficeMockObject({ context: { workbook }, run: async () => undefined }) as unknown as { context: Record<string, unknown> & { sync(): Promise<void> } };
  const context = mock.context;
  const sync = context.sync.bind(context);
  const counter = { syncs: 0 };
  context.sync = async () => {
    counter.syncs++;
    await sync();
    // The mock settles nested properties in later microtasks; let them land as a real sync would.
    await new Promise((r) => setTimeout(r, 0));
  };
  return { context: context as unknown as Excel.RequestContext, counter, mock: context };
}

/** Marks mock objects as present or null (isNullObject is readable after any sync in Office.js). */
function setNull(obj: unknown, value: boolean) {
  (obj as { isNullObject: boolean }).isNullObject = value;
}

/** A write-only range that records what is written to it. */
function recorder(log: Write[], sheet: string, row: number, column: number, rows: number, columns: number) {
  const w: Write = { sheet, row, column, rows, columns };
  log.push(w);
  return {
    set values(v: Grid) {
      expect(v).toHaveLength(rows);
      for (const line of v) expect(line).toHaveLength(columns);
      w.values = v;
    },
    set numberFormat(v: Grid) { expect(v).toHaveLength(rows); },
    format: { font: {}, autofitColumns() {}, set columnWidth(_w: number) {} },
    dataValidation: { rule: undefined as unknown },
    select() { log.push({ sheet, row, column, rows: -1, columns: -1 }); },
  };
}

const PARTICIPANT_HEADERS = TABLE_LAYOUTS.Participants.headers;

function participantRows(n: number): Grid {
  return Array.from({ length: n }, (_, i) => [`P${String(i + 1).padStart(4, '0')}`, 'D-CHE', '', `Given${i}`, `Family${i}`, i % 2 ? 'Man' : 'Woman', 'Delegate', '', 'In person', 46150, '']);
}

function readMock(n: number, blocks: number[][]) {
  const sheet = (name: string, values: Grid) => ({
    name,
    used: { rowIndex: 0, columnIndex: 0, rowCount: values.length, columnCount: values[0]!.length },
    block: { values, formulas: values, valueTypes: values.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))) },
    getUsedRangeOrNullObject() { return (this as unknown as { used: unknown }).used; },
    getRangeByIndexes(r: number, c: number, nr: number, nc: number) {
      blocks.push([r, c, nr, nc]);
      return (this as unknown as { block: unknown }).block;
    },
  });
  const meeting = [['Field', 'Value'], ['Code', 'CSP12-PREP'], ['Title', 'Prep'], ['Start date', 46169], ['End date', 46170]];
  return {
    worksheets: {
      Meeting: sheet('Meeting', meeting),
      Participants: sheet('Participants', [[...PARTICIPANT_HEADERS], ...participantRows(n)]),
      missing: { name: '' },
      getItemOrNullObject(name: string) { return (this as unknown as Record<string, unknown>)[name] ?? (this as unknown as { missing: unknown }).missing; },
    },
    functions: { epoch: { value: 1462 }, date() { return (this as unknown as { epoch: unknown }).epoch; } },
  };
}

async function read(n: number) {
  const blocks: number[][] = [];
  const wb = readMock(n, blocks);
  const { context, counter, mock } = await mockContext(wb);
  const ws = (mock.workbook as { worksheets: Record<string, unknown> }).worksheets;
  setNull(ws.Meeting, false);
  setNull(ws.Participants, false);
  setNull(ws.missing, true);
  setNull((ws.Meeting as { used: unknown }).used, false);
  setNull((ws.Participants as { used: unknown }).used, false);
  const snapshot = await readWorkbook(context);
  return { snapshot, syncs: counter.syncs, blocks };
}

describe('rowsFromRange', () => {
  it('keeps formulas with their cached result, tells apostrophe text from formulas, and carries errors', () => {
    const values = [['Name', 'Total', 'Note'], ['=SUM(1)', 3, '#N/A']];
    const formulas = [['Name', 'Total', 'Note'], ['=SUM(1)', '=1+2', '=NA()']];
    const types = [['String', 'String', 'String'], ['String', 'Double', 'Error']];
    expect(rowsFromRange(values, formulas, types, 4, 2)).toEqual([
      { row: 5, cells: [undefined, undefined, undefined, { value: 'Name' }, { value: 'Total' }, { value: 'Note' }] },
      { row: 6, cells: [undefined, undefined, undefined, { value: '=SUM(1)' }, { value: 3, formula: '1+2' }, { value: null, error: '#N/A', formula: 'NA()' }] },
    ]);
  });
});

describe('readWorkbook', () => {
  it('reads the contract sheets that exist into RawWorkbook rows, cells by 1-based column', async () => {
    const { snapshot } = await read(3);
    expect(snapshot.raw.date1904).toBe(false);
    expect(snapshot.hasReportSheet).toBe(false);
    expect(snapshot.raw.sheets.map((s) => s.name)).toEqual(['Meeting', 'Participants']);
    const participants = snapshot.raw.sheets[1]!;
    expect(participants.rows).toHaveLength(4);
    expect(participants.rows[1]!.row).toBe(2);
    expect(participants.rows[1]!.cells[1]).toEqual({ value: 'P0001' });
    expect(participants.rows[1]!.cells[3]).toBeUndefined(); // empty Title
    expect(participants.rows[1]!.cells[10]).toEqual({ value: 46150 });
  });

  it('costs three syncs for 10 rows and for 1,000: sheets, used ranges, then every sheet\'s cells in one request', async () => {
    const small = await read(10);
    const large = await read(1000);
    expect(small.snapshot.raw.sheets[1]!.rows).toHaveLength(11);
    expect(large.snapshot.raw.sheets[1]!.rows).toHaveLength(1001);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    expect(large.blocks).toEqual([[0, 0, 5, 2], [0, 0, 1001, 11]]);
  });
});

/**
 * A table for the append and update tests: `rows` body rows of participants under their headers.
 * Its range is worked out when read, so a write just below it grows it when `grows` is set (as
 * Excel does when nothing stops it), and `resize` records the address. Writes are logged with the
 * worksheet row they land on (0-based, relative ranges resolved as Excel does).
 */
function tableMock(sheet: string, headers: readonly string[], body: Grid, log: Write[], opts: { grows: boolean; resized?: string[] }) {
  const state = { rows: body.length + 1 };
  const grid = () => [[...headers], ...body];
  const rangeAt = (row: number, rows: number, column = 0, columns = headers.length) => {
    const w: Write = { sheet, row, column, rows, columns };
    const now = (): Grid => Array.from({ length: rows }, (_, i) => (grid()[row + i] ?? headers.map(() => '')).slice(column, column + columns));
    // What a load saw when its sync ran: a snapshot, as Office.js gives.
    let seen: Grid | undefined;
    return {
      rowIndex: row,
      columnIndex: column,
      load() { seen = now(); return this; },
      get values(): Grid { return seen ?? now(); },
      set values(v: Grid) {
        expect(v).toHaveLength(rows);
        for (const line of v) expect(line).toHaveLength(columns);
        w.values = v;
        log.push(w);
        v.forEach((line, i) => { body[row - 1 + i] = [...(body[row - 1 + i] ?? headers.map(() => '')).slice(0, column), ...line, ...(body[row - 1 + i] ?? []).slice(column + columns)]; });
        if (opts.grows && row === state.rows) state.rows += rows;
      },
    };
  };
  const whole = () => ({
    rowIndex: 0, columnIndex: 0, columnCount: headers.length,
    get rowCount() { return state.rows; },
    get values() { return grid().slice(0, state.rows); },
    load() { return this; },
    getRowsBelow: (n: number) => rangeAt(state.rows, n),
  });
  return {
    name: sheet,
    header: { values: [[...headers]] },
    body: {
      values: body,
      getLastRow: () => rangeAt(state.rows - 1, 1),
      getCell: (i: number, j: number) => rangeAt(1 + i, 1, j, 1),
    },
    worksheet: { getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => rangeAt(r, nr, c, nc) },
    getRange: whole,
    getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
    getDataBodyRange() { return (this as unknown as { body: unknown }).body; },
    resize: (address: string) => { opts.resized?.push(address); state.rows = Number(/(\d+)$/.exec(address)![1]); },
  };
}

function workbookWith(tables: Record<string, unknown>, suspended: { n: number }) {
  return {
    tables: { ...tables, getItem(name: string) { return (this as unknown as Record<string, unknown>)[name]; } },
    application: { suspendApiCalculationUntilNextSync: () => { suspended.n++; } },
  };
}

const PARTICIPANT_IDS = { header: 'Participant ID', allocate: (used: readonly string[], n: number) => nextIds(used, 'P', n) };

async function append(existing: number, adding: number, opts: { grows?: boolean; canResize?: boolean } = {}) {
  const log: Write[] = [];
  const suspended = { n: 0 };
  const resized: string[] = [];
  const table = tableMock('Participants', PARTICIPANT_HEADERS, participantRows(existing), log, { grows: opts.grows ?? true, resized });
  const { context, counter } = await mockContext(workbookWith({ Participants: table }, suspended));
  // Headers of the records in another order and spelling: matched as the validator matches them.
  const records = Array.from({ length: adding }, () => ({ 'gender': 'Woman', 'delegation id': 'D-FRA', 'Given name': 'A', 'Family name': 'B', Role: 'Delegate', Participation: 'Online' }));
  let error: unknown;
  const result = await appendRows(context, 'Participants', records, { newIds: PARTICIPANT_IDS }, opts.canResize ?? true).catch((e: unknown) => { error = e; return null; });
  return { log, suspended: suspended.n, syncs: counter.syncs, result, resized, error };
}

describe('appendRows', () => {
  it('writes just below the table (never TableRowCollection.add), in the table\'s column order, with IDs allocated from the IDs it read', async () => {
    const { log, result, suspended } = await append(10, 2);
    // The first write is the read-back of the target rows' emptiness; the rows go to worksheet rows 12 and 13 (0-based 11).
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ row: 11, column: 0, rows: 2, columns: 11 });
    expect(log[0]!.values![0]).toEqual(['P0011', 'D-FRA', '', 'A', 'B', 'Woman', 'Delegate', '', 'Online', '', '']);
    expect(result!.written.map((r) => r['Participant ID'])).toEqual(['P0011', 'P0012']);
    expect(result!.resized).toBe(false);
    expect(suspended).toBe(1);
  });

  it('writes formula-like text as text (Excel\'s leading apostrophe), never as a formula', async () => {
    const log: Write[] = [];
    const table = tableMock('Participants', PARTICIPANT_HEADERS, participantRows(3), log, { grows: true });
    const { context } = await mockContext(workbookWith({ Participants: table }, { n: 0 }));
    await appendRows(context, 'Participants', [{ 'Participant ID': 'P9', 'Family name': '=HYPERLINK("http://x","y")', 'Given name': '+41 22 000', Title: '<b>Dr</b>' }], {}, true);
    // Text of a text column that does not start with a letter gets the apostrophe too (Excel stores '<b>Dr</b> as the text <b>Dr</b>).
    expect(log[0]!.values![0]!.slice(2, 5)).toEqual(["'<b>Dr</b>", "'+41 22 000", '\'=HYPERLINK("http://x","y")']);
  });

  it('writes text that Excel would retype as a number, boolean or date as text in text columns only', async () => {
    const log: Write[] = [];
    const table = tableMock('Participants', PARTICIPANT_HEADERS, participantRows(3), log, { grows: true });
    const { context } = await mockContext(workbookWith({ Participants: table }, { n: 0 }));
    await appendRows(context, 'Participants', [{ 'Participant ID': '007', 'Given name': 'TRUE', 'Family name': 'May 2026', Title: 'Ms', 'Registered on': '2026-05-12' }], {}, true);
    const line = log[0]!.values![0]!;
    expect([line[0], line[2], line[3], line[4], line[9]]).toEqual(["'007", 'Ms', "'TRUE", "'May 2026", '2026-05-12']);
  });

  it('costs two syncs, checks included, whether the table has 10 rows or 1,000 and whether 10 or 1,000 are added', async () => {
    const counts = await Promise.all([append(10, 10), append(1000, 10), append(10, 1000), append(1000, 1000)]);
    expect(counts.map((c) => c.syncs)).toEqual([2, 2, 2, 2]);
    expect(counts[3]!.log[0]).toMatchObject({ row: 1001, rows: 1000 });
  });

  it('resizes a table Excel did not grow (ExcelApi 1.13) for one more sync, whatever the sizes', async () => {
    const counts = await Promise.all([append(10, 2, { grows: false }), append(1000, 1000, { grows: false })]);
    expect(counts.map((c) => c.syncs)).toEqual([3, 3]);
    expect(counts[0]!.resized).toEqual(['A1:K13']);
    expect(counts[1]!.resized).toEqual(['A1:K2001']);
    expect(counts[0]!.result!.resized).toBe(true);
  });

  it('without Table.resize, clears what it wrote and refuses in a sentence', async () => {
    const { log, syncs, error } = await append(10, 2, { grows: false, canResize: false });
    expect(syncs).toBe(3);
    expect(log.map((w) => [w.row, w.rows])).toEqual([[11, 2], [11, 2]]);
    expect(log[1]!.values).toEqual([Array(11).fill(''), Array(11).fill('')]);
    expect(error).toBeInstanceOf(WriteRefused);
    expect((error as Error).message).toBe('Excel did not extend the Participants table to take the new rows and this version of Excel cannot resize a table (ExcelApi 1.13), so nothing was added. Run Set up workbook (it removes drop-down lists below the tables that stop them growing), then try again.');
  });
});

describe('appendToTables', () => {
  const DELEGATION_HEADERS = TABLE_LAYOUTS.Delegations.headers;
  async function delegationWithMembers(existing: number, members: number, fresh = false) {
    const log: Write[] = [];
    const suspended = { n: 0 };
    const delegations = tableMock('Delegations', DELEGATION_HEADERS, fresh ? [['', '', '', '']] : Array.from({ length: existing }, (_, i) => [`D-${i}`, `Delegation ${i}`, 'State Party', '']), log, { grows: true });
    const participants = tableMock('Participants', PARTICIPANT_HEADERS, participantRows(existing), log, { grows: true });
    const { context, counter } = await mockContext(workbookWith({ Delegations: delegations, Participants: participants }, suspended));
    const people = Array.from({ length: members }, () => ({ 'Delegation ID': 'D-GHA', 'Given name': 'A', 'Family name': '=B', Gender: 'Woman', Role: 'Delegate', Participation: 'Online' }));
    const results = await appendToTables(context, [
      { table: 'Delegations', records: [{ 'Delegation ID': 'D-GHA', Name: 'Ghana', Category: 'State Party', 'Country code': 'GHA' }], uniqueKey: 'Delegation ID' },
      { table: 'Participants', records: people, newIds: PARTICIPANT_IDS },
    ], true);
    return { log, syncs: counter.syncs, suspended: suspended.n, results };
  }

  it('writes a new delegation and its members below their two tables in one action', async () => {
    const { log, results, suspended } = await delegationWithMembers(10, 3);
    expect(log.map((w) => [w.sheet, w.row, w.rows, w.columns])).toEqual([['Delegations', 11, 1, 4], ['Participants', 11, 3, 11]]);
    expect(log[0]!.values).toEqual([['D-GHA', 'Ghana', 'State Party', 'GHA']]);
    expect(log[1]!.values![0]!.slice(0, 5)).toEqual(['P0011', 'D-GHA', '', 'A', "'=B"]);
    expect(results[1]!.written.map((r) => r['Participant ID'])).toEqual(['P0011', 'P0012', 'P0013']);
    expect(suspended).toBe(1);
  });

  it('fills a fresh table\'s empty body row with its own write, the rest starting just below', async () => {
    const { log } = await delegationWithMembers(10, 1, true);
    expect(log.map((w) => [w.sheet, w.row, w.rows])).toEqual([['Delegations', 1, 1], ['Participants', 11, 1]]);
  });

  it('refuses a delegation whose ID the table already holds, writing nothing, in one sync', async () => {
    const log: Write[] = [];
    const delegations = tableMock('Delegations', DELEGATION_HEADERS, [['D-GHA', 'Ghana', 'State Party', 'GHA']], log, { grows: true });
    const { context, counter } = await mockContext(workbookWith({ Delegations: delegations }, { n: 0 }));
    await expect(appendRows(context, 'Delegations', [{ 'Delegation ID': 'D-GHA', Name: 'Ghana' }], { uniqueKey: 'Delegation ID' }, true)).rejects.toThrow('D-GHA is already used on the Delegations sheet (someone may have just added it), so nothing was added. Choose another ID.');
    expect(log).toEqual([]);
    expect(counter.syncs).toBe(1);
  });

  it('costs two syncs for 10 or 1,000 rows in the tables and 10 or 1,000 members', async () => {
    const counts = await Promise.all([delegationWithMembers(10, 10), delegationWithMembers(1000, 10), delegationWithMembers(10, 1000), delegationWithMembers(1000, 1000)]);
    expect(counts.map((c) => c.syncs)).toEqual([2, 2, 2, 2]);
    expect(counts[3]!.log.map((w) => [w.sheet, w.row, w.rows])).toEqual([['Delegations', 1001, 1], ['Participants', 1001, 1000]]);
  });
});

describe('updateRecords', () => {
  async function update(n: number, id: string, expected: Record<string, CellInput>) {
    const log: Write[] = [];
    const table = tableMock('Participants', PARTICIPANT_HEADERS, participantRows(n).reverse(), log, { grows: true });
    const { context, counter } = await mockContext(workbookWith({ Participants: table }, { n: 0 }));
    let error: unknown;
    await updateRecords(context, 'Participants', 'Participant ID', [{ id, expected, values: { Role: 'Adviser', 'Family name': '=X' } }]).catch((e: unknown) => { error = e; });
    return { log, syncs: counter.syncs, error };
  }

  it('finds the row by its ID where it is now (the table sorted the other way round) and writes only the cells asked for', async () => {
    const { log, error } = await update(10, 'P0003', { Role: 'Delegate' });
    expect(error).toBeUndefined();
    // P0003 is the 8th body row of 10 in reverse order: worksheet row 9 (0-based 8); Role is column G, Family name E.
    expect(log.map((w) => [w.row, w.column, w.values])).toEqual([[8, 6, [['Adviser']]], [8, 4, [["'=X"]]]]);
  });

  it('costs two syncs for 10 rows and for 1,000', async () => {
    expect((await update(10, 'P0003', { Role: 'Delegate' })).syncs).toBe(2);
    expect((await update(1000, 'P0003', { Role: 'Delegate' })).syncs).toBe(2);
  });

  it('writes nothing, after one sync, when the row no longer holds what the pane showed or its ID is gone', async () => {
    const changed = await update(10, 'P0003', { Role: 'Head of delegation' });
    expect((changed.error as Error).message).toBe('Someone changed P0003 on the Participants sheet since the pane showed it (Role is now "Delegate"), so nothing was saved. The pane now shows the fresh data; try again.');
    expect([changed.log, changed.syncs]).toEqual([[], 1]);
    const gone = await update(10, 'P0099', {});
    expect((gone.error as Error).message).toBe('P0099 is no longer on the Participants sheet (someone deleted it or changed its ID), so nothing was saved. The pane now shows the workbook as it is.');
    expect(gone.log).toEqual([]);
  });
});

describe('selectCell', () => {
  function cellsMock(log: Write[]) {
    return {
      worksheets: {
        getItem: (name: string) => ({
          getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, name, r, c, nr, nc),
          getRange: (a1: string) => { const at = /^([A-Z]+)(\d+)$/.exec(a1)!; return recorder(log, name, Number(at[2]) - 1, at[1]!.charCodeAt(0) - 65, 1, 1); },
          activate: () => undefined,
        }),
      },
    };
  }

  it('selects a problem\'s cell, quoted sheet names included, in one sync', async () => {
    expect(splitAddress("'My sheet'!F14")).toEqual({ sheet: 'My sheet', a1: 'F14' });
    expect(splitAddress('Participants!F14')).toEqual({ sheet: 'Participants', a1: 'F14' });
    expect(splitAddress('F14')).toBeUndefined();
    const log: Write[] = [];
    const { context, counter } = await mockContext(cellsMock(log));
    expect(await selectCell(context, 'Participants!F14')).toBe(true);
    expect(counter.syncs).toBe(1);
    expect(log.at(-1)).toEqual({ sheet: 'Participants', row: 13, column: 5, rows: -1, columns: -1 });
  });
});

describe('setUpWorkbook', () => {
  /** An existing workbook: Meeting (with some fields) and Participants (n rows, no Email column). */
  function setupMock(n: number, log: Write[], added: string[], tablesAdded: string[], rules: string[]) {
    /** A table's columns: where lists are cleared and put, and number formats set, by table and column index. */
    const columnsOf = (table: string, bodyRows: number) => ({
      getItemAt: (j: number) => ({
        getRange: () => ({ getEntireColumn: () => ({ dataValidation: { clear: () => { rules.push(`${table}[${j}] column cleared`); } } }) }),
        getDataBodyRange: () => ({
          dataValidation: { set rule(r: { list: { source: string } }) { rules.push(`${table}[${j}] body list ${r.list.source}`); } },
          // One value for the whole column (never an array sized from an earlier read of the table).
          set numberFormat(v: Grid) { expect(v).toEqual([[expect.any(String)]]); void bodyRows; rules.push(`${table}[${j}] body format ${String(v[0]![0])}`); },
        }),
      }),
    });
    const sheetApi = (name: string) => ({
      name,
      getRange: (a: string) => recorder(log, name, -1, -1, /^[A-Z]+\d+:[A-Z]+(\d+)$/.test(a) ? Number(/(\d+)$/.exec(a)![1]) - Number(/^[A-Z]+(\d+)/.exec(a)![1]) + 1 : 1, a.includes(':') && /^[A-Z]\d+:[A-Z]\d+$/.test(a) ? a.charCodeAt(a.indexOf(':') + 1) - a.charCodeAt(0) + 1 : 1),
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, name, r, c, nr, nc),
      tables: { add: (address: string) => { tablesAdded.push(`${name}!${address}`); return { name: '', columns: columnsOf(name, 1) }; } },
    });
    const headers = PARTICIPANT_HEADERS.filter((h) => h !== 'Email');
    return {
      worksheets: {
        Meeting: { name: 'Meeting' },
        Participants: { name: 'Participants' },
        missing: { name: '' },
        getItemOrNullObject(name: string) { return (this as unknown as Record<string, unknown>)[name] ?? (this as unknown as { missing: unknown }).missing; },
        getItem: (name: string) => sheetApi(name),
        add: (name: string) => sheetApi(name),
      },
      tables: {
        MeetingFields: {
          name: 'MeetingFields',
          header: { values: [['Field', 'Value']], columnCount: 2 },
          // Rows below the 4-row table, where the table is when the write runs.
          range: { rowIndex: 0, rowCount: 4, columnIndex: 0, getRowsBelow: (n: number) => recorder(log, 'Meeting', 4, 0, n, 2) },
          fields: { values: [['Code'], ['Title'], ['Start date']] },
          body: { rowCount: 3 },
          getDataBodyRange() { return (this as unknown as { body: unknown }).body; },
          worksheet: { getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, 'Meeting', r, c, nr, nc) },
          columns: { getItemAt() { return { getDataBodyRange: () => (this as unknown as { parent: unknown }).parent }; }, parent: {} },
          getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
          getRange() { return (this as unknown as { range: unknown }).range; },
        },
        Participants: {
          name: 'Participants',
          header: { values: [headers], columnCount: headers.length },
          body: { values: participantRows(n), rowCount: n },
          columns: { add: (_i: unknown, _v: unknown, name: string) => { added.push(name); }, getItemAt: columnsOf('Participants', n).getItemAt },
          getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
          getDataBodyRange() { return (this as unknown as { body: unknown }).body; },
        },
        missing: { name: '' },
        getItemOrNullObject(name: string) { return (this as unknown as Record<string, unknown>)[name] ?? (this as unknown as { missing: unknown }).missing; },
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
    };
  }

  async function setUp(n: number) {
    const log: Write[] = [];
    const added: string[] = [];
    const tablesAdded: string[] = [];
    const rules: string[] = [];
    const wb = setupMock(n, log, added, tablesAdded, rules);
    const { context, counter, mock } = await mockContext(wb);
    const m = mock.workbook as { worksheets: Record<string, unknown>; tables: Record<string, Record<string, unknown>> };
    setNull(m.worksheets.Meeting, false);
    setNull(m.worksheets.Participants, false);
    setNull(m.worksheets.missing, true);
    setNull(m.tables.MeetingFields, false);
    setNull(m.tables.Participants, false);
    setNull(m.tables.missing, true);
    // The Meeting table's Field column: its data body range is the `fields` mock.
    const meetingTable = m.tables.MeetingFields!;
    (meetingTable.columns as { getItemAt: () => unknown }).getItemAt = () => ({ getDataBodyRange: () => meetingTable.fields });
    const result = await setUpWorkbook(context);
    return { result, syncs: counter.syncs, log, added, tablesAdded, rules };
  }

  it('creates the missing sheets as tables, adds missing columns at the right, appends missing Meeting fields below, and leaves data alone', async () => {
    const { result, added, tablesAdded, log } = await setUp(10);
    expect(result.created).toEqual(['Sessions', 'Agenda', 'Delegations', 'Attendance', 'Speakers', 'Submissions']);
    expect(added).toEqual(['Email']);
    expect(result.fieldsAdded).toEqual(['Venue', 'City', 'End date', 'Time zone', 'Registration deadline', 'Working paper deadline', 'Documents date', 'Livestream']);
    expect(tablesAdded).toContain('Sessions!A1:G1');
    // The Meeting fields go in the rows just below the 4-row table (rows 5 on, 0-based 4).
    expect(log.find((w) => w.sheet === 'Meeting')).toMatchObject({ row: 4, column: 0, rows: MEETING_LAYOUT.fields.length - 3, columns: 2 });
    // Nothing is written into the existing Participants rows.
    expect(log.filter((w) => w.sheet === 'Participants')).toEqual([]);
  });

  it('puts lists and formats on the table columns\' body, after clearing the lists an earlier version left down the worksheet column', async () => {
    const { rules } = await setUp(10);
    // Participants as found: no Email column, so Participation is column 8 and the added Email column 10.
    expect(rules.filter((r) => r.startsWith('Participants'))).toEqual([
      'Participants[1] column cleared', 'Participants[1] body list =Delegations!$A$2:$A$10001',
      'Participants[5] column cleared', 'Participants[5] body list Woman,Man,Other,Not stated',
      'Participants[6] column cleared', 'Participants[6] body list Head of delegation,Deputy head of delegation,Delegate,Adviser,Observer',
      'Participants[7] column cleared', 'Participants[7] body list In person,Online',
      'Participants[8] body format yyyy-mm-dd',
      'Participants[9] column cleared', 'Participants[9] body list Registered,Confirmed,Cancelled',
    ]);
    // A new table's single body row gets them too: nothing is put on a fixed range below a table.
    expect(rules.filter((r) => r.startsWith('Attendance'))).toEqual([
      'Attendance[0] column cleared', 'Attendance[0] body list =Participants!$A$2:$A$10001',
      'Attendance[1] column cleared', 'Attendance[1] body list =Sessions!$A$2:$A$10001',
      'Attendance[2] column cleared', 'Attendance[2] body list In person,Online',
      'Attendance[3] body format yyyy-mm-dd hh:mm',
    ]);
  });

  it('costs three syncs for 10 rows and for 1,000', async () => {
    expect((await setUp(10)).syncs).toBe(3);
    expect((await setUp(1000)).syncs).toBe(3);
  });
});

describe('writeReportSheet', () => {
  async function report(rows: number, exists: boolean) {
    const log: Write[] = [];
    const charts: string[] = [];
    const fills: string[] = [];
    let deleted = false;
    const sheet = {
      getRange: () => recorder(log, 'Report', 0, 0, 1, 1),
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, 'Report', r, c, nr, nc),
      charts: {
        add: (type: string) => {
          charts.push(type);
          return { title: {}, setPosition: () => undefined, series: { getItemAt: (i: number) => ({ format: { fill: { setSolidColor: (c: string) => { fills.push(`${i} ${c}`); } } } }) } };
        },
      },
      activate: () => undefined,
    };
    const wb = {
      worksheets: {
        old: { name: 'Report', delete: () => { deleted = true; } },
        getItemOrNullObject(_name: string) { return (this as unknown as { old: unknown }).old; },
        add: () => sheet,
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
    };
    const { context, counter, mock } = await mockContext(wb);
    setNull((mock.workbook as { worksheets: { old: unknown } }).worksheets.old, !exists);
    const block = { title: 'Attendance', header: ['Session', 'Women', 'Men', 'Other', 'Not stated', 'Total', 'Share'], rows: Array.from({ length: rows }, (_, i) => [`S${i}`, 1, 1, 0, 0, 2, 0.5]), chartColumns: 5, chartRows: rows, shareColumns: [6] };
    await writeReportSheet(context, 'CSP12-PREP', [block, { ...block, chartColumns: 0 }]);
    return { syncs: counter.syncs, charts, deleted, log, fills };
  }

  it('replaces the previous Report sheet and adds one native stacked column chart per charted table', async () => {
    const r = await report(3, true);
    expect(r.deleted).toBe(true);
    expect(r.charts).toEqual(['ColumnStacked']);
    // Women, men, other, not stated in the Okabe-Ito colours of the PNG charts and the pane.
    expect(r.fills).toEqual(['0 #E69F00', '1 #0072B2', '2 #009E73', '3 #999999']);
    expect(r.log.find((w) => w.rows === 4 && w.columns === 7)!.values![1]).toEqual(['S0', 1, 1, 0, 0, 2, 0.5]);
    expect((await report(3, false)).deleted).toBe(false);
  });

  it('costs two syncs for 10 rows and for 1,000', async () => {
    expect((await report(10, true)).syncs).toBe(2);
    expect((await report(1000, true)).syncs).toBe(2);
  });
});
