// A shared formula's followers (ECMA-376 Part 1, 18.3.1.40): the first cell's formula with its relative references moved.
import { describe, expect, it } from 'vitest';
import { shiftFormula } from './shared-formula.js';

describe('shiftFormula', () => {
  it.each([
    // Filled down one row from B2 to B3: =Delegations!A2 becomes =Delegations!A3.
    ['Delegations!A2', 1, 0, 'Delegations!A3'],
    // Absolute parts stay; text in quotes stays; one row down and one column right.
    ['$A$2+B2*C$2&"A2"', 1, 1, '$A$2+C3*D$2&"A2"'],
    ['$A2+A$2', 3, 2, '$A5+C$2'],
    // Ranges move at both ends; a function whose name ends in digits is not a cell.
    ['SUM(A2:A10)+LOG10(B2)', 1, 0, 'SUM(A3:A11)+LOG10(B3)'],
    // A quoted sheet name is not read as a cell, nor is a sheet named like one.
    ["'Sheet 2'!B2+AB1!C3", 1, 1, "'Sheet 2'!C3+AB1!D4"],
    ['IF(F2="Woman","W","M")', 4, 0, 'IF(F6="Woman","W","M")'],
    ['A2', 0, 0, 'A2'],
    // Unmoved, a formula is kept as written; moved, its references are written in capitals.
    ['a2+$b$1', 0, 0, 'a2+$b$1'],
    ['a2+$b$1', 1, 0, 'A3+$B$1'],
    ['B2', 0, 1, 'C2'],
    ['B2', 1, 0, 'B3'],
    // Columns of two and three letters: AY to AZ, AZ to BA, ZZ to AAA.
    ['AY1+AZ1', 0, 1, 'AZ1+BA1'],
    ['AA10+ZZ1', 1, 1, 'AB11+AAA2'],
    // The last column and row are cells; past them a name such as XFE1 or A0 is left alone.
    ['XFD1', 1, 0, 'XFD2'],
    ['A1048576', 0, 1, 'B1048576'],
    ['XFE1+A0+A1048577', 1, 1, 'XFE1+A0+A1048577'],
  ])('%s moved %i rows and %i columns is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});
