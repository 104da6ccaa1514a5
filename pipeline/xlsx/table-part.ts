// Reads a table part (`xl/tables/tableN.xml`, ECMA-376 Part 1, 18.5.1.2 table): the Excel table's
// name and range, and how many header and totals rows the range holds. Columns are not read: the
// header row's cells say what each column holds.
import type { RawTable } from '../core/raw.js';
import { attribute, local, type XlsxPackage } from './package.js';
import { MAX_COLUMN, MAX_ROW } from './worksheet.js';

/** A cell reference's column and row, `B3` -> [2, 3]; undefined when it is not one. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= MAX_COLUMN && row >= 1 && row <= MAX_ROW ? [col, row] : undefined;
}

/** The table in `part`, or undefined when the part is missing or its `ref` is not a range. */
export async function readTablePart(pkg: XlsxPackage, part: string): Promise<RawTable | undefined> {
  let table: RawTable | undefined;
  await pkg.parsePart(part, {
    open: (t) => {
      if (local(t.name) !== 'table' || table !== undefined) return;
      const ref = attribute(t, 'ref');
      if (ref === undefined) return;
      const [from, to] = ref.split(':');
      const a = cellRef(from!);
      const b = to === undefined ? a : cellRef(to);
      if (!a || !b) return;
      const count = (name: string, fallback: number) => {
        const v = Number(attribute(t, name) ?? fallback);
        return Number.isInteger(v) && v >= 0 ? v : fallback;
      };
      table = {
        name: attribute(t, 'displayName') ?? attribute(t, 'name') ?? '',
        firstColumn: Math.min(a[0], b[0]),
        lastColumn: Math.max(a[0], b[0]),
        firstRow: Math.min(a[1], b[1]),
        lastRow: Math.max(a[1], b[1]),
        headerRowCount: count('headerRowCount', 1),
        totalsRowCount: count('totalsRowCount', 0),
      };
    },
    close: () => {},
    text: () => {},
  });
  return table;
}
