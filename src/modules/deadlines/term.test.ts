import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { isWorkingDay } from './calendar.ts';
import { addDays } from './local-date.ts';
import {
  LocalDateParseError,
  TermParseError,
  computeTermEnd,
  parseLocalDate,
  parseTerm,
  type Term,
} from './term.ts';

const days = (amount: number): Term => ({ amount, unit: 'd' });
const weeks = (amount: number): Term => ({ amount, unit: 'w' });
const months = (amount: number): Term => ({ amount, unit: 'm' });
const years = (amount: number): Term => ({ amount, unit: 'y' });

describe('reading a term', () => {
  it.each([
    ['14d', { amount: 14, unit: 'd' }],
    ['7d', { amount: 7, unit: 'd' }],
    ['2w', { amount: 2, unit: 'w' }],
    ['1m', { amount: 1, unit: 'm' }],
    ['2m', { amount: 2, unit: 'm' }],
    ['1y', { amount: 1, unit: 'y' }],
    ['120d', { amount: 120, unit: 'd' }],
  ])('reads %s', (text, term) => {
    expect(parseTerm(text)).toEqual(term);
  });

  it.each([
    '0d',
    '-1d',
    '14x',
    'd',
    '1.5m',
    '',
    ' 14d',
    '14d ',
    '14 d',
    '14D',
    '014d',
    '1e3d',
    '14',
  ])('rejects "%s" with the code deadline.invalid_term', (text) => {
    expect(() => parseTerm(text)).toThrow(TermParseError);
    expect(() => parseTerm(text)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_term', status: 400 }),
    );
  });

  it('explains a rejected term in English and in Polish', () => {
    const error = (() => {
      try {
        parseTerm('14x');
      } catch (caught) {
        return caught as TermParseError;
      }
      throw new Error('expected parseTerm to throw');
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('deadline.invalid_term');
    expect(error.message).toContain('"14x"');
    expect(error.messagePl).toContain('Nieprawidłowy termin „14x”');
  });
});

describe('reading a date', () => {
  it.each(['2026-01-31', '2024-02-29', '2025-12-31'])('accepts the real date %s', (text) => {
    expect(parseLocalDate(text)).toBe(text);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '05.01.2026',
    '',
  ])('rejects "%s" with the code deadline.invalid_date', (text) => {
    expect(() => parseLocalDate(text)).toThrow(LocalDateParseError);
    expect(() => parseLocalDate(text)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_date' }),
    );
  });
});

describe('end of a term under art. 57 KPA', () => {
  it('moves a 14-day appeal from Fri 2025-12-12 past the 26 December holiday and the weekend to Mon 2025-12-29', () => {
    expect(computeTermEnd('2025-12-12', days(14))).toEqual({
      rawEnd: '2025-12-26',
      due: '2025-12-29',
    });
  });

  it('ends a 1-month term started Sat 2026-01-31 on Sat 28 February and makes it due Mon 2026-03-02', () => {
    expect(computeTermEnd('2026-01-31', months(1))).toEqual({
      rawEnd: '2026-02-28',
      due: '2026-03-02',
    });
  });

  it('moves a 7-day term from Thu 2026-05-28 past Corpus Christi to Fri 2026-06-05', () => {
    expect(computeTermEnd('2026-05-28', days(7))).toEqual({
      rawEnd: '2026-06-04',
      due: '2026-06-05',
    });
  });

  it('does not count the day of delivery', () => {
    expect(computeTermEnd('2026-03-02', days(1)).rawEnd).toBe('2026-03-03');
  });

  it('counts from a delivery on a Saturday without moving the start', () => {
    expect(computeTermEnd('2026-03-07', days(3))).toEqual({
      rawEnd: '2026-03-10',
      due: '2026-03-10',
    });
  });

  it('keeps a due date that already falls on a working day', () => {
    expect(computeTermEnd('2026-03-04', days(14))).toEqual({
      rawEnd: '2026-03-18',
      due: '2026-03-18',
    });
  });

  it('ends a term in weeks on the same weekday', () => {
    expect(computeTermEnd('2026-03-04', weeks(2)).rawEnd).toBe('2026-03-18');
  });

  it('moves a 1-week term ending on Independence Day (Tue 2025-11-11) to Wednesday', () => {
    expect(computeTermEnd('2025-11-04', weeks(1))).toEqual({
      rawEnd: '2025-11-11',
      due: '2025-11-12',
    });
  });

  it('ends a 1-month term from 31 January on 29 February in a leap year', () => {
    expect(computeTermEnd('2024-01-31', months(1)).rawEnd).toBe('2024-02-29');
  });

  it('ends a 1-month term from 31 January on 28 February in a common year', () => {
    expect(computeTermEnd('2025-01-31', months(1)).rawEnd).toBe('2025-02-28');
  });

  it('ends a 1-month term from 31 March on 30 April', () => {
    expect(computeTermEnd('2026-03-31', months(1))).toEqual({
      rawEnd: '2026-04-30',
      due: '2026-04-30',
    });
  });

  it('keeps the day number when a month term starts on the last day of a short month', () => {
    expect(computeTermEnd('2026-02-28', months(1)).rawEnd).toBe('2026-03-28');
  });

  it('carries a 2-month term across the year end', () => {
    expect(computeTermEnd('2025-11-30', months(2)).rawEnd).toBe('2026-01-30');
    expect(computeTermEnd('2025-12-15', months(1)).rawEnd).toBe('2026-01-15');
  });

  it('ends a 1-year term from 29 February on 28 February, the day before the missing date', () => {
    expect(computeTermEnd('2024-02-29', years(1))).toEqual({
      rawEnd: '2025-02-28',
      due: '2025-02-28',
    });
  });

  it('ends a 4-year term from 29 February on 29 February of the next leap year', () => {
    expect(computeTermEnd('2024-02-29', years(4)).rawEnd).toBe('2028-02-29');
  });

  it('moves a 1-year term ending on All Saints (Sun 2026-11-01) to Monday', () => {
    expect(computeTermEnd('2025-11-01', years(1))).toEqual({
      rawEnd: '2026-11-01',
      due: '2026-11-02',
    });
  });

  it('moves only the end, to the nearest working day, for every start in 2025 and 2026', () => {
    for (let from = '2025-01-01'; from < '2027-01-01'; from = addDays(from, 1)) {
      for (const term of [days(7), days(14), weeks(1), months(1), months(2), years(1)]) {
        const { rawEnd, due } = computeTermEnd(from, term);
        expect(isWorkingDay(due)).toBe(true);
        for (let day = rawEnd; day < due; day = addDays(day, 1)) {
          expect(isWorkingDay(day)).toBe(false);
        }
      }
    }
  });

  it('rejects a term built in code with a zero, fractional or unknown amount or unit', () => {
    for (const term of [
      days(0),
      days(-3),
      months(1.5),
      { amount: 3, unit: 'q' } as unknown as Term,
    ]) {
      expect(() => computeTermEnd('2026-03-02', term)).toThrow(TermParseError);
    }
  });

  it('rejects a start date that does not exist', () => {
    expect(() => computeTermEnd('2026-02-30', days(14))).toThrow(LocalDateParseError);
  });

  it('refuses a term ending after the year 9999 instead of returning a wrong date', () => {
    expect(() => computeTermEnd('2026-03-02', years(9000))).toThrow(
      expect.objectContaining({ code: 'deadline.unsupported_date' }),
    );
  });
});
