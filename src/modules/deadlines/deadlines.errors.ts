/**
 * Errors of the deadlines module. They describe bad input (a term or date typed by a user or sent
 * by a domain system), so all are 400s built on the shared `AppError`: a stable code, an English
 * `message`, a Polish `messagePl`, and the offending input in `details`.
 *
 * Classes rather than `defineErrors` factories, so callers can catch them with `instanceof`.
 */
import { AppError } from '../../platform/errors.ts';

/** Longest piece of user input echoed back in a message, so a huge payload is not reflected. */
const MAX_ECHOED_INPUT = 40;

function quoteInput(input: unknown): string {
  const text = String(input);
  return text.length > MAX_ECHOED_INPUT ? `${text.slice(0, MAX_ECHOED_INPUT)}…` : text;
}

export abstract class DeadlineError extends AppError {
  constructor(code: string, input: unknown, message: string, messagePl: string) {
    super(code, 400, message, messagePl, { input });
    this.name = new.target.name;
  }
}

/** A term such as `14d`, `2w`, `1m` or `1y` could not be read. */
export class TermParseError extends DeadlineError {
  /** Narrowed from `AppError`'s string so callers can switch on it. */
  declare readonly code: 'deadline.invalid_term';

  constructor(input: unknown) {
    super(
      'deadline.invalid_term',
      input,
      `Invalid term "${quoteInput(input)}": expected a positive whole number followed by ` +
        'd (days), w (weeks), m (months) or y (years), e.g. 14d, 2w, 1m, 1y.',
      `Nieprawidłowy termin „${quoteInput(input)}”: oczekiwano dodatniej liczby całkowitej ` +
        'i jednostki d (dni), w (tygodnie), m (miesiące) lub y (lata), np. 14d, 2w, 1m, 1y.',
    );
  }
}

/** A date is not a real calendar day written as `YYYY-MM-DD` (e.g. `2026-02-30`). */
export class LocalDateParseError extends DeadlineError {
  /** Narrowed from `AppError`'s string so callers can switch on it. */
  declare readonly code: 'deadline.invalid_date';

  constructor(input: unknown) {
    super(
      'deadline.invalid_date',
      input,
      `Invalid date "${quoteInput(input)}": expected an existing calendar date ` +
        'in the format YYYY-MM-DD.',
      `Nieprawidłowa data „${quoteInput(input)}”: oczekiwano istniejącej daty ` +
        'w formacie RRRR-MM-DD.',
    );
  }
}

/**
 * A valid date or year the deadline calendar cannot answer for: before the holiday list it
 * models, or past year 9999 after adding a very long term. Answering anyway would be silently wrong.
 */
export class UnsupportedDateError extends DeadlineError {
  /** Narrowed from `AppError`'s string so callers can switch on it. */
  declare readonly code: 'deadline.unsupported_date';

  constructor(input: unknown, firstYear: number, lastYear: number) {
    super(
      'deadline.unsupported_date',
      input,
      `Date or year "${quoteInput(input)}" is outside the range supported by the deadline ` +
        `calendar (${firstYear}-${lastYear}).`,
      `Data lub rok „${quoteInput(input)}” jest poza zakresem obsługiwanym przez kalendarz ` +
        `terminów (${firstYear}–${lastYear}).`,
    );
  }
}
