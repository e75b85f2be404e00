import { describe, expect, it } from 'vitest';
import {
  archivalOutcome,
  categoryForUnit,
  normaliseCategory,
  retentionEnd,
} from './jrwa-category.ts';

describe('archival category normalisation', () => {
  it.each([
    ['B-5', 'B5'],
    ['BE-5', 'BE5'],
    ['B-10', 'B10'],
    ['BE-50', 'BE50'],
    ['B - 5', 'B5'],
    ['B5', 'B5'],
    ['BE10', 'BE10'],
    ['A', 'A'],
    ['Bc', 'Bc'],
    ['B', 'B'],
    [' B-5 ', 'B5'],
  ])('reads %j as %s', (raw, category) => {
    expect(normaliseCategory(raw)).toEqual({ ok: true, category });
  });

  it.each(['', '   ', '\t'])('reads a blank cell (%j) as no category', (raw) => {
    expect(normaliseCategory(raw)).toEqual({ ok: true, category: null });
  });

  it.each(['X', 'B-', 'C5', 'BE', 'BE-', 'B0', 'B-0', 'B05', 'A5', 'Bc5', 'B5a'])(
    'rejects unknown category %j, returning it trimmed',
    (raw) => {
      expect(normaliseCategory(raw)).toEqual({ ok: false, raw });
    },
  );

  it('returns the rejected value without surrounding whitespace', () => {
    expect(normaliseCategory('  X ')).toEqual({ ok: false, raw: 'X' });
  });
});

describe('retention end (first day records may be disposed of)', () => {
  it('counts n full years from 1 January after closing: closed 2025-06-10 in B5 → 2031-01-01', () => {
    expect(retentionEnd('B5', '2025-06-10')).toBe('2031-01-01');
  });

  it('gives the same date for a case closed on 1 January or 31 December of the same year', () => {
    expect(retentionEnd('B5', '2025-01-01')).toBe('2031-01-01');
    expect(retentionEnd('B5', '2025-12-31')).toBe('2031-01-01');
  });

  it('counts BE<n> like B<n> (expert review follows)', () => {
    expect(retentionEnd('BE5', '2025-06-10')).toBe('2031-01-01');
    expect(retentionEnd('BE10', '2020-03-01')).toBe('2031-01-01');
  });

  it('handles multi-digit periods (B50)', () => {
    expect(retentionEnd('B50', '2025-06-10')).toBe('2076-01-01');
  });

  it.each([
    ['A', 'kept forever'],
    ['Bc', 'destroyed after use'],
    ['B', 'retention set by other law'],
  ])('has no retention end for %s (%s)', (category) => {
    expect(retentionEnd(category, '2025-06-10')).toBeNull();
  });
});

describe('what the category means when the period ends', () => {
  it('B5 closed 2025-06-10: disposal possible from 2031-01-01', () => {
    expect(archivalOutcome('B5', '2025-06-10')).toEqual({
      disposalFrom: '2031-01-01',
      expertReviewFrom: null,
    });
  });

  it('BE5 closed 2025-06-10 is never "disposal possible": the state archive reviews the records from 2031-01-01 and may make them A', () => {
    expect(archivalOutcome('BE5', '2025-06-10')).toEqual({
      disposalFrom: null,
      expertReviewFrom: '2031-01-01',
    });
  });

  it.each(['A', 'Bc', 'B', null])('gives no date for %s', (category) => {
    expect(archivalOutcome(category, '2025-06-10')).toEqual({
      disposalFrom: null,
      expertReviewFrom: null,
    });
  });
});

describe('the category of a pre-2011 wykaz for the unit that closes the case', () => {
  const complaints = { category: 'BE5', categoryElsewhere: 'Bc' }; // 0561 Rozpatrywanie skarg

  it('gives the home unit (komórka macierzysta) the first category', () => {
    expect(categoryForUnit(complaints, true)).toEqual({ category: 'BE5', elsewhere: false });
  });

  it('gives "pozostałe komórki" the second category (typically Bc) when the closing unit does not own the class', () => {
    expect(categoryForUnit(complaints, false)).toEqual({ category: 'Bc', elsewhere: true });
  });

  it('takes the unit as the home unit when the office has named none, and a 2011 wykaz has one category everywhere', () => {
    expect(categoryForUnit(complaints, null)).toEqual({ category: 'BE5', elsewhere: false });
    expect(categoryForUnit({ category: 'B10', categoryElsewhere: null }, false)).toEqual({
      category: 'B10',
      elsewhere: false,
    });
  });
});
