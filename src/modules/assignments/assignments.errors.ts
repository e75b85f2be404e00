import { defineErrors } from '../../platform/errors.ts';

export const assignmentErrors = defineErrors('assignment', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Assignment not found.',
    pl: 'Nie znaleziono dekretacji.',
  },
  notAssignee: {
    code: 'not_assignee',
    status: 403,
    en: 'Only the assignee (or their substitute) may accept, return or forward this assignment.',
    pl: 'Dekretację przyjmuje, zwraca lub przekazuje dalej tylko jej adresat (lub jego zastępca).',
  },
  notAssigner: {
    code: 'not_assigner',
    status: 403,
    en: 'Only the person who made the assignment may change its method and deadline.',
    pl: 'Sposób załatwienia i termin zmienia tylko osoba, która zadekretowała.',
  },
  notPending: {
    code: 'not_pending',
    status: 409,
    en: 'This assignment has already been dealt with.',
    pl: 'Ta dekretacja została już załatwiona.',
  },
  noTarget: {
    code: 'no_target',
    status: 400,
    en: 'Assign to a unit, a person, or both.',
    pl: 'Wskaż komórkę, osobę albo oba.',
  },
  userOutsideUnit: {
    code: 'user_outside_unit',
    status: 400,
    en: 'The person does not work in the chosen unit.',
    pl: 'Wskazana osoba nie pracuje we wskazanej komórce.',
  },
});
