import { describe, expect, it } from 'vitest';
import { toUnits, wrapText } from './text-wrap.ts';

/** Every character 1 unit wide, so widths are string lengths. */
const measure = (text: string) => text.length;

describe('word wrap', () => {
  it('fills lines greedily up to the width and never stretches the last line', () => {
    const lines = wrapText('ala ma kota a kot ma ale', 11, measure);
    expect(lines.map((l) => l.units.join(' '))).toEqual(['ala ma kota', 'a kot ma', 'ale']);
    expect(lines.every((l) => l.width <= 11)).toBe(true);
    expect(lines.map((l) => l.justify)).toEqual([true, true, false]);
  });

  it('keeps one-letter words, "art." and "§" with the next word and "r." with the year', () => {
    expect(toUnits('zgodnie z art. 64 § 2 ustawy z 1960 r. – Kodeks')).toEqual([
      'zgodnie',
      'z art. 64',
      '§ 2',
      'ustawy',
      'z 1960 r. –',
      'Kodeks',
    ]);
  });

  it('splits a word longer than the line into pieces rather than overflowing', () => {
    const lines = wrapText('https://bip.example.gov.pl/bardzo/dluga/sciezka ok', 10, measure);
    expect(lines.every((l) => l.width <= 10)).toBe(true);
    expect(lines.map((l) => l.units.join('')).join('')).toBe(
      'https://bip.example.gov.pl/bardzo/dluga/sciezkaok',
    );
  });

  it('gives no lines for empty text', () => {
    expect(wrapText('   ', 10, measure)).toEqual([]);
  });
});
