// A stand-in for office.js in the browser tests: `Office` and `Excel` globals implementing exactly
// the Excel API surface the add-in uses, over in-memory sheets. Served in place of Microsoft's
// office.js URL, so the real built pane runs against it. Operations apply at once; `sync` only
// counts round trips (window.__host.syncs). Strict where Excel is: a 2-D write must match its
// range's size, and getItem of a missing sheet or table fails.
(function () {
  'use strict';
  const host = { sheets: [], tables: [], syncs: 0, runs: 0, selected: null, active: null, suspended: 0, log: [] };
  window.__host = host;

  const colNum = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const colLetters = (n) => { let s = ''; while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; };
  const key = (r, c) => r + ',' + c;
  const fail = (code, message) => { const e = new Error(message); e.code = code; throw e; };

  function sheetByName(name) { return host.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()); }
  function newSheet(name) {
    if (sheetByName(name)) fail('ItemAlreadyExists', 'A sheet named ' + name + ' exists');
    const s = { name, cells: new Map(), formats: new Map(), validations: [], charts: [], widths: new Map() };
    host.sheets.push(s);
    return s;
  }

  function nullObject() {
    return { isNullObject: true, load() { return this; } };
  }

  /** Grows a table whose last row sits just above the rows written, as Excel does. */
  function growTables(sheet, r0, c0, rows, cols) {
    for (const t of host.tables) {
      if (t.sheet !== sheet) continue;
      const below = t.r0 + t.rows;
      if (r0 === below && c0 <= t.c0 + t.cols - 1 && c0 + cols - 1 >= t.c0) t.rows += rows;
    }
  }

  function range(sheet, r0, c0, rows, cols) {
    const address = sheet.name + '!' + colLetters(c0 + 1) + (r0 + 1) + (rows > 1 || cols > 1 ? ':' + colLetters(c0 + cols) + (r0 + rows) : '');
    const grid = (fn) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => fn(r0 + i, c0 + j)));
    const checkSize = (v, what) => {
      if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
        fail('InvalidArgument', what + ' of ' + address + ' must be ' + rows + 'x' + cols);
      }
    };
    const r = {
      isNullObject: false, address, rowIndex: r0, columnIndex: c0, rowCount: rows, columnCount: cols,
      load() { return this; },
      get values() { return grid((i, j) => { const v = sheet.cells.get(key(i, j)); return v === undefined ? '' : v; }); },
      set values(v) {
        checkSize(v, 'values');
        v.forEach((line, i) => line.forEach((cell, j) => {
          if (cell === '' || cell === null) sheet.cells.delete(key(r0 + i, c0 + j));
          else if (typeof cell === 'string' && cell.startsWith('=')) fail('InvalidArgument', 'The fake host stores no formulas; the pane should never write one (' + address + ')');
          // As in Excel, a leading apostrophe marks text and is not part of the value.
          else sheet.cells.set(key(r0 + i, c0 + j), typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell);
        }));
        host.log.push({ op: 'values', address, rows, cols });
        growTables(sheet, r0, c0, rows, cols);
      },
      get formulas() { return this.values; },
      get valueTypes() { return grid((i, j) => { const v = sheet.cells.get(key(i, j)); return v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String'; }); },
      get numberFormat() { return grid((i, j) => sheet.formats.get(key(i, j)) || 'General'); },
      set numberFormat(v) { checkSize(v, 'numberFormat'); v.forEach((line, i) => line.forEach((f, j) => sheet.formats.set(key(r0 + i, c0 + j), f))); },
      format: {
        font: {},
        set columnWidth(w) { for (let j = 0; j < cols; j++) sheet.widths.set(c0 + j, w); },
        autofitColumns() {},
      },
      dataValidation: { set rule(rule) { sheet.validations.push({ address, rule }); } },
      select() { host.selected = address; host.active = sheet.name; },
      getLastRow() { return range(sheet, r0 + rows - 1, c0, 1, cols); },
    };
    return r;
  }

  function parseA1(sheet, a1) {
    let m = /^([A-Z]+):([A-Z]+)$/.exec(a1);
    if (m) return range(sheet, 0, colNum(m[1]) - 1, 1048576, colNum(m[2]) - colNum(m[1]) + 1);
    m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
    if (!m) fail('InvalidArgument', 'Bad address ' + a1);
    const c0 = colNum(m[1]) - 1, r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colNum(m[3]) - 1 : c0, r1 = m[4] ? Number(m[4]) - 1 : r0;
    return range(sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }

  function tableProxy(t) {
    const sheet = t.sheet;
    return {
      isNullObject: false,
      get name() { return t.name; },
      set name(v) { t.name = v; },
      load() { return this; },
      get worksheet() { return worksheetProxy(sheet); },
      getRange() { return range(sheet, t.r0, t.c0, t.rows, t.cols); },
      getHeaderRowRange() { return range(sheet, t.r0, t.c0, 1, t.cols); },
      getDataBodyRange() { return range(sheet, t.r0 + 1, t.c0, Math.max(1, t.rows - 1), t.cols); },
      columns: {
        add(index, values, name) {
          const c = t.c0 + t.cols;
          sheet.cells.set(key(t.r0, c), name);
          t.cols += 1;
          return { name };
        },
        getItemAt(i) { return { getDataBodyRange() { return range(sheet, t.r0 + 1, t.c0 + i, Math.max(1, t.rows - 1), 1); } }; },
      },
    };
  }

  function worksheetProxy(sheet) {
    return {
      isNullObject: false,
      get name() { return sheet.name; },
      load() { return this; },
      getUsedRangeOrNullObject() {
        let rMin = Infinity, rMax = -1, cMin = Infinity, cMax = -1;
        for (const k of sheet.cells.keys()) {
          const [r, c] = k.split(',').map(Number);
          rMin = Math.min(rMin, r); rMax = Math.max(rMax, r); cMin = Math.min(cMin, c); cMax = Math.max(cMax, c);
        }
        return rMax < 0 ? nullObject() : range(sheet, rMin, cMin, rMax - rMin + 1, cMax - cMin + 1);
      },
      getRange(a1) { return parseA1(sheet, a1); },
      getRangeByIndexes(r, c, rows, cols) { return range(sheet, r, c, rows, cols); },
      activate() { host.active = sheet.name; },
      delete() {
        host.sheets.splice(host.sheets.indexOf(sheet), 1);
        host.tables = host.tables.filter((t) => t.sheet !== sheet);
      },
      tables: {
        add(address, hasHeaders) {
          const r = parseA1(sheet, address);
          const t = { name: 'Table' + (host.tables.length + 1), sheet, r0: r.rowIndex, c0: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
          // Excel gives a header-only table one empty body row.
          if (t.rows === 1) t.rows = 2;
          host.tables.push(t);
          return tableProxy(t);
        },
      },
      charts: {
        add(type, source, seriesBy) {
          const chart = { type, source: source.address, seriesBy, title: {}, position: null };
          sheet.charts.push(chart);
          chart.fills = [];
          return {
            title: chart.title,
            setPosition(a, b) { chart.position = [a.address, b.address]; },
            series: { getItemAt(i) { return { format: { fill: { setSolidColor(c) { chart.fills[i] = c; } } } }; } },
          };
        },
      },
    };
  }

  const workbook = {
    worksheets: {
      getItemOrNullObject(name) { const s = sheetByName(name); return s ? worksheetProxy(s) : nullObject(); },
      getItem(name) { const s = sheetByName(name); if (!s) fail('ItemNotFound', 'No sheet named ' + name); return worksheetProxy(s); },
      add(name) { return worksheetProxy(newSheet(name)); },
    },
    tables: {
      // TableCollection.onChanged (ExcelApi 1.7): see host.fireTableChanged below.
      onChanged: {
        add(handler) {
          host.tableChangedHandlers.push(handler);
          return { remove() { host.tableChangedHandlers.splice(host.tableChangedHandlers.indexOf(handler), 1); } };
        },
      },
      getItemOrNullObject(name) { const t = host.tables.find((x) => x.name.toLowerCase() === name.toLowerCase()); return t ? tableProxy(t) : nullObject(); },
      getItem(name) { const t = host.tables.find((x) => x.name.toLowerCase() === name.toLowerCase()); if (!t) fail('ItemNotFound', 'The workbook has no table named ' + name + '.'); return tableProxy(t); },
    },
    application: { suspendApiCalculationUntilNextSync() { host.suspended++; } },
    functions: { date(y) { return { value: y === 1904 && host.date1904 ? 0 : 1462, load() { return this; } }; } },
  };
  const context = { workbook, sync() { host.syncs++; return Promise.resolve(); } };

  window.Excel = {
    run(batch) { host.runs++; return Promise.resolve().then(() => batch(context)); },
    ChartType: { columnStacked: 'ColumnStacked' },
    ChartSeriesBy: { columns: 'Columns' },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported(name, version) { return name === 'ExcelApi' && Number(version) <= 1.8; } } },
    onReady(callback) { setTimeout(() => callback({ host: 'Excel', platform: 'OfficeOnline' }), 0); return Promise.resolve({ host: 'Excel' }); },
  };

  /**
   * Table change events, a minimal stand-in: the handlers added to workbook.tables.onChanged hear,
   * a moment later as in Excel, of the edits made by hand below (setCell, appendByHand), with
   * TableChangedEventArgs' fields. Writes by the pane itself raise none here (Excel raises them).
   * Off until a test sets host.tableEvents, so the tests that count syncs see no re-read.
   */
  host.tableChangedHandlers = [];
  host.tableEvents = false;
  host.fireTableChanged = function (sheet, r0, c0, rows, cols, source) {
    if (!host.tableEvents) return;
    for (const t of host.tables) {
      if (t.sheet !== sheet || r0 > t.r0 + t.rows - 1 || r0 + rows - 1 < t.r0 || c0 > t.c0 + t.cols - 1 || c0 + cols - 1 < t.c0) continue;
      const args = { type: 'TableChanged', tableId: t.name, worksheetId: sheet.name, address: range(sheet, r0, c0, rows, cols).address.split('!')[1], changeType: 'RangeEdited', source: source || 'Local' };
      for (const handler of host.tableChangedHandlers.slice()) setTimeout(() => { void handler(args); }, 0);
    }
  };

  /** Test helpers: what a person would type into the sheets by hand. */
  host.appendByHand = function (tableName, rows) {
    const t = host.tables.find((x) => x.name === tableName);
    const body = range(t.sheet, t.r0 + 1, t.c0, 1, t.cols).values[0];
    const pad = (r) => { const line = r.slice(); while (line.length < t.cols) line.push(''); return line; };
    let todo = rows.map(pad);
    if (t.rows === 2 && body.every((v) => v === '')) {
      range(t.sheet, t.r0 + 1, t.c0, 1, t.cols).values = [todo[0]];
      todo = todo.slice(1);
    }
    if (todo.length > 0) range(t.sheet, t.r0 + t.rows, t.c0, todo.length, t.cols).values = todo;
    host.fireTableChanged(t.sheet, t.r0 + 1, t.c0, t.rows - 1, t.cols);
  };
  host.setCell = function (sheetName, a1, value) {
    const r = parseA1(sheetByName(sheetName), a1);
    r.values = [[value]];
    host.fireTableChanged(sheetByName(sheetName), r.rowIndex, r.columnIndex, 1, 1);
  };
  host.tableRows = function (tableName) {
    const t = host.tables.find((x) => x.name === tableName);
    return t ? range(t.sheet, t.r0, t.c0, t.rows, t.cols).values : null;
  };
  host.summary = function () {
    return host.sheets.map((s) => ({ name: s.name, charts: s.charts.length, validations: s.validations.length }));
  };
  host.chartFills = function (sheetName) { return sheetByName(sheetName).charts.map((c) => c.fills.join(' ')); };
})();
