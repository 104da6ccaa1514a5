// A strict stand-in for office.js in the browser tests: `Office`, `Excel` and `OfficeExtension`
// globals over an in-memory workbook, served in place of Microsoft's office.js URL so the real
// built pane runs against it. It behaves as Microsoft documents Excel, so the tests see what real
// Excel would do to the pane:
//
// - Commands are queued and run only at `context.sync()`, in order; a failing command rejects the
//   sync with an `OfficeExtension.Error` carrying an Office error code (`ItemNotFound`,
//   `InvalidArgument`, `AccessDenied`, `InvalidOperationInCellEditMode`,
//   `RequestPayloadSizeLimitExceeded`...); the commands before it stay applied, the rest are dropped.
//   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
//   https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
// - A property read that was not loaded and synced throws `PropertyNotLoaded`; `isNullObject` of
//   a `getItemOrNullObject` result is known after a sync.
//   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model (load, sync)
//   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
// - Values written to `Range.values` are read as if typed: a leading apostrophe keeps text (and is
//   not part of the value); `=`, `+`, `-` or `@` makes a formula; numeric text (1e3, 50% too) becomes a number; an ISO
//   date or time becomes a serial number; `null` leaves a cell as it is.
//   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
// - A table grows for a write that starts on the row just below it only when Microsoft's page
//   "Coauthoring in Excel add-ins" says it reliably does: no data validation lies below the table
//   (a validation on whole columns, or on the table's own columns, does not count), the first value
//   written is not blank (office-js issue 2097) and the rows written were empty. When it grows, the
//   validation and number formats of its last row follow, as Excel extends a table's formatting.
//   https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
// - `Table.resize` exists only when the host reports ExcelApi 1.13 (`host.apiLevel`).
// - A request whose written values exceed 5 MB fails with `RequestPayloadSizeLimitExceeded`
//   (Excel on the web's limit: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
// - `host.latency` milliseconds pass on every sync; `host.beforeNextSync(fn)` lets a scripted
//   co-author change the workbook between two syncs (sort, insert or delete a row, edit a cell,
//   rename a table); `tables.onChanged` (ExcelApi 1.7) fires `TableChangedEventArgs` after each sync
//   that changed a table, `source` 'Local' for the desk that made the change and 'Remote' otherwise.
//   https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member
// - For the tests to observe (changing nothing): `host.runs` and `host.syncs` count Excel.run
//   batches and syncs, `host.batches` notes each batch's start and end (performance.now(), end
//   null while it runs), `host.listenerCount()` the table-change handlers this desk registered.
// - Two desks: a page that is an iframe of a page holding `__sharedBook` shares that workbook with
//   its sibling frames (each frame is one pane, one desk).
(function () {
  'use strict';

  const colNum = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const colLetters = (n) => { let s = ''; while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; };
  const key = (r, c) => r + ',' + c;
  const MAX_ROWS = 1048576;

  class OfficeError extends Error {
    constructor(code, message) {
      super(message);
      this.name = 'RichApi.Error';
      this.code = code;
      this.debugInfo = { code, message };
    }
  }
  const fail = (code, message) => { throw new OfficeError(code, message); };

  function newBook() {
    return { sheets: [], tables: [], listeners: [], nextId: 1, date1904: false, protectedSheets: new Set(), readOnly: false, editMode: false, hooks: [], desks: 0 };
  }
  // The workbook: this page's own, or the one the parent page shares between its desks.
  let book;
  try {
    if (window.parent !== window && window.parent.__sharedBook !== undefined) {
      if (window.parent.__sharedBook === null) window.parent.__sharedBook = newBook();
      book = window.parent.__sharedBook;
    }
  } catch (e) { /* a cross-origin parent: a workbook of our own */ }
  if (!book) book = newBook();
  const desk = ++book.desks;

  const host = { book, desk, syncs: 0, runs: 0, batches: [], selected: null, active: null, suspended: 0, log: [], latency: 0, apiLevel: '1.13', silenceEvents: false };
  /** Whether requirement-set version `v` (such as '1.8') is at most this host's `apiLevel`: compared part by part, 1.8 < 1.13. */
  const supports = (v) => { const [a, b] = String(v).split('.').map(Number); const [x, y] = String(host.apiLevel).split('.').map(Number); return a < x || (a === x && (b || 0) <= (y || 0)); };
  window.__host = host;

  // ---- the workbook's state ----------------------------------------------------------------

  function sheetByName(name) { return book.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()); }
  function tableByName(name) { return book.tables.find((t) => t.name.toLowerCase() === String(name).toLowerCase()); }
  function newSheet(name) {
    if (sheetByName(name)) fail('ItemAlreadyExists', 'A sheet named ' + name + ' exists.');
    const s = { id: '{S' + book.nextId++ + '}', name, cells: new Map(), formulas: new Map(), formats: new Map(), validations: [], charts: [], widths: new Map() };
    book.sheets.push(s);
    return s;
  }
  const addressOf = (sheet, r0, c0, rows, cols) => sheet.name + '!' + colLetters(c0 + 1) + (r0 + 1) + (rows > 1 || cols > 1 ? ':' + colLetters(c0 + cols) + (r0 + rows) : '');
  const getCell = (sheet, r, c) => { const v = sheet.cells.get(key(r, c)); return v === undefined ? '' : v; };
  const intersects = (a, b) => a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;

  /** Excel's serial number of an ISO date (1900 date system). */
  function serial(y, m, d) { return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000); }

  /** A value as Excel stores it when it is written to Range.values, like typing it (see the header). */
  // Typing also makes `@SUM(1,2)` a formula (Excel's implicit-intersection operator, the "@" of
  // CSV injection: https://owasp.org/www-community/attacks/CSV_Injection), `50%` the number 0.5 and
  // `1e3` the number 1000, as the formula bar does.
  function coerce(v) {
    if (typeof v !== 'string') return { value: v };
    if (v.startsWith("'")) return { value: v.slice(1) };
    const number = /^[+\-]?\d+(\.\d+)?([eE][+\-]?\d+)?$/;
    if (/^[=+\-@]/.test(v) && !number.test(v) && !/^[+\-]?\d+(\.\d+)?%$/.test(v)) return { formula: v.startsWith('=') ? v : '=' + v.replace(/^@/, '') };
    if (number.test(v)) return { value: Number(v) };
    if (/^[+\-]?\d+(\.\d+)?%$/.test(v)) return { value: Number(v.slice(0, -1)) / 100, numFmt: '0%' };
    if (/^(TRUE|FALSE)$/i.test(v)) return { value: v.toUpperCase() === 'TRUE' };
    let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(v);
    if (m) return { value: serial(+m[1], +m[2], +m[3]) + (m[4] ? (+m[4] * 60 + +m[5]) / 1440 : 0), numFmt: m[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' };
    m = /^(\d{1,2}):(\d{2})$/.exec(v);
    if (m && +m[1] < 24) return { value: (+m[1] * 60 + +m[2]) / 1440, numFmt: 'hh:mm' };
    return { value: v };
  }

  function setCell(sheet, r, c, raw) {
    if (raw === null) return; // null leaves the cell as it is
    const k = key(r, c);
    sheet.formulas.delete(k);
    if (raw === '') { sheet.cells.delete(k); return; }
    const x = coerce(raw);
    if (x.formula !== undefined) {
      sheet.formulas.set(k, x.formula);
      // The fake host evaluates nothing: a formula's value is Excel's #NAME? until it is recalculated.
      sheet.cells.set(k, '#NAME?');
      return;
    }
    sheet.cells.set(k, x.value);
    if (x.numFmt && (sheet.formats.get(k) || 'General') === 'General') sheet.formats.set(k, x.numFmt);
  }

  /** Whether a validation rule blocks a table's growth into `rows`: one that starts below the table's header (not a whole column nor the table's own column). */
  function blocksGrowth(t, v, target) {
    return intersects(v, target) && v.r0 > t.r0 && v.r0 + v.rows > t.r0 + t.rows;
  }

  /** Extends the validations and formats of a table's last row to `n` rows added below it. */
  function extendFormatting(t, n) {
    const last = t.r0 + t.rows - 1;
    for (const v of t.sheet.validations) {
      if (v.r0 <= last && v.r0 + v.rows - 1 === last && v.c0 >= t.c0 && v.c0 + v.cols <= t.c0 + t.cols) v.rows += n;
    }
    for (let j = 0; j < t.cols; j++) {
      const f = t.sheet.formats.get(key(last, t.c0 + j));
      if (f) for (let i = 1; i <= n; i++) if (!t.sheet.formats.has(key(last + i, t.c0 + j))) t.sheet.formats.set(key(last + i, t.c0 + j), f);
    }
  }

  const changes = [];
  function changed(t, address, changeType) { changes.push({ t, address, changeType }); }

  /** Writes a 2-D grid; grows a table just above it when Excel would (see the header). */
  function writeValues(sheet, r0, c0, grid, what) {
    if (book.editMode) fail('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (book.readOnly || book.protectedSheets.has(sheet.name)) fail('AccessDenied', 'The cell or chart you are trying to change is protected.');
    const rows = grid.length, cols = grid[0] ? grid[0].length : 0;
    const target = { r0, c0, rows, cols };
    const growing = [];
    for (const t of book.tables) {
      if (t.sheet !== sheet || r0 !== t.r0 + t.rows || c0 > t.c0 + t.cols - 1 || c0 + cols - 1 < t.c0) continue;
      const firstBlank = grid[0][0] === '' || grid[0][0] === null;
      const blocked = sheet.validations.some((v) => blocksGrowth(t, v, target));
      let occupied = false;
      for (let i = 0; i < rows && !occupied; i++) for (let j = 0; j < cols; j++) if (sheet.cells.has(key(r0 + i, c0 + j))) { occupied = true; break; }
      if (!firstBlank && !blocked && !occupied) growing.push(t);
    }
    grid.forEach((line, i) => line.forEach((cell, j) => setCell(sheet, r0 + i, c0 + j, cell)));
    const address = addressOf(sheet, r0, c0, rows, cols);
    host.log.push({ op: what, address, rows, cols });
    for (const t of growing) { extendFormatting(t, rows); t.rows += rows; }
    for (const t of book.tables) if (t.sheet === sheet && intersects(target, t)) changed(t, address, 'RangeEdited');
  }

  // ---- proxies: commands queued, run at sync -------------------------------------------------

  function Context() {
    this.queue = [];
    this.payload = 0;
    const ctx = this;
    this.workbook = workbookProxy(ctx);
    this.sync = () => sync(ctx);
  }

  async function sync(ctx) {
    host.syncs++;
    const queue = ctx.queue.splice(0);
    const payload = ctx.payload;
    ctx.payload = 0;
    if (host.latency > 0) await new Promise((r) => setTimeout(r, host.latency));
    // A co-author's change lands between this desk's syncs.
    for (const hook of book.hooks.splice(0)) hook();
    if (payload > 5 * 1024 * 1024) throw new OfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    changes.length = 0;
    let error = null;
    for (const op of queue) {
      try { op(); } catch (e) { error = e instanceof OfficeError ? e : new OfficeError('GeneralException', String(e && e.message || e)); break; }
    }
    fire(desk);
    if (error) throw error;
  }

  /** Sends each table change of the last sync to every desk's onChanged handlers. */
  function fire(fromDesk) {
    const seen = new Set();
    const batch = changes.splice(0);
    // A test that counts one action's syncs can keep the pane's re-read on table changes out of them.
    if (host.silenceEvents) return;
    for (const c of batch) {
      const k = c.t.id + c.address + c.changeType;
      if (seen.has(k)) continue;
      seen.add(k);
      for (const l of book.listeners) {
        const args = { type: 'TableChanged', tableId: c.t.id, worksheetId: c.t.sheet.id, address: c.address.split('!')[1], changeType: c.changeType, source: l.desk === fromDesk ? 'Local' : 'Remote' };
        setTimeout(() => l.handler(args), 0);
      }
    }
  }

  /**
   * A proxy: `resolve()` finds its object in the workbook when a command runs (so a table or a
   * range relative to it is where it is then, not where it was). Properties in `props` throw
   * PropertyNotLoaded until a load of them has been synced.
   */
  function proxy(ctx, resolve, props, read, nullable) {
    const loaded = {};
    let isNull;
    const p = {
      load(what) {
        const names = what === undefined ? props : (Array.isArray(what) ? what : String(what).split(',')).map((s) => s.trim()).filter(Boolean);
        ctx.queue.push(() => {
          const target = resolve();
          if (target === null) { if (nullable) return; fail('ItemNotFound', 'The requested resource does not exist.'); }
          for (const n of names) {
            if (!props.includes(n)) fail('PropertyNotLoaded', 'No property ' + n + ' to load.');
            loaded[n] = read(target, n);
          }
        });
        return p;
      },
    };
    for (const n of props) {
      Object.defineProperty(p, n, {
        configurable: true,
        enumerable: true,
        get() {
          if (!(n in loaded)) fail('PropertyNotLoaded', 'The property \'' + n + '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.');
          return loaded[n];
        },
      });
    }
    if (nullable) {
      ctx.queue.push(() => { isNull = resolve() === null; });
      Object.defineProperty(p, 'isNullObject', {
        get() { if (isNull === undefined) fail('PropertyNotLoaded', 'isNullObject is known after context.sync().'); return isNull; },
      });
    } else {
      Object.defineProperty(p, 'isNullObject', { get() { return false; } });
    }
    return p;
  }
  const must = (x, what) => { if (x === null || x === undefined) fail('ItemNotFound', what + ' does not exist.'); return x; };

  const RANGE_PROPS = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'valueTypes', 'numberFormat', 'text'];
  function readRange(g, n) {
    const grid = (fn) => Array.from({ length: g.rows }, (_, i) => Array.from({ length: g.cols }, (_, j) => fn(g.r0 + i, g.c0 + j)));
    switch (n) {
      case 'address': return addressOf(g.sheet, g.r0, g.c0, g.rows, g.cols);
      case 'rowIndex': return g.r0;
      case 'columnIndex': return g.c0;
      case 'rowCount': return g.rows;
      case 'columnCount': return g.cols;
      case 'values': return grid((r, c) => getCell(g.sheet, r, c));
      case 'text': return grid((r, c) => String(getCell(g.sheet, r, c)));
      case 'formulas': return grid((r, c) => g.sheet.formulas.get(key(r, c)) ?? getCell(g.sheet, r, c));
      case 'valueTypes': return grid((r, c) => { const v = g.sheet.cells.get(key(r, c)); return v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v === '#NAME?' ? 'Error' : 'String'; });
      case 'numberFormat': return grid((r, c) => g.sheet.formats.get(key(r, c)) || 'General');
    }
  }

  /** A range proxy; `geometry()` gives { sheet, r0, c0, rows, cols } when a command runs, or null. */
  function rangeProxy(ctx, geometry, nullable) {
    const g = () => must(geometry(), 'The range');
    const checkSize = (v, geo, what) => {
      if (!Array.isArray(v) || v.length !== geo.rows || v.some((line) => !Array.isArray(line) || line.length !== geo.cols)) {
        fail('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range (' + what + ' of ' + addressOf(geo.sheet, geo.r0, geo.c0, geo.rows, geo.cols) + ').');
      }
    };
    const r = proxy(ctx, geometry, RANGE_PROPS, readRange, nullable);
    const relative = (fn) => rangeProxy(ctx, () => { const x = g(); return fn(x); });
    Object.defineProperty(r, 'values', {
      get: Object.getOwnPropertyDescriptor(r, 'values').get,
      set(v) {
        ctx.payload += JSON.stringify(v).length;
        ctx.queue.push(() => { const x = g(); checkSize(v, x, 'values'); writeValues(x.sheet, x.r0, x.c0, v, 'values'); });
      },
    });
    Object.defineProperty(r, 'numberFormat', {
      get: Object.getOwnPropertyDescriptor(r, 'numberFormat').get,
      set(v) {
        ctx.payload += JSON.stringify(v).length;
        // A single value (a 1x1 array) applies to every cell of the range, as Microsoft documents for
        // numberFormat (Range.numberFormat; office-js-docs-pr issue 5400); any other size must match.
        // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
        ctx.queue.push(() => {
          const x = g();
          const one = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;
          const grid = one ? Array.from({ length: Math.min(x.rows, MAX_ROWS) }, () => Array(x.cols).fill(v[0][0])) : v;
          if (!one) checkSize(v, x, 'numberFormat');
          grid.forEach((line, i) => line.forEach((f, j) => x.sheet.formats.set(key(x.r0 + i, x.c0 + j), f)));
        });
      },
    });
    r.format = {
      font: {},
      set columnWidth(w) { ctx.queue.push(() => { const x = g(); for (let j = 0; j < x.cols; j++) x.sheet.widths.set(x.c0 + j, w); }); },
      autofitColumns() { ctx.queue.push(() => g()); },
    };
    r.dataValidation = {
      set rule(rule) { ctx.queue.push(() => { const x = g(); x.sheet.validations.push({ r0: x.r0, c0: x.c0, rows: x.rows, cols: x.cols, rule }); }); },
      clear() {
        ctx.queue.push(() => {
          const x = g();
          // Removes validation from the range; a rule reaching outside it keeps its cells there.
          const kept = [];
          for (const v of x.sheet.validations) {
            if (!intersects(v, x)) { kept.push(v); continue; }
            if (v.r0 < x.r0) kept.push({ ...v, rows: x.r0 - v.r0 });
            if (v.r0 + v.rows > x.r0 + x.rows) kept.push({ ...v, r0: x.r0 + x.rows, rows: v.r0 + v.rows - x.r0 - x.rows });
          }
          x.sheet.validations = kept;
        });
      },
    };
    r.select = () => { ctx.queue.push(() => { const x = g(); host.selected = addressOf(x.sheet, x.r0, x.c0, x.rows, x.cols); host.active = x.sheet.name; }); };
    r.getLastRow = () => relative((x) => ({ ...x, r0: x.r0 + x.rows - 1, rows: 1 }));
    r.getRowsBelow = (n = 1) => relative((x) => ({ ...x, r0: x.r0 + x.rows, rows: n }));
    r.getRowsAbove = (n = 1) => relative((x) => ({ ...x, r0: x.r0 - n, rows: n }));
    r.getCell = (i, j) => relative((x) => ({ ...x, r0: x.r0 + i, c0: x.c0 + j, rows: 1, cols: 1 }));
    r.getRow = (i) => relative((x) => ({ ...x, r0: x.r0 + i, rows: 1 }));
    r.getColumn = (j) => relative((x) => ({ ...x, c0: x.c0 + j, cols: 1 }));
    r.getEntireColumn = () => relative((x) => ({ ...x, r0: 0, rows: MAX_ROWS }));
    r.getResizedRange = (dr, dc) => relative((x) => ({ ...x, rows: x.rows + dr, cols: x.cols + dc }));
    // Charts read their source range's geometry when their command runs.
    Object.defineProperty(r, '__geometry', { value: geometry });
    return r;
  }

  function parseA1(a1) {
    let m = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(a1);
    if (m) return { r0: 0, c0: colNum(m[1]) - 1, rows: MAX_ROWS, cols: colNum(m[2]) - colNum(m[1]) + 1 };
    m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
    if (!m) fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (' + a1 + ').');
    const c0 = colNum(m[1]) - 1, r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colNum(m[3]) - 1 : c0, r1 = m[4] ? Number(m[4]) - 1 : r0;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  const TABLE_PROPS = ['name', 'id'];
  function tableProxy(ctx, find, nullable) {
    const t = () => must(find(), 'The table');
    const p = proxy(ctx, find, TABLE_PROPS, (x, n) => x[n], nullable);
    Object.defineProperty(p, 'name', {
      get: Object.getOwnPropertyDescriptor(p, 'name').get,
      set(v) { ctx.queue.push(() => { const x = t(); if (tableByName(v) && tableByName(v) !== x) fail('ItemAlreadyExists', 'A table named ' + v + ' exists.'); x.name = v; }); },
    });
    const geo = (fn) => () => { const x = t(); return fn(x); };
    p.getRange = () => rangeProxy(ctx, geo((x) => ({ sheet: x.sheet, r0: x.r0, c0: x.c0, rows: x.rows, cols: x.cols })));
    p.getHeaderRowRange = () => rangeProxy(ctx, geo((x) => ({ sheet: x.sheet, r0: x.r0, c0: x.c0, rows: 1, cols: x.cols })));
    p.getDataBodyRange = () => rangeProxy(ctx, geo((x) => ({ sheet: x.sheet, r0: x.r0 + 1, c0: x.c0, rows: x.rows - 1, cols: x.cols })));
    Object.defineProperty(p, 'worksheet', { get() { return worksheetProxy(ctx, () => t().sheet); } });
    const column = (pick) => ({
      getDataBodyRange: () => rangeProxy(ctx, geo((x) => { const j = must(pick(x), 'The column'); return { sheet: x.sheet, r0: x.r0 + 1, c0: x.c0 + j, rows: x.rows - 1, cols: 1 }; })),
      getRange: () => rangeProxy(ctx, geo((x) => { const j = must(pick(x), 'The column'); return { sheet: x.sheet, r0: x.r0, c0: x.c0 + j, rows: x.rows, cols: 1 }; })),
    });
    p.columns = {
      add(index, values, name) {
        ctx.queue.push(() => {
          const x = t();
          writeValues(x.sheet, x.r0, x.c0 + x.cols, [[name]], 'column');
          x.cols += 1;
        });
        return column((x) => x.cols - 1);
      },
      getItemAt: (i) => column((x) => (i < x.cols ? i : null)),
      getItem: (name) => column((x) => {
        for (let j = 0; j < x.cols; j++) if (String(getCell(x.sheet, x.r0, x.c0 + j)).trim().toLowerCase() === String(name).trim().toLowerCase()) return j;
        return null;
      }),
    };
    p.resize = (address) => {
      ctx.queue.push(() => {
        // Like any API the host lacks, it fails when the request runs.
        if (!supports('1.13')) fail('ApiNotFound', 'Table.resize needs ExcelApi 1.13.');
        const x = t();
        const a = parseA1(String(address).split('!').pop());
        if (a.r0 !== x.r0 || a.c0 !== x.c0 || a.cols !== x.cols) fail('InvalidArgument', 'The table\'s header must stay where it is.');
        if (a.rows > x.rows) extendFormatting(x, a.rows - x.rows);
        x.rows = a.rows;
        changed(x, addressOf(x.sheet, x.r0, x.c0, x.rows, x.cols), 'RangeEdited');
      });
    };
    return p;
  }

  function worksheetProxy(ctx, find, nullable) {
    const s = () => must(find(), 'The worksheet');
    const p = proxy(ctx, find, ['name', 'id'], (x, n) => x[n], nullable);
    p.getUsedRangeOrNullObject = () => rangeProxy(ctx, () => {
      const x = s();
      let rMin = Infinity, rMax = -1, cMin = Infinity, cMax = -1;
      for (const k of x.cells.keys()) {
        const [r, c] = k.split(',').map(Number);
        rMin = Math.min(rMin, r); rMax = Math.max(rMax, r); cMin = Math.min(cMin, c); cMax = Math.max(cMax, c);
      }
      return rMax < 0 ? null : { sheet: x, r0: rMin, c0: cMin, rows: rMax - rMin + 1, cols: cMax - cMin + 1 };
    }, true);
    p.getRange = (a1) => rangeProxy(ctx, () => ({ sheet: s(), ...parseA1(a1) }));
    p.getRangeByIndexes = (r, c, rows, cols) => rangeProxy(ctx, () => ({ sheet: s(), r0: r, c0: c, rows, cols }));
    p.activate = () => { ctx.queue.push(() => { host.active = s().name; }); };
    p.delete = () => {
      ctx.queue.push(() => {
        const x = s();
        book.sheets.splice(book.sheets.indexOf(x), 1);
        book.tables = book.tables.filter((t) => t.sheet !== x);
      });
    };
    p.tables = {
      add(address, hasHeaders) {
        let made = null;
        ctx.queue.push(() => {
          const x = s();
          const a = parseA1(address);
          if (book.tables.some((t) => t.sheet === x && intersects(t, a))) fail('InvalidOperation', 'A table can\'t overlap another table.');
          // Excel gives a header-only table one empty body row.
          made = { id: '{T' + book.nextId++ + '}', name: 'Table' + book.nextId, sheet: x, r0: a.r0, c0: a.c0, rows: Math.max(2, a.rows), cols: a.cols };
          book.tables.push(made);
          changed(made, addressOf(x, a.r0, a.c0, made.rows, a.cols), 'RowInserted');
        });
        return tableProxy(ctx, () => made);
      },
    };
    p.charts = {
      add(type, source, seriesBy) {
        const chart = { type, source: null, seriesBy, title: {}, position: null, fills: [] };
        ctx.queue.push(() => { const x = s(); const src = readRange(must(source && source.__geometry ? source.__geometry() : null, 'The source'), 'address'); chart.source = src; x.charts.push(chart); });
        return {
          title: chart.title,
          setPosition(a, b) { chart.position = [a, b]; },
          series: { getItemAt(i) { return { format: { fill: { setSolidColor(c) { chart.fills[i] = c; } } } }; } },
        };
      },
    };
    return p;
  }

  function workbookProxy(ctx) {
    const listen = (handler) => {
      const entry = { desk, handler };
      ctx.queue.push(() => book.listeners.push(entry));
      return { remove() { ctx.queue.push(() => { book.listeners = book.listeners.filter((l) => l !== entry); }); } };
    };
    return {
      worksheets: {
        getItemOrNullObject: (name) => worksheetProxy(ctx, () => sheetByName(name) || null, true),
        getItem: (name) => worksheetProxy(ctx, () => { const x = sheetByName(name); if (!x) fail('ItemNotFound', 'The requested resource doesn\'t exist (worksheet ' + name + ').'); return x; }),
        add: (name) => { let made = null; ctx.queue.push(() => { made = newSheet(name); }); return worksheetProxy(ctx, () => made); },
      },
      tables: {
        getItemOrNullObject: (name) => tableProxy(ctx, () => tableByName(name) || null, true),
        getItem: (name) => tableProxy(ctx, () => { const x = tableByName(name); if (!x) fail('ItemNotFound', 'The requested resource doesn\'t exist (table ' + name + ').'); return x; }),
        onChanged: { add: listen },
      },
      application: { suspendApiCalculationUntilNextSync() { ctx.queue.push(() => { host.suspended++; }); } },
      functions: {
        date(y) {
          const out = { load() { ctx.queue.push(() => { out._v = y === 1904 && book.date1904 ? 0 : 1462; }); return out; } };
          Object.defineProperty(out, 'value', { get() { if (out._v === undefined) fail('PropertyNotLoaded', 'value is not loaded.'); return out._v; } });
          return out;
        },
      },
    };
  }

  window.OfficeExtension = { Error: OfficeError, ErrorCodes: { itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument', accessDenied: 'AccessDenied', generalException: 'GeneralException' } };
  window.Excel = {
    async run(batch) {
      host.runs++;
      const noted = { start: performance.now(), end: null };
      host.batches.push(noted);
      try {
        const ctx = new Context();
        const result = await batch(ctx);
        // Excel.run sends what is still queued when the batch returns.
        if (ctx.queue.length > 0) await ctx.sync();
        return result;
      } finally {
        noted.end = performance.now();
      }
    },
    ChartType: { columnStacked: 'ColumnStacked' },
    ChartSeriesBy: { columns: 'Columns' },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported(name, version) { return name === 'ExcelApi' && supports(version); } } },
    onReady(callback) { setTimeout(() => callback({ host: 'Excel', platform: 'OfficeOnline' }), 0); return Promise.resolve({ host: 'Excel' }); },
  };

  // ---- test helpers: what a person (or a co-author) does in the grid -------------------------

  const tableOf = (name) => { const t = tableByName(name); if (!t) throw new Error('no table ' + name); return t; };
  /** Types rows below a table by hand: Excel's AutoCorrect grows the table as a person types. */
  host.appendByHand = function (tableName, rows) {
    const t = tableOf(tableName);
    const pad = (r) => { const line = r.slice(); while (line.length < t.cols) line.push(''); return line; };
    let todo = rows.map(pad);
    let at = t.r0 + t.rows;
    const body = readRange({ sheet: t.sheet, r0: t.r0 + 1, c0: t.c0, rows: 1, cols: t.cols }, 'values')[0];
    if (t.rows === 2 && body.every((v) => v === '')) at = t.r0 + 1;
    todo.forEach((line, i) => line.forEach((v, j) => setCell(t.sheet, at + i, t.c0 + j, v)));
    const grow = at + todo.length - (t.r0 + t.rows);
    if (grow > 0) { extendFormatting(t, grow); t.rows += grow; }
    changed(t, addressOf(t.sheet, at, t.c0, todo.length, t.cols), 'RowInserted');
    fire(0);
  };
  /** How many table-change handlers this desk's pane has registered (and not removed). */
  host.listenerCount = function () { return book.listeners.filter((l) => l.desk === desk).length; };
  host.setCell = function (sheetName, a1, value) {
    const s = sheetByName(sheetName);
    const a = parseA1(a1);
    setCell(s, a.r0, a.c0, value);
    for (const t of book.tables) if (t.sheet === s && intersects(a, t)) changed(t, addressOf(s, a.r0, a.c0, 1, 1), 'RangeEdited');
    fire(0);
  };
  /** Cells of a table's body rows as values; headers first. */
  host.tableRows = function (tableName) {
    const t = tableByName(tableName);
    return t ? readRange({ sheet: t.sheet, r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols }, 'values') : null;
  };
  host.tableFormulas = function (tableName) {
    const t = tableOf(tableName);
    return readRange({ sheet: t.sheet, r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols }, 'formulas');
  };
  host.sheetValues = function (sheetName) {
    const s = sheetByName(sheetName);
    let rMax = -1, cMax = -1;
    for (const k of s.cells.keys()) { const [r, c] = k.split(',').map(Number); rMax = Math.max(rMax, r); cMax = Math.max(cMax, c); }
    return readRange({ sheet: s, r0: 0, c0: 0, rows: rMax + 1, cols: cMax + 1 }, 'formulas');
  };
  /** The cells of a sheet that hold a formula, as A1 addresses. */
  host.formulaCells = function (sheetName) { const s = sheetByName(sheetName); return [...s.formulas.keys()].map((k) => { const [r, c] = k.split(',').map(Number); return colLetters(c + 1) + (r + 1); }); };
  host.tableGeometry = function (tableName) { const t = tableOf(tableName); return { address: addressOf(t.sheet, t.r0, t.c0, t.rows, t.cols), rows: t.rows }; };
  host.validations = function (sheetName) { return sheetByName(sheetName).validations.map((v) => addressOf(sheetByName(sheetName), v.r0, v.c0, v.rows, v.cols).split('!')[1]); };
  /** Puts a list validation on a fixed range, as the previous version's setup did. */
  host.addValidation = function (sheetName, a1) { sheetByName(sheetName).validations.push({ ...parseA1(a1), rule: { list: { source: 'x' } } }); };
  host.summary = function () {
    return book.sheets.map((s) => ({ name: s.name, charts: s.charts.length, validations: s.validations.length }));
  };
  host.chartFills = function (sheetName) { return sheetByName(sheetName).charts.map((c) => c.fills.join(' ')); };

  /** A co-author's change, applied just before this workbook's next sync (any desk's). */
  host.beforeNextSync = function (fn) { book.hooks.push(fn); };
  /** A co-author sorts a table's body by one column (by header), ascending. */
  host.sortTable = function (tableName, header) {
    const t = tableOf(tableName);
    const head = readRange({ sheet: t.sheet, r0: t.r0, c0: t.c0, rows: 1, cols: t.cols }, 'values')[0];
    const j = head.indexOf(header);
    const rows = [];
    for (let i = 1; i < t.rows; i++) rows.push(Array.from({ length: t.cols }, (_, c) => [t.sheet.cells.get(key(t.r0 + i, t.c0 + c)), t.sheet.formulas.get(key(t.r0 + i, t.c0 + c))]));
    rows.sort((a, b) => String(a[j][0] ?? '').localeCompare(String(b[j][0] ?? '')));
    rows.forEach((line, i) => line.forEach(([v, f], c) => {
      const k = key(t.r0 + 1 + i, t.c0 + c);
      if (v === undefined) t.sheet.cells.delete(k); else t.sheet.cells.set(k, v);
      if (f === undefined) t.sheet.formulas.delete(k); else t.sheet.formulas.set(k, f);
    }));
    changed(t, addressOf(t.sheet, t.r0, t.c0, t.rows, t.cols), 'RangeEdited');
    fire(0);
  };
  /** Moves a table's cells from body row `i` (0-based) down by `n` (n > 0) or removes rows (n < 0). */
  function shiftRows(t, from, n) {
    const moved = [];
    for (const k of [...t.sheet.cells.keys()]) {
      const [r, c] = k.split(',').map(Number);
      if (c < t.c0 || c >= t.c0 + t.cols || r < from) continue;
      moved.push([r, c, t.sheet.cells.get(k), t.sheet.formulas.get(k)]);
      t.sheet.cells.delete(k); t.sheet.formulas.delete(k);
    }
    for (const [r, c, v, f] of moved) {
      if (n < 0 && r < from - n) continue; // deleted
      t.sheet.cells.set(key(r + n, c), v);
      if (f !== undefined) t.sheet.formulas.set(key(r + n, c), f);
    }
    t.rows += n;
  }
  /** A co-author inserts a table row at body row `index` (0-based) holding `values`. */
  host.insertRow = function (tableName, index, values) {
    const t = tableOf(tableName);
    const at = t.r0 + 1 + index;
    shiftRows(t, at, 1);
    values.forEach((v, j) => setCell(t.sheet, at, t.c0 + j, v));
    changed(t, addressOf(t.sheet, at, t.c0, 1, t.cols), 'RowInserted');
    fire(0);
  };
  /** A co-author deletes the table row at body row `index` (0-based). */
  host.deleteRow = function (tableName, index) {
    const t = tableOf(tableName);
    const at = t.r0 + 1 + index;
    shiftRows(t, at, -1);
    changed(t, addressOf(t.sheet, at, t.c0, 1, t.cols), 'RowDeleted');
    fire(0);
  };
  host.renameTable = function (from, to) { tableOf(from).name = to; };
  host.protectSheet = function (name) { book.protectedSheets.add(name); };
  host.setEditMode = function (on) { book.editMode = on; };
  /** The workbook opened read-only (Excel refuses every write with AccessDenied). */
  host.setReadOnly = function (on) { book.readOnly = on; };
  /** Builds a sheet with a table directly (a workbook made by hand or by an older version). */
  host.makeTable = function (sheetName, tableName, headers, rows) {
    const s = sheetByName(sheetName) || newSheet(sheetName);
    [headers, ...rows].forEach((line, i) => line.forEach((v, j) => setCell(s, i, j, v)));
    book.tables.push({ id: '{T' + book.nextId++ + '}', name: tableName, sheet: s, r0: 0, c0: 0, rows: Math.max(2, rows.length + 1), cols: headers.length });
  };
})();
