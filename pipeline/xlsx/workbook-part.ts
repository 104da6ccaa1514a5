// Reads the workbook part (`xl/workbook.xml`): its date system and its sheets in order, each with
// the relationship that names its part (ECMA-376 Part 1, 18.2: workbookPr, sheets).
import { attribute, local, type XlsxPackage } from './package.js';

export interface SheetRef {
  readonly name: string;
  readonly relId: string | undefined;
}

export async function readWorkbookPart(pkg: XlsxPackage, part: string): Promise<{ date1904: boolean; sheets: SheetRef[] }> {
  let date1904 = false;
  const sheets: SheetRef[] = [];
  await pkg.parsePart(part, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'workbookPr') {
        const v = attribute(t, 'date1904');
        date1904 = v !== undefined && ['1', 'true'].includes(v.trim().toLowerCase());
      } else if (n === 'sheet') sheets.push({ name: attribute(t, 'name') ?? '', relId: attribute(t, 'id') });
    },
    close: () => {},
    text: () => {},
  });
  return { date1904, sheets };
}
