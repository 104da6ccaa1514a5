// Reads the shared-string table (`xl/sharedStrings.xml`, ECMA-376 Part 1, 18.4): each `<si>`'s text
// as Excel shows it, its rich-text runs joined, phonetic runs left out, `_xHHHH_` escapes decoded.
import { ExpectedError } from '../errors.js';
import { local, type XlsxPackage } from './package.js';
import { MAX_CELL_CHARS } from './worksheet.js';
import { decodeXstring } from './xstring.js';

export async function readSharedStrings(pkg: XlsxPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  const entry = pkg.entry(part);
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await pkg.parse(entry, part, {
    open: (t) => {
      const n = local(t.name);
      if (n === 't') inText = current !== null && phonetic === 0;
      else if (n === 'si') current = '';
      else if (n === 'rPh') phonetic++;
    },
    close: (t) => {
      const n = local(t.name);
      if (n === 't') inText = false;
      else if (n === 'si') {
        strings.push(decodeXstring(current ?? ''));
        current = null;
      } else if (n === 'rPh') phonetic--;
    },
    text: (x) => {
      if (!inText) return;
      current += x;
      if (current!.length > MAX_CELL_CHARS) throw new ExpectedError(`${pkg.path} cannot be read: shared string ${strings.length} of ${part} holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters, far past Excel's 32,767.`);
    },
  });
  return strings;
}
