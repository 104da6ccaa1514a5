// A cell address as a person reads it in an issue: the sheet name quoted only when Excel would quote
// it, a quote inside doubled, then the column letters and the row.
import { describe, expect, it } from 'vitest';
import { cellAddress } from './raw.js';

describe('cellAddress', () => {
  it('writes a plain sheet name as it is', () => {
    expect(cellAddress('Participants', 6, 14)).toBe('Participants!F14');
    expect(cellAddress('A', 1, 1)).toBe('A!A1');
    // Letters, digits, underscores and dots after a first letter or underscore need no quotes.
    expect(cellAddress('_Data.2026', 28, 3)).toBe('_Data.2026!AB3');
  });

  it('quotes a name with a space, a hyphen, or a first character that is not a letter', () => {
    expect(cellAddress('Sessions by gender', 2, 5)).toBe("'Sessions by gender'!B5");
    expect(cellAddress('Data-1', 1, 2)).toBe("'Data-1'!A2");
    expect(cellAddress('2026x', 26, 9)).toBe("'2026x'!Z9");
    expect(cellAddress('.hidden', 27, 1)).toBe("'.hidden'!AA1");
    expect(cellAddress('Données', 3, 4)).toBe("'Données'!C4");
  });

  it('doubles every quote inside a quoted name', () => {
    expect(cellAddress("O'Brien's list", 1, 7)).toBe("'O''Brien''s list'!A7");
  });
});
