import { toDateParts, type LocalDate } from '../deadlines/local-date.ts';

/** Month names in the genitive, as a date is written in a letter ("27 listopada"). */
const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
] as const;

/**
 * A date as written in Polish official letters: `2026-11-27` → "27 listopada 2026 r.". Throws
 * `deadline.invalid_date` for anything that is not an existing `YYYY-MM-DD` day.
 */
export function formatLetterDate(date: LocalDate): string {
  const { year, month, day } = toDateParts(date);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year} r.`;
}
