/**
 * The clock of a case's statutory deadline (art. 35-36 KPA). The term runs from the start date
 * (for electronic submissions: the time of the delivery proof); periods listed in art. 35 § 5
 * (suspension, waiting for the party to complete the application, statutory waiting periods,
 * delays caused by the party) are not counted, so each closed pause moves the end by its length in
 * days; an open pause stops the clock.
 *
 * An extension under art. 36 sets a new date. Art. 35 § 5 still applies to it: a pause recorded
 * after the extension moves the new date by its length too (started 2026-03-02, 1 month, extended
 * to 2026-04-30, suspended 2026-04-10 to 2026-04-20 → due Mon 2026-05-11). Pauses recorded before
 * the extension were known when the new date was chosen and are not counted twice.
 *
 * "Niezwłocznie" (art. 35 § 2) is no number of days: an immediate deadline has no term and no
 * computed end date, only a reminder (see `remindOn` in case-deadlines/case-deadlines.usecases.ts).
 */
import { shiftToWorkingDay, workingDaysBetween } from './calendar.ts';
import { addDays, daysBetween, type LocalDate } from './local-date.ts';
import { computeTermEnd, parseTerm } from './term.ts';

export interface ClockPause {
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  /** Order of recording, shared with extensions. */
  seq: number;
}

export interface ClockExtension {
  newDue: LocalDate;
  seq: number;
}

export interface ClockInput {
  startsOn: LocalDate;
  /** `14d`, `1m`, …; null for "niezwłocznie" (art. 35 § 2), which has no day count. */
  term: string | null;
  pauses: ReadonlyArray<ClockPause>;
  extensions: ReadonlyArray<ClockExtension>;
}

export interface ClockState {
  /** Null for an immediate deadline (no day count). */
  rawEnd: LocalDate | null;
  /** Due date from the term alone (art. 57, moved past days off); null for an immediate deadline. */
  baseDue: LocalDate | null;
  /** Days not counted (closed pauses). */
  pausedDays: number;
  /** Set while a pause is open: the clock stands still from that day. */
  pausedSince: LocalDate | null;
  /** Current due date; null while paused, and for an immediate deadline never extended. */
  due: LocalDate | null;
  extended: boolean;
  /** True for "niezwłocznie" without an extension: handled without delay, no end date. */
  immediate: boolean;
}

export function computeClock(input: ClockInput): ClockState {
  const end = input.term ? computeTermEnd(input.startsOn, parseTerm(input.term)) : null;
  const lastExtension = input.extensions.reduce<ClockExtension | undefined>(
    (last, e) => (!last || e.seq > last.seq ? e : last),
    undefined,
  );
  let pausedDays = 0;
  let pausedAfterExtension = 0;
  let pausedSince: LocalDate | null = null;
  for (const pause of input.pauses) {
    if (pause.endsOn === null) {
      pausedSince = pause.startsOn;
      continue;
    }
    const days = daysBetween(pause.startsOn, pause.endsOn);
    pausedDays += days;
    if (lastExtension && pause.seq > lastExtension.seq) pausedAfterExtension += days;
  }
  let due: LocalDate | null;
  if (pausedSince) due = null;
  else if (lastExtension)
    due =
      pausedAfterExtension > 0
        ? shiftToWorkingDay(addDays(lastExtension.newDue, pausedAfterExtension))
        : lastExtension.newDue;
  else due = end ? shiftToWorkingDay(addDays(end.rawEnd, pausedDays)) : null;
  return {
    rawEnd: end?.rawEnd ?? null,
    baseDue: end?.due ?? null,
    pausedDays,
    pausedSince,
    due,
    extended: Boolean(lastExtension),
    immediate: !end && !lastExtension,
  };
}

export type ClockStatus = 'running' | 'paused' | 'overdue' | 'immediate' | 'none';

type StatusInput = Pick<ClockState, 'due'> & Partial<Pick<ClockState, 'immediate' | 'pausedSince'>>;

/** Working days left until the due date (0 on the day itself, negative once missed). */
export function clockStatus(
  state: StatusInput | null,
  today: LocalDate,
): { status: ClockStatus; workingDaysLeft: number | null } {
  if (!state) return { status: 'none', workingDaysLeft: null };
  if (state.pausedSince) return { status: 'paused', workingDaysLeft: null };
  if (!state.due)
    return { status: state.immediate ? 'immediate' : 'paused', workingDaysLeft: null };
  const workingDaysLeft =
    today <= state.due
      ? workingDaysBetween(today, state.due)
      : -workingDaysBetween(state.due, today);
  return { status: today > state.due ? 'overdue' : 'running', workingDaysLeft };
}

/**
 * Terms of art. 35 KPA and the appeal term, by kind; `custom` takes the office's own term;
 * `immediate` (art. 35 § 2, "niezwłocznie") has none.
 */
export const DEADLINE_TERMS: Record<
  'immediate' | 'one_month' | 'two_months' | 'appeal',
  string | null
> = {
  immediate: null,
  one_month: '1m',
  two_months: '2m',
  appeal: '1m',
};

/** Default reminder of an immediate deadline, in working days from its start (set per case). */
export const IMMEDIATE_REMINDER_WORKING_DAYS = 3;
