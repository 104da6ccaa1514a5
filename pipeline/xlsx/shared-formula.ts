// A shared formula's followers (ECMA-376 Part 1, 18.3.1.40 f, t="shared"): a cell that holds only
// the shared index shows the first cell's formula with its relative references moved by as many
// rows and columns as the cell lies from the first one, as Excel shows a formula filled down.

/** Quoted text and quoted sheet names, which hold no reference to move. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/**
 * A cell reference, `$` marks and all, that is not part of a longer name (`LOG10(`, `Sheet1`), nor
 * a sheet name (`AB1!`).
 */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.])/g;

const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** `formula` moved `rows` down and `cols` right: relative references move, absolute ones stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (ref: string, colAbs: string, col: string, rowAbs: string, row: string) => {
            let c = 0;
            for (const ch of col.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
            const r = Number(row);
            // Past XFD or row 1,048,576 it is a name, not a cell.
            if (c > 16_384 || r < 1 || r > 1_048_576) return ref;
            return `${colAbs}${letters(colAbs ? c : c + cols)}${rowAbs}${rowAbs ? r : r + rows}`;
          }),
    )
    .join('');
}
