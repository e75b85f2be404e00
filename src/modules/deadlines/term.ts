/**
 * Terms ("termin") of administrative procedure and the day on which they end, computed as
 * art. 57 KPA prescribes. Used for appeal (14 days), zażalenie (7 days), the office's own
 * deadlines under art. 35 (1 or 2 months) and any term written as `14d`, `2w`, `1m` or `1y`.
 */
import { shiftToWorkingDay } from './calendar.ts';
import { TermParseError } from './deadlines.errors.ts';
import {
  addDays,
  daysInMonth,
  fromDateParts,
  toDateParts,
  type DateParts,
  type LocalDate,
} from './local-date.ts';

export { parseLocalDate, type LocalDate } from './local-date.ts';
export { LocalDateParseError, TermParseError } from './deadlines.errors.ts';

export type TermUnit = 'd' | 'w' | 'm' | 'y';

export interface Term {
  /** A positive whole number. */
  amount: number;
  /** d = days, w = weeks, m = months, y = years. */
  unit: TermUnit;
}

export interface TermEnd {
  /** The day the term ends by art. 57 § 1-3a KPA, before any move for a day off. */
  rawEnd: LocalDate;
  /** The last day for the act: `rawEnd` moved past Saturdays, Sundays and holidays (§ 4). */
  due: LocalDate;
}

/**
 * Strict on purpose: no spaces, no leading zeros, no capitals, no fractions. A term typed in
 * by a user is shown back on documents and must mean exactly one thing.
 */
const TERM_PATTERN = /^([1-9][0-9]*)([dwmy])$/;
const TERM_UNITS: readonly TermUnit[] = ['d', 'w', 'm', 'y'];

export function parseTerm(text: string): Term {
  const match = typeof text === 'string' ? TERM_PATTERN.exec(text) : null;
  const amount = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(amount)) throw new TermParseError(text);
  return { amount, unit: match[2] as TermUnit };
}

export function formatTerm(term: Term): string {
  return `${term.amount}${term.unit}`;
}

/** A `Term` built in code rather than parsed gets the same checks as a parsed one. */
function assertValidTerm(term: Term): void {
  const valid =
    Number.isSafeInteger(term.amount) && term.amount > 0 && TERM_UNITS.includes(term.unit);
  if (!valid) throw new TermParseError(formatTerm(term));
}

/** Month `month` of `year` moved by `months` (may cross year ends). */
function shiftMonth(year: number, month: number, months: number): Omit<DateParts, 'day'> {
  const monthIndex = year * 12 + (month - 1) + months;
  return { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
}

/**
 * The day a term ends by art. 57 § 1-3a KPA, from the day of the triggering event
 * (delivery, receipt of the application, ...).
 */
function computeRawEnd(from: LocalDate, { amount, unit }: Term): LocalDate {
  switch (unit) {
    case 'd':
      // § 1: the day of the event is not counted; the term ends when the last day has passed.
      return addDays(from, amount);
    case 'w':
      // § 2: ends on the day of the last week that corresponds to the starting day,
      // i.e. the same weekday.
      return addDays(from, 7 * amount);
    case 'm': {
      // § 3: the same day number in the last month, or that month's last day if it has
      // no such day (31 January + 1 month = 28 or 29 February).
      const start = toDateParts(from);
      const { year, month } = shiftMonth(start.year, start.month, amount);
      return fromDateParts({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
    }
    case 'y': {
      // § 3a: the same date in the last year, or the day immediately before it if there is
      // none. Only 29 February can be missing, so the day before is 28 February.
      const start = toDateParts(from);
      const year = start.year + amount;
      const exists = start.day <= daysInMonth(year, start.month);
      return fromDateParts({ year, month: start.month, day: exists ? start.day : start.day - 1 });
    }
  }
}

/**
 * When a term starting on `from` ends. Only the end moves for a day off (art. 57 § 4 KPA):
 * a term triggered on a Saturday or a holiday is still counted from that day.
 */
export function computeTermEnd(from: LocalDate, term: Term): TermEnd {
  assertValidTerm(term);
  const rawEnd = computeRawEnd(from, term);
  return { rawEnd, due: shiftToWorkingDay(rawEnd) };
}
