/**
 * The Polish working-day calendar used to move the end of a procedural term (art. 57 § 4 KPA):
 * Saturdays, Sundays and the statutory holidays of the ustawa z 18 stycznia 1951 r. o dniach
 * wolnych od pracy, as amended.
 */
import { UnsupportedDateError } from './deadlines.errors.ts';
import {
  LAST_SUPPORTED_YEAR,
  addDays,
  assertSupportedYear,
  compareLocalDates,
  fromDateParts,
  isoWeekday,
  toDateParts,
  type LocalDate,
} from './local-date.ts';

export type { LocalDate } from './local-date.ts';

export interface Holiday {
  date: LocalDate;
  /** Polish name, shown to users as is. */
  name: string;
}

/**
 * The holiday list below is the one in force since 1990 (3 May restored and 22 July dropped in
 * 1990; 15 August and 11 November restored in 1989). Older years had different holidays, so
 * the calendar refuses them rather than answer wrongly.
 */
export const FIRST_HOLIDAY_CALENDAR_YEAR = 1990;
/** 6 January was abolished as a holiday in 1960 and restored by the act of 24 November 2010. */
const EPIPHANY_FIRST_YEAR = 2011;
/** 24 December became a holiday by the amendment of December 2024, applying from 2025. */
const CHRISTMAS_EVE_FIRST_YEAR = 2025;

/**
 * Easter Sunday in the Gregorian calendar (anonymous algorithm, Meeus / Jones / Butcher).
 * Computed rather than tabled so that no year silently runs off the end of a table.
 */
export function easterSunday(year: number): LocalDate {
  assertSupportedYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDateParts({ year, month, day });
}

function buildHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): Holiday => ({
    date: fromDateParts({ year, month, day }),
    name,
  });
  const holidays: Holiday[] = [
    fixed(1, 1, 'Nowy Rok'),
    fixed(5, 1, 'Święto Pracy'),
    fixed(5, 3, 'Święto Konstytucji 3 Maja'),
    fixed(8, 15, 'Wniebowzięcie NMP'),
    fixed(11, 1, 'Wszystkich Świętych'),
    fixed(11, 11, 'Narodowe Święto Niepodległości'),
    fixed(12, 25, 'Boże Narodzenie'),
    fixed(12, 26, 'Drugi dzień Bożego Narodzenia'),
    { date: easter, name: 'Wielkanoc' },
    { date: addDays(easter, 1), name: 'Poniedziałek Wielkanocny' },
    // Pentecost is the seventh Sunday after Easter; Corpus Christi the Thursday after the next.
    { date: addDays(easter, 49), name: 'Zielone Świątki' },
    { date: addDays(easter, 60), name: 'Boże Ciało' },
  ];
  if (year >= EPIPHANY_FIRST_YEAR) holidays.push(fixed(1, 6, 'Trzech Króli'));
  if (year >= CHRISTMAS_EVE_FIRST_YEAR) holidays.push(fixed(12, 24, 'Wigilia Bożego Narodzenia'));
  // ISO dates sort correctly as strings.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : 1));
}

/** Holidays by year, computed once: deadline loops ask about the same year many times. */
const holidayNamesByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

function holidayNamesOf(year: number): ReadonlyMap<LocalDate, string> {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_CALENDAR_YEAR) {
    throw new UnsupportedDateError(year, FIRST_HOLIDAY_CALENDAR_YEAR, LAST_SUPPORTED_YEAR);
  }
  let names = holidayNamesByYear.get(year);
  if (!names) {
    names = new Map(buildHolidays(year).map((holiday) => [holiday.date, holiday.name]));
    holidayNamesByYear.set(year, names);
  }
  return names;
}

/**
 * Statutory holidays of a year in date order. Ordinary Sundays are days off too, but are not
 * listed; ask `isSunday` or `isWorkingDay`.
 */
export function polishHolidays(year: number): Holiday[] {
  return [...holidayNamesOf(year)].map(([date, name]) => ({ date, name }));
}

/** Polish name of the holiday on `date`, or undefined on any other day. */
export function holidayName(date: LocalDate): string | undefined {
  return holidayNamesOf(toDateParts(date).year).get(date);
}

export function isHoliday(date: LocalDate): boolean {
  return holidayName(date) !== undefined;
}

export function isSaturday(date: LocalDate): boolean {
  return isoWeekday(date) === 6;
}

export function isSunday(date: LocalDate): boolean {
  return isoWeekday(date) === 7;
}

/** A day that is not a Saturday, a Sunday or a statutory holiday (art. 57 § 4 KPA). */
export function isWorkingDay(date: LocalDate): boolean {
  return isoWeekday(date) <= 5 && !isHoliday(date);
}

/**
 * The date itself when it is a working day, otherwise the next working day: how art. 57 § 4 KPA
 * moves the last day of a term that falls on a Saturday, Sunday or holiday.
 */
export function shiftToWorkingDay(date: LocalDate): LocalDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/**
 * Moves by `n` working days, not counting `date` itself: +1 from a Friday is the next Monday
 * (unless that is a holiday), -1 goes back to the previous working day, 0 returns `date`.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays expects whole days, got ${n}`);
  const step = n >= 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let current = date;
  toDateParts(current); // reject an invalid start even when n is 0
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days stepped onto when walking from `from` to `to`: forwards, the days after `from`
 * up to and including `to`; backwards, the days before `from` down to and including `to`,
 * counted negative. So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  const direction = compareLocalDates(to, from); // validates both dates
  let count = 0;
  for (let current = from; current !== to;) {
    current = addDays(current, direction);
    if (isWorkingDay(current)) count += direction;
  }
  return count;
}
