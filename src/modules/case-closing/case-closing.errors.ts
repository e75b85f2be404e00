import { AppError } from '../../platform/errors.ts';

/**
 * Errors of issuing decisions and closing cases: stable codes, English and Polish messages, and
 * what stands in the way in `details`. Factories rather than a `defineErrors` table, because the
 * messages name the register entry or the documents concerned.
 */
export const caseClosingErrors = {
  notADecision: () =>
    new AppError(
      'decision.not_a_decision',
      422,
      'Only decisions, orders and certificates are entered in the register.',
      'Do rejestru wpisuje się tylko decyzje, postanowienia i zaświadczenia.',
    ),
  notFinal: () =>
    new AppError(
      'decision.not_final',
      409,
      'Issue the decision once it is approved and signed.',
      'Decyzję wydaje się po akceptacji i podpisaniu.',
    ),
  alreadyIssued: (sign: string) =>
    new AppError(
      'decision.already_issued',
      409,
      `Already issued as ${sign}.`,
      `Już wydano jako ${sign}.`,
    ),
  unresolvedDrafts: (titles: string[]) =>
    new AppError(
      'case.unresolved_drafts',
      409,
      'Resolve every draft (approve, sign or cancel it) before closing the case.',
      'Przed zakończeniem sprawy rozstrzygnij wszystkie projekty (zaakceptuj, podpisz lub anuluj).',
      { documents: titles },
    ),
  openSubCases: (signs: string[]) =>
    new AppError(
      'case.open_sub_cases',
      409,
      'Close the sub-cases first.',
      'Najpierw zakończ podteczki.',
      { subCases: signs },
    ),
};
