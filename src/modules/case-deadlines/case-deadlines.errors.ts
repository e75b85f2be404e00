import { defineErrors } from '../../platform/errors.ts';

export const caseDeadlineErrors = defineErrors('deadline', {
  termRequired: {
    code: 'term_required',
    status: 400,
    en: 'A custom deadline needs a term such as 7d, 14d or 1m.',
    pl: 'Termin własny wymaga podania okresu, np. 7d, 14d lub 1m.',
  },
  noStartDate: {
    code: 'no_start_date',
    status: 400,
    en: 'The case has no initiating letter: give the start date.',
    pl: 'Sprawa nie ma pisma wszczynającego: podaj datę początkową.',
  },
  notSet: {
    code: 'not_set',
    status: 409,
    en: 'The case has no deadline yet.',
    pl: 'Sprawa nie ma jeszcze ustalonego terminu.',
  },
  alreadyPaused: {
    code: 'already_paused',
    status: 409,
    en: 'The deadline is already paused.',
    pl: 'Bieg terminu jest już wstrzymany.',
  },
  notPaused: {
    code: 'not_paused',
    status: 409,
    en: 'The deadline is not paused.',
    pl: 'Bieg terminu nie jest wstrzymany.',
  },
  pauseBeforeStart: {
    code: 'pause_before_start',
    status: 400,
    en: 'A pause cannot begin before the deadline starts, nor end before it begins.',
    pl: 'Wstrzymanie nie może zacząć się przed początkiem biegu terminu ani skończyć przed swoim początkiem.',
  },
  extensionNotLater: {
    code: 'extension_not_later',
    status: 400,
    en: 'The new date must be later than the current due date (for an immediate case: not in the past).',
    pl: 'Nowy termin musi być późniejszy niż obecny (w sprawie załatwianej niezwłocznie: nie wcześniejszy niż dziś).',
  },
  reminderOnlyImmediate: {
    code: 'reminder_only_immediate',
    status: 400,
    en: 'A reminder period is set only for a case handled without delay (art. 35 § 2 KPA); other deadlines have a due date.',
    pl: 'Okres przypomnienia ustala się tylko dla sprawy załatwianej niezwłocznie (art. 35 § 2 KPA); pozostałe terminy mają datę końcową.',
  },
  extensionWhilePaused: {
    code: 'extension_while_paused',
    status: 409,
    en: 'Resume the paused deadline before extending it.',
    pl: 'Przed przedłużeniem terminu wznów jego bieg.',
  },
});
