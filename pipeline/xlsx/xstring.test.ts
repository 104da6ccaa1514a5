// Excel's escapes in stored strings, decoded as Excel shows them (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
import { describe, expect, it, vi } from 'vitest';
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

describe('the reader\'s hot path', () => {
  it('gives a string without an escape back without a pass of the regular expression, and decodes one with', () => {
    const replace = vi.spyOn(String.prototype, 'replace');
    let plain: string, escaped: string, callsForPlain: number, callsForEscaped: number;
    try {
      plain = decodeXstring('Ms Ana María García');
      callsForPlain = replace.mock.calls.length;
      escaped = decodeXstring('Woman_x000D_');
      callsForEscaped = replace.mock.calls.length - callsForPlain;
    } finally {
      replace.mockRestore();
    }
    expect([plain, callsForPlain]).toEqual(['Ms Ana María García', 0]);
    expect([escaped, callsForEscaped]).toEqual(['Woman\r', 1]);
  });
});
