import { describe, expect, it } from 'vitest';
import { isValidUnitSymbol } from './unit-symbol.ts';

describe('unit symbol, as used in case signatures', () => {
  it.each(['OR', 'USC', 'GK2', 'AB-LA-I', 'ŚR', 'ŻŁ', 'A', '2GK', 'WO-2', 'or', 'Or', 'śr'])(
    'accepts %s (letters and digits with at least one letter, hyphenated sub-units)',
    (symbol) => {
      expect(isValidUnitSymbol(symbol)).toBe(true);
    },
  );

  it.each([
    ['an empty symbol', ''],
    ['digits only', '12'],
    ['digits only with sub-units', '12-3'],
    ['a letter outside the Polish and Latin alphabets', 'ΩR'],
    ['a leading hyphen', '-OR'],
    ['a trailing hyphen', 'OR-'],
    ['an empty sub-unit', 'AB--LA'],
    ['a dot, which separates the parts of a case sign', 'O.R'],
    ['a slash', 'OR/1'],
    ['a space', 'O R'],
    ['surrounding whitespace', ' OR '],
    ['an underscore', 'O_R'],
  ])('rejects %s (%j)', (_, symbol) => {
    expect(isValidUnitSymbol(symbol)).toBe(false);
  });

  it('accepts up to 40 characters and rejects longer symbols', () => {
    expect(isValidUnitSymbol('A'.repeat(40))).toBe(true);
    expect(isValidUnitSymbol('A'.repeat(41))).toBe(false);
  });

  it.each(['A1c', '11d', 'b99'])(
    'accepts %s: letters and digits in either case with at least one letter are lawful',
    (symbol) => {
      expect(isValidUnitSymbol(symbol)).toBe(true);
    },
  );
});
