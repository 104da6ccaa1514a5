// Floor (c) of the benchmark, a measured alternative to exceljs: saxes (the XML parser exceljs
// itself uses) straight over yauzl's inflated worksheet parts, keeping each row's cell values and
// building no exceljs Row or Cell objects. The gap between this and floor (a) is exceljs's own cost.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-saxes.js <workbook.xlsx>');
const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
const entries: yauzl.Entry[] = [];
await new Promise<void>((resolve, reject) => {
  zip.on('entry', (e: yauzl.Entry) => {
    entries.push(e);
    zip.readEntry();
  });
  zip.on('end', resolve);
  zip.on('error', reject);
  zip.readEntry();
});

interface Handlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

async function parse(entry: yauzl.Entry, h: Handlers): Promise<void> {
  const parser = new SaxesParser();
  parser.on('opentag', h.open);
  parser.on('closetag', h.close);
  parser.on('text', h.text);
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
  stream.setEncoding('utf8');
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
}

const strings: string[] = [];
const shared = entries.find((e) => e.fileName === 'xl/sharedStrings.xml');
if (shared) {
  let current: string | null = null;
  await parse(shared, {
    open: (t) => void (t.name === 'si' && (current = '')),
    close: (t) => {
      if (t.name === 'si') strings.push(current ?? '');
      if (t.name === 'si') current = null;
    },
    text: (x) => void (current !== null && (current += x)),
  });
}

function column(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65) break;
    n = n * 26 + c - 64;
  }
  return n;
}

const rows: Record<string, number> = {};
for (const entry of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.fileName))) {
  let count = 0;
  let cells: (string | number | undefined)[] = [];
  let type: string | undefined;
  let col = 0;
  let text: string | null = null;
  let inValue = false;
  await parse(entry, {
    open: (t) => {
      if (t.name === 'c') {
        type = t.attributes.t;
        col = t.attributes.r !== undefined ? column(t.attributes.r) : col + 1;
      } else if (t.name === 'v' || t.name === 't') {
        inValue = true;
        text = '';
      } else if (t.name === 'row') col = 0;
    },
    text: (x) => void (inValue && (text += x)),
    close: (t) => {
      if (t.name === 'v' || t.name === 't') inValue = false;
      else if (t.name === 'c') {
        cells[col] = text === null ? undefined : type === 's' ? strings[Number(text)] : type === 'inlineStr' || type === 'str' ? text : Number(text);
        text = null;
      } else if (t.name === 'row') {
        count++;
        cells = [];
      }
    },
  });
  rows[entry.fileName] = count;
}
zip.close();
process.stdout.write(`${JSON.stringify(rows)}\n`);
