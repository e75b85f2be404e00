import { describe, expect, it } from 'vitest';
import {
  accessCodeMatches,
  formatAccessCode,
  generateAccessCode,
  normaliseAccessCode,
} from './access-code.ts';

describe('access codes printed on receipts', () => {
  it('are ten characters without look-alikes, printed in two groups', () => {
    const codes = new Set(Array.from({ length: 200 }, generateAccessCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(formatAccessCode('ABCDEFGH23')).toBe('ABCDE-FGH23');
  });

  it('match what a person types, whatever the case, spaces or hyphen', () => {
    expect(normaliseAccessCode(' abcde-fgh23 ')).toBe('ABCDEFGH23');
    expect(accessCodeMatches('ABCDEFGH23', 'abcde fgh23')).toBe(true);
    expect(accessCodeMatches('ABCDEFGH23', 'ABCDE-FGH24')).toBe(false);
    expect(accessCodeMatches('ABCDEFGH23', 'ABCDE')).toBe(false);
    expect(accessCodeMatches(null, 'ABCDEFGH23')).toBe(false);
  });
});
