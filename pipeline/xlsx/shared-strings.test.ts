// The shared-string table (ECMA-376 Part 1, 18.4 sst, si, r, t, rPh), the workbook part (18.2
// workbook, workbookPr, sheets) and relationships parts (Part 2, 9.3), each read from a small zip
// through its own reader. Expected values worked out by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { ExpectedError } from '../errors.js';
import { MAIN, openPackage, xlsxFolder } from '../../test/unit/xlsx-file.js';
import type { XlsxPackage } from './package.js';
import { readRelationships } from './relationships.js';
import { readSharedStrings } from './shared-strings.js';
import { readWorkbookPart } from './workbook-part.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Runs `read` on a package of a workbook part and these parts. */
async function withParts<T>(parts: { name: string; data: string }[], read: (pkg: XlsxPackage, file: string) => Promise<T>): Promise<T> {
  const names = new Set(parts.map((p) => p.name));
  const file = folder.parts([...(names.has('xl/workbook.xml') ? [] : [{ name: 'xl/workbook.xml', data: `<workbook ${MAIN}/>` }]), ...parts]);
  const { pkg, close } = await openPackage(file);
  try {
    return await read(pkg, file);
  } finally {
    close();
  }
}
const sst = (items: string) => withParts([{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${MAIN}>${items}</sst>` }], (pkg) => readSharedStrings(pkg, 'xl/sharedStrings.xml'));

describe('readSharedStrings', () => {
  it('reads each item\'s text, runs joined, phonetic runs left out, escapes decoded, an empty item as empty text', async () => {
    expect(await sst('<si><t>Ana</t></si><si><r><t>Jo</t></r><r><rPr><b/></rPr><t xml:space="preserve">sé </t></r></si><si/><si><t>A_x000D_</t><rPh sb="0" eb="1"><t>エー</t></rPh></si>')).toEqual(['Ana', 'José ', '', 'A\r']);
  });

  it('has no strings when the package holds no such part', async () => {
    expect(await withParts([], (pkg) => readSharedStrings(pkg, 'xl/sharedStrings.xml'))).toEqual([]);
  });

  it('reads no text outside an item, however long, nor a phonetic run nested in another', async () => {
    expect(await sst(`<t>${'x'.repeat(1_000_001)}</t><si><t>kept</t></si><phoneticPr/><t>stray</t>`)).toEqual(['kept']);
    expect(await sst(`${'y'.repeat(1_000_001)}<si><t>kept</t></si>`)).toEqual(['kept']);
    expect(await sst('<si><rPh><rPh><t>a</t></rPh><t>b</t></rPh><t>c</t></si><si><t>d</t></si>')).toEqual(['c', 'd']);
  });

  it('reads an item nested in another (which Excel never writes) without failing: the inner item, then the outer as empty', async () => {
    expect(await sst('<si><t>outer</t><si><t>inner</t></si></si><si><t>next</t></si>')).toEqual(['inner', '', 'next']);
  });

  it('refuses an item of more than 1,000,000 characters, naming its number and part', async () => {
    const e = await withParts(
      [{ name: 'xl/sharedStrings.xml', data: `<sst ${MAIN}><si><t>a</t></si><si><r><t>${'b'.repeat(600_000)}</t></r><r><t>${'c'.repeat(400_001)}</t></r></si></sst>` }],
      (pkg, file) => readSharedStrings(pkg, 'xl/sharedStrings.xml').then(() => undefined, (err: unknown) => ({ err, file })),
    );
    expect(e?.err).toBeInstanceOf(ExpectedError);
    expect((e?.err as Error).message).toBe(`${e?.file} cannot be read: shared string 1 of xl/sharedStrings.xml holds more than 1,000,000 characters, far past Excel's 32,767.`);
  });
});

describe('readWorkbookPart', () => {
  const workbook = (inner: string) => withParts([{ name: 'xl/workbook.xml', data: `<workbook ${MAIN}>${inner}</workbook>` }], (pkg) => readWorkbookPart(pkg, 'xl/workbook.xml'));

  it('reads the sheets in order with the relationship naming each part, a sheet without a name as an empty name', async () => {
    expect(await workbook('<workbookPr/><sheets><sheet name="Meeting" sheetId="1" r:id="rId3"/><sheet sheetId="2" r:id="rId1"/><sheet name="Notes" sheetId="3"/></sheets><definedNames><definedName name="x">A1</definedName></definedNames>')).toEqual({
      date1904: false,
      sheets: [{ name: 'Meeting', relId: 'rId3' }, { name: '', relId: 'rId1' }, { name: 'Notes', relId: undefined }],
    });
  });

  it('counts from 1904 when workbookPr says so in any case and spacing, and not when it says otherwise', async () => {
    expect((await workbook('<workbookPr date1904=" True "/><sheets/>')).date1904).toBe(true);
    expect((await workbook('<workbookPr date1904="yes"/><sheets/>')).date1904).toBe(false);
  });

  it('has no sheets and counts from 1900 when the package lacks the part', async () => {
    expect(await withParts([], (pkg) => readWorkbookPart(pkg, 'xl/other.xml'))).toEqual({ date1904: false, sheets: [] });
  });
});

describe('readRelationships', () => {
  const rels = (inner: string, source = 'xl/workbook.xml', part = 'xl/_rels/workbook.xml.rels') =>
    withParts([{ name: part, data: `<Relationships ${RELS}>${inner}</Relationships>` }], (pkg) => readRelationships(pkg, source));

  it('reads each relationship\'s id, the last segment of its type, and its target resolved against the source part', async () => {
    expect(await rels(`<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="/xl/strings.xml"/><Relationship Id="rId3" Target="x.xml"/>`)).toEqual([
      { id: 'rId1', type: 'worksheet', target: 'xl/worksheets/sheet1.xml' },
      { id: 'rId2', type: 'sharedStrings', target: 'xl/strings.xml' },
      { id: 'rId3', type: '', target: 'xl/x.xml' },
    ]);
  });

  it('reads the relationships of a worksheet from its own _rels folder, targets relative to the worksheet', async () => {
    expect(await rels(`<Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/>`, 'xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels')).toEqual([
      { id: 'rId1', type: 'table', target: 'xl/tables/table1.xml' },
    ]);
  });

  it('leaves out a relationship without an id or a target, an external one, and elements of other names', async () => {
    expect(await rels(
      `<Relationship Type="${R}/sharedStrings" Target="strings.xml"/><Relationship Id="rId2" Type="${R}/worksheet"/>` +
        `<Relationship Id="rId3" Type="${R}/hyperlink" Target="https://example.org/" TargetMode="External"/><Link Id="rId4" Type="${R}/worksheet" Target="sheet4.xml"/>` +
        `<Relationship Id="rId5" Type="${R}/worksheet" Target="sheet5.xml" TargetMode="Internal"/>`,
    )).toEqual([{ id: 'rId5', type: 'worksheet', target: 'xl/sheet5.xml' }]);
  });

  it('is empty when the source part has no relationships part', async () => {
    expect(await rels(`<Relationship Id="rId1" Type="${R}/worksheet" Target="sheet1.xml"/>`, 'xl/worksheets/sheet1.xml')).toEqual([]);
  });
});
