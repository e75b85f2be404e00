/**
 * Calendar dates without a time of day or a time zone, written `YYYY-MM-DD`.
 *
 * Procedural deadlines are counted in whole calendar days (art. 57 KPA), so a point in time
 * is the wrong model: `new Date('2026-03-29')` in local time can land on the previous day
 * around a DST change or on a server in another zone. Arithmetic here goes through UTC
 * midnight only, where every day has exactly 24 hours.
 */
import { LocalDateParseError, UnsupportedDateError } from './deadlines.errors.ts';

/** A real calendar date as `YYYY-MM-DD`. Obtain one from `parseLocalDate` or this module. */
export type LocalDate = string;

export interface DateParts {
  year: number;
  /** 1 = January … 12 = December (not the 0-based JavaScript month). */
  month: number;
  day: number;
}

/** First whole year of the Gregorian calendar; also keeps clear of `Date.UTC`'s 0-99 quirk. */
export const FIRST_SUPPORTED_YEAR = 1583;
/** Last year that fits the four-digit `YYYY` format. */
export const LAST_SUPPORTED_YEAR = 9999;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Throws unless `year` is a whole year the calendar supports. */
export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new UnsupportedDateError(year, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR);
  }
}

/**
 * Splits a date into numbers, rejecting anything that is not an existing day in `YYYY-MM-DD`
 * (`2026-02-30`, `2026-2-3`, `2026-02-03T00:00`, surrounding spaces).
 */
export function toDateParts(date: LocalDate): DateParts {
  const match = typeof date === 'string' ? LOCAL_DATE_PATTERN.exec(date) : null;
  if (!match) throw new LocalDateParseError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new LocalDateParseError(date);
  }
  if (year < FIRST_SUPPORTED_YEAR) throw new LocalDateParseError(date);
  return { year, month, day };
}

/** Validates user or API input and returns it as a `LocalDate`. */
export function parseLocalDate(text: string): LocalDate {
  toDateParts(text);
  return text;
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    toDateParts(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Builds a date from numbers that are already known to form a real day. */
export function fromDateParts({ year, month, day }: DateParts): LocalDate {
  assertSupportedYear(year);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (negative before), the form in which day arithmetic is exact. */
function toEpochDay(date: LocalDate): number {
  const { year, month, day } = toDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  if (Number.isNaN(utc.getTime())) {
    throw new UnsupportedDateError(epochDay, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR);
  }
  return fromDateParts({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays expects whole days, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of calendar days from `from` to `to` (0 for the same day). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps pre-1970 days positive.
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(daysBetween(b, a));
}
