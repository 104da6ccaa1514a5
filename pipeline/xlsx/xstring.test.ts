// Excel's escapes in stored strings, decoded as Excel shows them (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
import { describe, expect, it } from 'vitest';
import { decodeXstring } from './xstring.js';

// ECMA-376 Part 1, 22.9.2.19 ST_Xstring: _xHHHH_ is the UTF-16 code unit HHHH; _x005F_ is "_".
describe('decodeXstring', () => {
  it.each([
    ['Woman_x000D_', 'Woman\r'],
    ['_x0009_Woman_x000A_', '\tWoman\n'],
    ['W_x006F_man', 'Woman'],
    ['lower_x000d_', 'lower\r'],
    ['_x005F_x000D_', '_x000D_'],
    ['a_x005F_b', 'a_b'],
    ['_x0041__x0042_', 'AB'],
    ['Zo_x00EB_', 'Zoë'],
    ['_x0_ _x00G0_ _x00410_', '_x0_ _x00G0_ _x00410_'],
    ['plain', 'plain'],
  ])('%j reads as %j', (stored, shown) => {
    expect(decodeXstring(stored)).toBe(shown);
  });
});
