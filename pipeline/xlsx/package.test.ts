// The package layer (ECMA-376 Part 2, Open Packaging Conventions): tag and attribute names without
// their prefixes, part names compared as Office compares them, relationship targets resolved against
// their source part, and the sentence each kind of failure while reading a part becomes.
import { readFileSync, writeFileSync } from 'node:fs';
import type { SaxesTagPlain } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { ExpectedError } from '../errors.js';
import { MAIN, openPackage, xlsxFolder } from '../../test/unit/xlsx-file.js';
import { attribute, foldPartName, type Handlers, local, relationshipsPartOf, resolveTarget } from './package.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const tag = (attributes: Record<string, string>): SaxesTagPlain => ({ name: 'x', attributes, isSelfClosing: true }) as SaxesTagPlain;
const WORKBOOK = { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets/></workbook>` };
const none: Handlers = { open: () => {}, close: () => {}, text: () => {} };

/** What parsing `xl/part.xml` (holding `xml`) with these handlers ends in: 'read', or what it threw. */
async function parsed(xml: string, h: Partial<Handlers>): Promise<{ file: string; outcome: unknown }> {
  const file = folder.parts([WORKBOOK, { name: 'xl/part.xml', data: xml }]);
  const { pkg, close } = await openPackage(file);
  try {
    const outcome = await pkg.parse(pkg.entry('xl/part.xml')!, 'the part', { ...none, ...h }).then(() => 'read', (e: unknown) => e);
    return { file, outcome };
  } finally {
    close();
  }
}

describe('names', () => {
  it('takes a tag\'s name after its prefix, whatever the prefix, and a name without one as it is', () => {
    expect([local('x:row'), local('row'), local('ns0:c'), local(':row'), local('a:b:c')]).toEqual(['row', 'row', 'c', 'row', 'b:c']);
  });

  it('finds an attribute by its own name first, else by its name after any prefix, else nothing', () => {
    expect(attribute(tag({ 'x:Target': 'prefixed', Target: 'plain' }), 'Target')).toBe('plain');
    expect(attribute(tag({ 'r:id': 'rId1' }), 'id')).toBe('rId1');
    expect(attribute(tag({ 'relationships:id': 'rId2', name: 'S' }), 'id')).toBe('rId2');
    expect(attribute(tag({ Id: 'x', ids: 'y', 'r:idx': 'z' }), 'id')).toBeUndefined();
    expect(attribute(tag({ empty: '' }), 'empty')).toBe('');
  });
});

describe('part names', () => {
  it('compares part names as OPC does: no leading slashes, backslashes as slashes, percent-escapes decoded, any case', () => {
    expect(foldPartName('/XL/Workbook.xml')).toBe('xl/workbook.xml');
    expect(foldPartName('//xl/a.xml')).toBe('xl/a.xml');
    expect(foldPartName('xl\\worksheets\\Sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(foldPartName('\\xl\\a.xml')).toBe('xl/a.xml');
    expect(foldPartName('xl/worksheets/Sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
    expect(foldPartName('xl/%C3%A9t%C3%A9.xml')).toBe('xl/été.xml');
  });

  it('keeps a stray percent sign as it is', () => {
    expect(foldPartName('xl/100%.xml')).toBe('xl/100%.xml');
    expect(foldPartName('xl/A%zz.xml')).toBe('xl/a%zz.xml');
  });

  it('keeps a slash inside a name, and one written in the middle', () => {
    expect(foldPartName('xl/a/')).toBe('xl/a/');
    expect(foldPartName('xl//a.xml')).toBe('xl//a.xml');
  });

  it('resolves a target against the folder of the part holding the relationship, or from the root after a slash', () => {
    expect(resolveTarget('../tables/table1.xml', 'xl/worksheets/sheet1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('/xl/tables/table2.xml', 'xl/worksheets/sheet1.xml')).toBe('xl/tables/table2.xml');
    expect(resolveTarget('sheet2.xml', 'xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('styles.xml')).toBe('xl/styles.xml');
  });

  it('never climbs above the package root, however many folders a target climbs', () => {
    expect(resolveTarget('../../../x.xml')).toBe('x.xml');
    expect(resolveTarget('../../../x.xml', 'xl/worksheets/sheet1.xml')).toBe('x.xml');
    expect(resolveTarget('data../x.xml')).toBe('xl/data../x.xml');
  });

  it('keeps the relationships of a part in _rels beside it', () => {
    expect(relationshipsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relationshipsPartOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relationshipsPartOf('[Content_Types].xml')).toBe('_rels/[Content_Types].xml.rels');
  });
});

describe('XlsxPackage', () => {
  it('finds a part whatever the case, slashes and escapes of either name, and of two items folding alike reads the first', async () => {
    const file = folder.parts([
      WORKBOOK,
      { name: 'xl/worksheets/Sheet 1.xml', data: 'first' },
      { name: 'XL/worksheets/sheet%201.xml', data: 'second' },
      { name: 'xl/Tables/T.xml', data: 't' },
    ]);
    const { pkg, close } = await openPackage(file);
    try {
      expect(pkg.entry('xl/worksheets/sheet 1.xml')?.name).toBe('xl/worksheets/Sheet 1.xml');
      expect(pkg.entry('/XL/WORKSHEETS/SHEET%201.XML')?.name).toBe('xl/worksheets/Sheet 1.xml');
      expect(pkg.entry('xl\\tables\\t.xml')?.name).toBe('xl/Tables/T.xml');
      expect(pkg.entry('xl/tables/u.xml')).toBeUndefined();
      expect(pkg.path).toBe(file);
    } finally {
      close();
    }
  });

  it('reads a small part into its handlers and says whether the package holds it', async () => {
    const file = folder.parts([WORKBOOK, { name: 'xl/part.xml', data: '<a x="1"><b>hi</b><![CDATA[<c>]]></a>' }]);
    const { pkg, close } = await openPackage(file);
    try {
      const events: string[] = [];
      const h: Handlers = { open: (t) => events.push(`<${t.name}>`), close: (t) => events.push(`</${t.name}>`), text: (x) => events.push(x) };
      expect(await pkg.parsePart('XL/Part.xml', h)).toBe(true);
      expect(events).toEqual(['<a>', '<b>', 'hi', '</b>', '<c>', '</a>']);
      expect(await pkg.parsePart('xl/missing.xml', h)).toBe(false);
      expect(events).toHaveLength(6);
    } finally {
      close();
    }
  });

  it('says a part is not well-formed XML in one sentence, naming it, without a second full stop', async () => {
    const { file, outcome } = await parsed('<a>', {});
    expect(outcome).toBeInstanceOf(ExpectedError);
    expect((outcome as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read as an Excel workbook: the part is not well-formed XML \\(.*[^.]\\)\\.$`));
    const thrown = await parsed('<a/>', { open: () => { throw new Error('  Line 1.5 broken. '); } });
    expect((thrown.outcome as Error).message).toBe(`${thrown.file} could not be read as an Excel workbook: the part is not well-formed XML (Line 1.5 broken).`);
  });

  it('passes on a failure of the reader\'s own as it is: a sentence already written, a TypeError, a thrown value that is no Error', async () => {
    const sentence = new ExpectedError('Already said.');
    expect((await parsed('<a/>', { open: () => { throw sentence; } })).outcome).toBe(sentence);
    const bug = new TypeError('x is undefined');
    expect((await parsed('<a/>', { open: () => { throw bug; } })).outcome).toBe(bug);
    expect((await parsed('<a>text</a>', { text: () => { throw 'a string'; } })).outcome).toBe('a string');
  });
});

describe('a part whose zip entry cannot be opened', () => {
  it('is damaged, in one sentence naming the part and what the zip reader said', async () => {
    const file = folder.parts([WORKBOOK, { name: 'xl/part.xml', data: '<a/>' }]);
    // The second entry's local header starts after the first's: 30 bytes, its name, its deflated data.
    const bytes = readFileSync(file);
    const second = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
    bytes[second + 3] = 0x09;
    writeFileSync(file, bytes);
    const { pkg, close } = await openPackage(file);
    try {
      const e = await pkg.parse(pkg.entry('xl/part.xml')!, 'the part', none).then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(ExpectedError);
      expect((e as Error).message).toBe(`${file} is not an Excel workbook (.xlsx): the part is damaged (invalid local file header signature: 0x9034b50).`);
    } finally {
      close();
    }
  });
});
