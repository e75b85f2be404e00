/**
 * The clock of a case's statutory deadline (art. 35-36 KPA). The term runs from the start date
 * (for electronic submissions: the time of the delivery proof); periods listed in art. 35 § 5
 * (suspension, waiting for the party to complete the application, statutory waiting periods,
 * delays caused by the party) are not counted, so each closed pause moves the end by its length in
 * days; an open pause stops the clock. An extension under art. 36 sets a new due date.
 */
import { shiftToWorkingDay, workingDaysBetween } from './calendar.ts';
import { addDays, daysBetween, type LocalDate } from './local-date.ts';
import { computeTermEnd, parseTerm } from './term.ts';

export interface ClockInput {
  startsOn: LocalDate;
  term: string;
  pauses: ReadonlyArray<{ startsOn: LocalDate; endsOn: LocalDate | null }>;
  extensions: ReadonlyArray<{ newDue: LocalDate }>;
}

export interface ClockState {
  rawEnd: LocalDate;
  /** Due date from the term alone (art. 57, moved past days off). */
  baseDue: LocalDate;
  /** Days not counted (closed pauses). */
  pausedDays: number;
  /** Set while a pause is open: the clock stands still from that day. */
  pausedSince: LocalDate | null;
  /** Current due date; null while paused. */
  due: LocalDate | null;
  extended: boolean;
}

export function computeClock(input: ClockInput): ClockState {
  const { rawEnd, due: baseDue } = computeTermEnd(input.startsOn, parseTerm(input.term));
  let pausedDays = 0;
  let pausedSince: LocalDate | null = null;
  for (const pause of input.pauses) {
    if (pause.endsOn === null) pausedSince = pause.startsOn;
    else pausedDays += daysBetween(pause.startsOn, pause.endsOn);
  }
  const lastExtension = input.extensions.at(-1);
  const due = pausedSince
    ? null
    : lastExtension
      ? lastExtension.newDue
      : shiftToWorkingDay(addDays(rawEnd, pausedDays));
  return { rawEnd, baseDue, pausedDays, pausedSince, due, extended: Boolean(lastExtension) };
}

export type ClockStatus = 'running' | 'paused' | 'overdue' | 'none';

/** Working days left until the due date (0 on the day itself, negative once missed). */
export function clockStatus(
  state: ClockState | null,
  today: LocalDate,
): { status: ClockStatus; workingDaysLeft: number | null } {
  if (!state) return { status: 'none', workingDaysLeft: null };
  if (!state.due) return { status: 'paused', workingDaysLeft: null };
  const workingDaysLeft =
    today <= state.due
      ? workingDaysBetween(today, state.due)
      : -workingDaysBetween(state.due, today);
  return { status: today > state.due ? 'overdue' : 'running', workingDaysLeft };
}

/** Terms of art. 35 KPA and the appeal term, by kind; `custom` takes the office's own term. */
export const DEADLINE_TERMS: Record<'immediate' | 'one_month' | 'two_months' | 'appeal', string> = {
  immediate: '1d',
  one_month: '1m',
  two_months: '2m',
  appeal: '1m',
};
