// Splits a block of rows into runs that each fit in one Excel request: Excel on the web refuses a
// request over 5 MB, so a bulk write is sent as several syncs, each well under the cap. Pure.

/** What Excel on the web accepts per request, less room for the request's own envelope. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

export interface RowRun {
  /** Index of the run's first row in the block. */
  readonly start: number;
  readonly count: number;
}

/** A cell's cost in the JSON request body: its text plus quotes and a separator. */
function cellBytes(value: unknown): number {
  if (value === null || value === undefined) return 3;
  if (typeof value === 'string') {
    // UTF-8 can take up to 3 bytes per UTF-16 unit; overestimating only makes runs smaller.
    return value.length * 3 + 3;
  }
  return String(value).length + 1;
}

/**
 * Runs of consecutive rows whose estimated request size stays within the budget. A single row
 * larger than the budget still gets a run of its own (Excel then reports the error, not us).
 */
export function splitIntoRequests(rows: readonly (readonly unknown[])[], budget = REQUEST_BUDGET_BYTES): RowRun[] {
  const runs: RowRun[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    let bytes = 2;
    for (const cell of row) bytes += cellBytes(cell);
    if (i > start && size + bytes > budget) {
      runs.push({ start, count: i - start });
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rows.length > start) runs.push({ start, count: rows.length - start });
  return runs;
}

/** What one cell costs in a read's response: its value, formula and value type, generously. */
export const READ_BYTES_PER_CELL = 60;

export interface SheetBlock {
  /** Index of the sheet in the list given. */
  readonly sheet: number;
  /** 0-based first row of the block within the sheet's used range, and its row count. */
  readonly start: number;
  readonly count: number;
}

/**
 * Cuts the used ranges of several sheets (rows x columns each) into row blocks and groups the
 * blocks into requests whose responses stay within the budget: one request for a meeting of a
 * thousand people, several for a conference of sixty thousand.
 */
export function planReads(sizes: readonly { rows: number; columns: number }[], budget = REQUEST_BUDGET_BYTES): SheetBlock[][] {
  const requests: SheetBlock[][] = [];
  let current: SheetBlock[] = [];
  let used = 0;
  sizes.forEach(({ rows, columns }, sheet) => {
    const rowBytes = Math.max(1, columns) * READ_BYTES_PER_CELL;
    let start = 0;
    while (start < rows) {
      if (used + rowBytes > budget && current.length > 0) {
        requests.push(current);
        current = [];
        used = 0;
      }
      const fit = Math.max(1, Math.floor((budget - used) / rowBytes));
      const count = Math.min(rows - start, fit);
      current.push({ sheet, start, count });
      used += count * rowBytes;
      start += count;
    }
  });
  if (current.length > 0) requests.push(current);
  return requests;
}
