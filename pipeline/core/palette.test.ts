// The colour of each gender's series, as every chart asks for it (Okabe-Ito).
import { describe, expect, it } from 'vitest';
import { genderColour } from './palette.js';

describe('genderColour', () => {
  it('gives each gender its own Okabe-Ito colour: orange, blue, green, grey', () => {
    expect(genderColour('woman')).toBe('#E69F00');
    expect(genderColour('man')).toBe('#0072B2');
    expect(genderColour('other')).toBe('#009E73');
    expect(genderColour('notStated')).toBe('#999999');
  });
});
