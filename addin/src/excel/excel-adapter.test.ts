// The Excel adapter against office-addin-mock (Microsoft's mock of the Office.js API): what it
// reads and writes, and how many context.sync round trips each action costs, the same for 10 and
// for 1,000 rows. The mock refuses a property read that was not loaded and synced first.
import { OfficeMockObject } from 'office-addin-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEETING_LAYOUT, TABLE_LAYOUTS } from '../../../templates/contract/layout.js';
import { readWorkbook, rowsFromRange } from './read.js';
import { writeReportSheet } from './report.js';
import { setUpWorkbook } from './setup.js';
import { appendRows, appendToTables, selectCell, splitAddress, writeCells } from './write.js';

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

function appendMock(bodyRows: number, log: Write[], suspended: { n: number }) {
  return {
    tables: {
      Participants: {
        range: { rowIndex: 0, columnIndex: 0, rowCount: bodyRows + 1, columnCount: PARTICIPANT_HEADERS.length },
        header: { values: [[...PARTICIPANT_HEADERS]] },
        body: { last: { values: [participantRows(1)[0]] }, getLastRow() { return (this as unknown as { last: unknown }).last; } },
        worksheet: { name: 'Participants', getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, 'Participants', r, c, nr, nc) },
        getRange() { return (this as unknown as { range: unknown }).range; },
        getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
        getDataBodyRange() { return (this as unknown as { body: unknown }).body; },
      },
      getItem(name: string) { return (this as unknown as Record<string, unknown>)[name]; },
    },
    application: { suspendApiCalculationUntilNextSync: () => { suspended.n++; } },
  };
}

async function append(existing: number, adding: number) {
  const log: Write[] = [];
  const suspended = { n: 0 };
  const { context, counter } = await mockContext(appendMock(existing, log, suspended));
  // Headers of the records in another order and spelling: matched as the validator matches them.
  const records = Array.from({ length: adding }, (_, i) => ({ 'gender': 'Woman', 'Participant ID': `N${i}`, 'delegation id': 'D-FRA', 'Given name': 'A', 'Family name': 'B', Role: 'Delegate', Participation: 'Online' }));
  const firstRow = await appendRows(context, 'Participants', records);
  return { log, suspended: suspended.n, syncs: counter.syncs, firstRow };
}

describe('appendRows', () => {
  it('writes just below the table (never TableRowCollection.add), in the table\'s column order', async () => {
    const { log, firstRow, suspended } = await append(10, 2);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ row: 11, column: 0, rows: 2, columns: 11 });
    expect(log[0]!.values![0]).toEqual(['N0', 'D-FRA', '', 'A', 'B', 'Woman', 'Delegate', '', 'Online', '', '']);
    expect(firstRow).toBe(12);
    expect(suspended).toBe(1);
  });

  it('writes formula-like text as text (Excel\'s leading apostrophe), never as a formula', async () => {
    const log: Write[] = [];
    const { context } = await mockContext(appendMock(3, log, { n: 0 }));
    await appendRows(context, 'Participants', [{ 'Participant ID': 'P9', 'Family name': '=HYPERLINK("http://x","y")', 'Given name': '+41 22 000', Title: '<b>Dr</b>' }]);
    expect(log[0]!.values![0]!.slice(2, 5)).toEqual(['<b>Dr</b>', "'+41 22 000", '\'=HYPERLINK("http://x","y")']);
  });

  it('costs two syncs whether the table has 10 rows or 1,000 and whether 10 or 1,000 are added', async () => {
    const counts = await Promise.all([append(10, 10), append(1000, 10), append(10, 1000), append(1000, 1000)]);
    expect(counts.map((c) => c.syncs)).toEqual([2, 2, 2, 2]);
    expect(counts[3]!.log[0]).toMatchObject({ row: 1001, rows: 1000 });
  });
});

