/**
 * Errors of the deadlines module, as data (STYLE.md point 7): a stable code, an HTTP status,
 * an English `message` and a Polish `messagePl`. They describe bad input (a term or date typed by
 * a user or sent by a domain system), so they are never internal.
 *
 * When a shared application error base class exists, these should extend it; until then they
 * carry the same fields so one handler can map them.
 */

/** Longest piece of user input echoed back in a message, so a huge payload is not reflected. */
const MAX_ECHOED_INPUT = 40;

function quoteInput(input: unknown): string {
  const text = String(input);
  return text.length > MAX_ECHOED_INPUT ? `${text.slice(0, MAX_ECHOED_INPUT)}…` : text;
}

export abstract class DeadlineError extends Error {
  abstract readonly code: string;
  readonly status = 400;
  readonly internal = false;
  readonly messagePl: string;

  constructor(message: string, messagePl: string) {
    super(message);
    this.name = new.target.name;
    this.messagePl = messagePl;
  }
}

/** A term such as `14d`, `2w`, `1m` or `1y` could not be read. */
export class TermParseError extends DeadlineError {
  readonly code = 'deadline.invalid_term';

  readonly input: unknown;

  constructor(input: unknown) {
    super(
      `Invalid term "${quoteInput(input)}": expected a positive whole number followed by ` +
        'd (days), w (weeks), m (months) or y (years), e.g. 14d, 2w, 1m, 1y.',
      `Nieprawidłowy termin „${quoteInput(input)}”: oczekiwano dodatniej liczby całkowitej ` +
        'i jednostki d (dni), w (tygodnie), m (miesiące) lub y (lata), np. 14d, 2w, 1m, 1y.',
    );
    this.input = input;
  }
}

/** A date is not a real calendar day written as `YYYY-MM-DD` (e.g. `2026-02-30`). */
export class LocalDateParseError extends DeadlineError {
  readonly code = 'deadline.invalid_date';

  readonly input: unknown;

  constructor(input: unknown) {
    super(
      `Invalid date "${quoteInput(input)}": expected an existing calendar date ` +
        'in the format YYYY-MM-DD.',
      `Nieprawidłowa data „${quoteInput(input)}”: oczekiwano istniejącej daty ` +
        'w formacie RRRR-MM-DD.',
    );
    this.input = input;
  }
}

/**
 * A valid date or year the deadline calendar cannot answer for: before the holiday list it
 * models, or past year 9999 after adding a very long term. Answering anyway would be silently wrong.
 */
export class UnsupportedDateError extends DeadlineError {
  readonly code = 'deadline.unsupported_date';

  constructor(input: unknown, firstYear: number, lastYear: number) {
    super(
      `Date or year "${quoteInput(input)}" is outside the range supported by the deadline ` +
        `calendar (${firstYear}-${lastYear}).`,
      `Data lub rok „${quoteInput(input)}” jest poza zakresem obsługiwanym przez kalendarz ` +
        `terminów (${firstYear}–${lastYear}).`,
    );
  }
}
