import { describe, expect, it } from 'vitest';
import { formatCaseSign, isValidCaseSign, parseCaseSign } from './case-sign.ts';

describe('case sign (znak sprawy) parsing', () => {
  it('reads UNIT.SYMBOL.NUMBER.YEAR into its parts', () => {
    expect(parseCaseSign('OR.1431.12.2025')).toEqual({
      unit: 'OR',
      symbol: '1431',
      number: 12,
      year: 2025,
    });
  });

  it('accepts a unit with hyphenated sub-units', () => {
    expect(parseCaseSign('AB-LA-I.6730.615.2012')).toEqual({
      unit: 'AB-LA-I',
      symbol: '6730',
      number: 615,
      year: 2012,
    });
  });

  it('reads the sub-folder of a divided case (UNIT.SYMBOL.NUMBER.SUB.YEAR)', () => {
    expect(parseCaseSign('OR.1431.12.3.2025')).toEqual({
      unit: 'OR',
      symbol: '1431',
      number: 12,
      sub: 3,
      year: 2025,
    });
  });

  it('leaves sub undefined for an undivided case', () => {
    expect(parseCaseSign('OR.1431.12.2025')).not.toHaveProperty('sub');
  });

  it('keeps the JRWA symbol as text, so a class starting with 0 keeps its leading zero', () => {
    expect(parseCaseSign('OR.0143.1.2026')?.symbol).toBe('0143');
  });

  it('numbers cases from 1: the first case of a year is .1.', () => {
    expect(parseCaseSign('GK.6730.1.2026')?.number).toBe(1);
  });

  it('accepts units with Polish letters and digits (USC, GK2, ŚR)', () => {
    for (const sign of ['USC.5350.4.2025', 'GK2.6730.4.2025', 'ŚR.6220.4.2025']) {
      expect(isValidCaseSign(sign)).toBe(true);
    }
  });

  it('accepts unit symbols of letters and digits in either case with at least one letter (A1c, 11d, b99)', () => {
    expect(parseCaseSign('11d.5350.4.2025')).toMatchObject({ unit: '11d', symbol: '5350' });
    expect(isValidCaseSign('A1c.0003.1.2026')).toBe(true);
    expect(isValidCaseSign('b99.0003.1.2026')).toBe(true);
  });

  it('reads the sign of a sub-case opened in the year after its parent: OR.0003.5.1.2026', () => {
    expect(parseCaseSign('OR.0003.5.1.2026')).toEqual({
      unit: 'OR',
      symbol: '0003',
      number: 5,
      sub: 1,
      year: 2026,
    });
  });

  it.each([
    ['a legacy signature', 'ZPOW-7501-1/10'],
    ['case number 0', 'OR.1431.0.2025'],
    ['a case number with a leading zero', 'OR.1431.012.2025'],
    ['a sub-case number 0', 'OR.1431.12.0.2025'],
    ['a sub-case number with a leading zero', 'OR.1431.12.03.2025'],
    ['a missing year', 'OR.1431.12'],
    ['a missing number', 'OR.1431.2025'],
    ['a missing unit', '.1431.12.2025'],
    ['an empty class', 'OR..12.2025'],
    ['too many parts', 'OR.1431.12.3.4.2025'],
    ['a unit made only of digits', '12.1431.12.2025'],
    ['a unit with an empty sub-unit', 'AB--LA.6730.615.2012'],
    ['a unit ending with a hyphen', 'AB-.6730.615.2012'],
    ['a non-digit class', 'OR.14a1.12.2025'],
    ['a two-digit year', 'OR.1431.12.25'],
    ['a non-numeric year', 'OR.1431.12.20x5'],
    ['an empty string', ''],
    ['a trailing dot', 'OR.1431.12.2025.'],
    ['a leading dot', '.OR.1431.12.2025'],
    ['surrounding whitespace', ' OR.1431.12.2025'],
    ['a slash instead of dots', 'OR/1431/12/2025'],
  ])('rejects %s (%s)', (_, sign) => {
    expect(parseCaseSign(sign)).toBeNull();
    expect(isValidCaseSign(sign)).toBe(false);
  });
});

describe('case sign formatting', () => {
  it('writes the parts separated by dots', () => {
    expect(formatCaseSign({ unit: 'OR', symbol: '1431', number: 12, year: 2025 })).toBe(
      'OR.1431.12.2025',
    );
  });

  it('writes the sub-folder between the number and the year', () => {
    expect(formatCaseSign({ unit: 'OR', symbol: '1431', number: 12, sub: 3, year: 2025 })).toBe(
      'OR.1431.12.3.2025',
    );
  });

  it.each([
    'OR.1431.12.2025',
    'AB-LA-I.6730.615.2012',
    'OR.1431.12.3.2025',
    'OR.0143.1.2026',
    'GK2.6730.1234567.1999',
  ])('round-trips %s unchanged', (sign) => {
    const parsed = parseCaseSign(sign);
    expect(parsed).not.toBeNull();
    expect(formatCaseSign(parsed!)).toBe(sign);
  });
});