describe('appendToTables', () => {
  const DELEGATION_HEADERS = TABLE_LAYOUTS.Delegations.headers;

  /** Delegations on its own sheet (n rows, or a fresh table with one empty body row) and Participants (n rows). */
  function twoTables(n: number, freshDelegations: boolean, log: Write[], suspended: { n: number }) {
    const mock = appendMock(n, log, suspended);
    const tables = mock.tables as unknown as Record<string, unknown>;
    tables.Delegations = {
      range: { rowIndex: 0, columnIndex: 0, rowCount: freshDelegations ? 2 : n + 1, columnCount: DELEGATION_HEADERS.length },
      header: { values: [[...DELEGATION_HEADERS]] },
      body: { last: { values: [freshDelegations ? ['', '', '', ''] : ['D-CHE', 'Switzerland', 'State Party', 'CHE']] }, getLastRow() { return (this as unknown as { last: unknown }).last; } },
      worksheet: { name: 'Delegations', getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, 'Delegations', r, c, nr, nc) },
      getRange() { return (this as unknown as { range: unknown }).range; },
      getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
      getDataBodyRange() { return (this as unknown as { body: unknown }).body; },
    };
    return mock;
  }

  async function delegationWithMembers(existing: number, members: number, fresh = false) {
    const log: Write[] = [];
    const suspended = { n: 0 };
    const { context, counter } = await mockContext(twoTables(existing, fresh, log, suspended));
    const people = Array.from({ length: members }, (_, i) => ({ 'Participant ID': `P${i}`, 'Delegation ID': 'D-GHA', 'Given name': 'A', 'Family name': '=B', Gender: 'Woman', Role: 'Delegate', Participation: 'Online' }));
    const first = await appendToTables(context, [
      { table: 'Delegations', records: [{ 'Delegation ID': 'D-GHA', Name: 'Ghana', Category: 'State Party', 'Country code': 'GHA' }] },
      { table: 'Participants', records: people },
    ]);
    return { log, syncs: counter.syncs, suspended: suspended.n, first };
  }

  it('writes a new delegation and its members below their two tables in one action', async () => {
    const { log, first, suspended } = await delegationWithMembers(10, 3);
    expect(log.map((w) => [w.sheet, w.row, w.rows, w.columns])).toEqual([['Delegations', 11, 1, 4], ['Participants', 11, 3, 11]]);
    expect(log[0]!.values).toEqual([['D-GHA', 'Ghana', 'State Party', 'GHA']]);
    expect(log[1]!.values![0]!.slice(0, 5)).toEqual(['P0', 'D-GHA', '', 'A', "'=B"]);
    expect(first).toEqual([12, 12]);
    expect(suspended).toBe(1);
  });

  it('fills a fresh table\'s empty body row with its own write, the rest starting just below', async () => {
    const { log, first } = await delegationWithMembers(10, 1, true);
    expect(log.map((w) => [w.sheet, w.row, w.rows])).toEqual([['Delegations', 1, 1], ['Participants', 11, 1]]);
    expect(first).toEqual([2, 12]);
  });

  it('costs two syncs for 10 or 1,000 rows in the tables and 10 or 1,000 members', async () => {
    const counts = await Promise.all([delegationWithMembers(10, 10), delegationWithMembers(1000, 10), delegationWithMembers(10, 1000), delegationWithMembers(1000, 1000)]);
    expect(counts.map((c) => c.syncs)).toEqual([2, 2, 2, 2]);
    expect(counts[3]!.log.map((w) => [w.sheet, w.row, w.rows])).toEqual([['Delegations', 1001, 1], ['Participants', 1001, 1000]]);
  });
});

describe('writeCells and selectCell', () => {
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

  it('writes any number of single cells in one sync', async () => {
    for (const n of [10, 1000]) {
      const log: Write[] = [];
      const { context, counter } = await mockContext(cellsMock(log));
      await writeCells(context, Array.from({ length: n }, (_, i) => ({ sheet: 'Agenda', row: i + 2, column: 3, value: i })));
      expect(counter.syncs).toBe(1);
      expect(log).toHaveLength(n);
      expect(log[0]).toMatchObject({ sheet: 'Agenda', row: 1, column: 2, values: [[0]] });
    }
  });

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
  function setupMock(n: number, log: Write[], added: string[], tablesAdded: string[]) {
    const sheetApi = (name: string) => ({
      name,
      getRange: (a: string) => recorder(log, name, -1, -1, /^[A-Z]+\d+:[A-Z]+(\d+)$/.test(a) ? Number(/(\d+)$/.exec(a)![1]) - Number(/^[A-Z]+(\d+)/.exec(a)![1]) + 1 : 1, a.includes(':') && /^[A-Z]\d+:[A-Z]\d+$/.test(a) ? a.charCodeAt(a.indexOf(':') + 1) - a.charCodeAt(0) + 1 : 1),
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, name, r, c, nr, nc),
      tables: { add: (address: string) => { tablesAdded.push(`${name}!${address}`); return { name: '' }; } },
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
          range: { rowIndex: 0, rowCount: 4, columnIndex: 0 },
          fields: { values: [['Code'], ['Title'], ['Start date']] },
          worksheet: { getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => recorder(log, 'Meeting', r, c, nr, nc) },
          columns: { getItemAt() { return { getDataBodyRange: () => (this as unknown as { parent: unknown }).parent }; }, parent: {} },
          getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
          getRange() { return (this as unknown as { range: unknown }).range; },
        },
        Participants: {
          name: 'Participants',
          header: { values: [headers], columnCount: headers.length },
          body: { values: participantRows(n) },
          columns: { add: (_i: unknown, _v: unknown, name: string) => { added.push(name); } },
          getHeaderRowRange() { return (this as unknown as { header: unknown }).header; },
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
    const wb = setupMock(n, log, added, tablesAdded);
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
    return { result, syncs: counter.syncs, log, added, tablesAdded };
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
