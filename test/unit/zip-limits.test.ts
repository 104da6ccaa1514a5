// The zip guard's limits at their edges (exactly at a limit passes, one past it is refused) and its
// sentences, through checkWorkbookZip with small limits. Sizes are those the zip's central directory
// declares, which the zip writer below sets by hand; expected sentences written out in full.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExpectedError } from '../../pipeline/errors.js';
import { checkWorkbookZip, openEntry, ZIP_LIMITS, type ZipLimits } from '../../pipeline/zip-guard.js';
import { zip, type ZipEntry } from '../fixtures/hostile/zip.js';

const dir = mkdtempSync(path.join(tmpdir(), 'att-unit-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const MiB = 1024 * 1024;

const write = (entries: readonly ZipEntry[]) => {
  const file = path.join(dir, `z-${++n}.xlsx`);
  writeFileSync(file, zip(entries));
  return file;
};
const workbookPart: ZipEntry = { name: 'xl/workbook.xml', data: '<workbook/>', store: true };
/**
 * A deflated entry of `compressed` bytes whose directory declares `declared` bytes inflated (the
 * bytes are never inflated by the check, so they need not be real deflate data).
 */
const sized = (name: string, compressed: number, declared: number): ZipEntry => ({ name, data: '', deflated: { bytes: Buffer.alloc(compressed, 0x61), crc: 0, size: declared } });

const loose: ZipLimits = { maxFileBytes: 64 * MiB, maxUncompressedBytes: 64 * MiB, maxRatio: 200, ratioAboveBytes: 1000, maxEntries: 5 };

async function accepted(file: string, limits: ZipLimits): Promise<string[]> {
  const { zip: z, entries } = await checkWorkbookZip(file, limits);
  z.close();
  return entries.map((e) => `${e.name} ${e.compressedSize}/${e.uncompressedSize}`);
}

async function refused(file: string, limits: ZipLimits = loose): Promise<string> {
  const e = await checkWorkbookZip(file, limits).then(({ zip: z }) => (z.close(), undefined), (err: unknown) => err);
  expect(e).toBeInstanceOf(ExpectedError);
  return (e as ExpectedError).message;
}

describe('checkWorkbookZip at its limits', () => {
  it('keeps the documented limits', () => {
    expect(ZIP_LIMITS).toEqual({ maxFileBytes: 256 * MiB, maxUncompressedBytes: 1024 * MiB, maxRatio: 200, ratioAboveBytes: 4 * MiB, maxEntries: 10_000 });
  });

  it('accepts as many entries as the limit, refuses one more', async () => {
    const four = [workbookPart, sized('a', 1, 1), sized('b', 1, 1), sized('c', 1, 1)];
    expect(await accepted(write(four), { ...loose, maxEntries: 4 })).toEqual(['xl/workbook.xml 11/11', 'a 1/1', 'b 1/1', 'c 1/1']);
    const file = write([...four, sized('d', 1, 1)]);
    expect(await refused(file, { ...loose, maxEntries: 4 })).toBe(`${file} is refused: it holds more than 4 files inside, more than any workbook needs.`);
  });

  it('accepts a file of the largest size, refuses a larger one, in megabytes rounded', async () => {
    const file = write([workbookPart, { name: 'big', data: Buffer.alloc(Math.round(1.6 * MiB), 0x62), store: true }]);
    const { size } = await import('node:fs').then((fs) => fs.statSync(file));
    expect((await accepted(file, { ...loose, maxFileBytes: size })).length).toBe(2);
    expect(await refused(file, { ...loose, maxFileBytes: size - 1 })).toBe(`${file} is refused: it is 2 MB, over the limit of 2 MB for a workbook.`);
    expect(await refused(file, { ...loose, maxFileBytes: MiB })).toBe(`${file} is refused: it is 2 MB, over the limit of 1 MB for a workbook.`);
  });

  it('accepts a ratio of exactly the limit, refuses a higher one, and any ratio at or under the size it applies above', async () => {
    // 2,000 bytes from 10 is 200 to 1; from 9 it is 222 to 1; 1,000 bytes from 1 is not checked (not above 1,000).
    expect((await accepted(write([workbookPart, sized('x', 10, 2000), sized('y', 1, 1000)]), loose)).length).toBe(3);
    const file = write([workbookPart, sized('x', 9, 2000)]);
    expect(await refused(file)).toBe(`${file} is refused: x would inflate 222 times over, past the limit of 200 to 1 (a zip bomb?).`);
    const one = write([workbookPart, sized('y', 5, 1001)]);
    expect(await refused(one, { ...loose, maxRatio: 200 })).toBe(`${one} is refused: y would inflate 200 times over, past the limit of 200 to 1 (a zip bomb?).`);
    const empty = write([workbookPart, sized('z', 0, 2000)]);
    expect(await refused(empty)).toBe(`${empty} is refused: z would inflate 2000 times over, past the limit of 200 to 1 (a zip bomb?).`);
  });

  it('accepts contents that inflate to exactly the limit, refuses more, in megabytes rounded', async () => {
    const limits = { ...loose, maxUncompressedBytes: 3 * MiB, ratioAboveBytes: Number.MAX_SAFE_INTEGER };
    expect((await accepted(write([sized('xl/workbook.xml', 1, 2 * MiB - 100), sized('b', 1, MiB + 100)]), limits)).length).toBe(2);
    const file = write([sized('xl/workbook.xml', 1, 2 * MiB), sized('b', 1, 1.6 * MiB)]);
    expect(await refused(file, limits)).toBe(`${file} is refused: its contents would inflate to 4 MB, over the limit of 3 MB.`);
    const justOver = write([sized('xl/workbook.xml', 1, 3 * MiB), sized('b', 1, 1)]);
    expect(await refused(justOver, limits)).toBe(`${justOver} is refused: its contents would inflate to 3 MB, over the limit of 3 MB.`);
  });

  it('refuses a folder, a missing file, a path through a file, a file that is not a zip, and a zip that is not a workbook', async () => {
    const folder = path.join(dir, 'folder.xlsx');
    mkdirSync(folder);
    expect(await refused(folder)).toBe(`${folder} cannot be read: it is not a file.`);
    const missing = path.join(dir, 'missing.xlsx');
    expect(await refused(missing)).toBe(`${missing} cannot be read: there is no such file.`);
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'Participant ID,Session ID\n');
    const through = path.join(text, 'inside.xlsx');
    expect(await refused(through)).toBe(`${through} cannot be read: ENOTDIR: not a directory, stat '${through}'.`);
    expect(await refused(text)).toBe(`${text} is not an Excel workbook (.xlsx): it is a CSV or other text file; open it in Excel (or LibreOffice Calc) and save it as Excel Workbook (.xlsx).`);
    const other = write([{ name: 'word/document.xml', data: '<w/>' }]);
    expect(await refused(other)).toBe(`${other} is not an Excel workbook (.xlsx): it is a Word document, not a workbook.`);
  });

  it('refuses a zip whose central directory is damaged', async () => {
    const bytes = zip([workbookPart, sized('b', 3, 3)]);
    // The second central directory record's signature, made wrong.
    const second = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes[second + 3] = 0x09;
    const file = path.join(dir, 'damaged.xlsx');
    writeFileSync(file, bytes);
    expect(await refused(file)).toBe(`${file} is not an Excel workbook (.xlsx): its zip directory is damaged.`);
  });

  it('opens an entry as the bytes it holds', async () => {
    const { zip: z, entries } = await checkWorkbookZip(write([workbookPart, { name: 'xl/sharedStrings.xml', data: '<sst>Ana</sst>' }]), loose);
    const chunks: Buffer[] = [];
    for await (const c of await openEntry(z, entries[1]!)) chunks.push(c as Buffer);
    z.close();
    expect(Buffer.concat(chunks).toString('utf8')).toBe('<sst>Ana</sst>');
  });
});

describe('files that are no workbook', () => {
  const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
  const SAVE = 'open it in Excel (or LibreOffice Calc) and save it as Excel Workbook (.xlsx)';

  it('says a file of bytes it cannot name is no zip, or a damaged one', async () => {
    const file = path.join(dir, 'bytes.xlsx');
    writeFileSync(file, Buffer.alloc(64, 0x01));
    expect(await refused(file)).toBe(`${file} is not an Excel workbook (.xlsx): it is not a zip file, or it is damaged.`);
  });

  it('names an OpenDocument spreadsheet by its mimetype item, wherever the item lies in the zip', async () => {
    const file = write([{ name: 'content.xml', data: '<office:document-content/>' }, { name: 'mimetype', data: ODS, store: true }]);
    expect(await refused(file)).toBe(`${file} is not an Excel workbook (.xlsx): it is an OpenDocument spreadsheet (.ods); ${SAVE}.`);
  });

  it('reads a mimetype item of up to 1,024 bytes, and takes a longer one as saying nothing', async () => {
    const padded = write([{ name: 'mimetype', data: ODS.padEnd(1024, ' '), store: true }]);
    expect(await refused(padded)).toBe(`${padded} is not an Excel workbook (.xlsx): it is an OpenDocument spreadsheet (.ods); ${SAVE}.`);
    const long = write([{ name: 'mimetype', data: ODS.padEnd(1025, ' '), store: true }]);
    expect(await refused(long)).toBe(`${long} is not an Excel workbook (.xlsx): it is a zip file without xl/workbook.xml.`);
  });

  it('says a zip it cannot name lacks xl/workbook.xml, an item named otherwise than mimetype saying nothing', async () => {
    const file = write([{ name: 'notes.txt', data: 'hello' }, { name: 'MimeType', data: ODS, store: true }]);
    expect(await refused(file)).toBe(`${file} is not an Excel workbook (.xlsx): it is a zip file without xl/workbook.xml.`);
  });

  it('finds the workbook part whatever the case of its name', async () => {
    expect(await accepted(write([{ name: 'XL/Workbook.XML', data: '<workbook/>', store: true }]), loose)).toEqual(['XL/Workbook.XML 11/11']);
  });
});
