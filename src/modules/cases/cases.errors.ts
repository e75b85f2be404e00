import { defineErrors } from '../../platform/errors.ts';

export const caseErrors = defineErrors('case', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Case not found.',
    pl: 'Nie znaleziono sprawy.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'You may not do this in this case.',
    pl: 'Nie masz uprawnień do tej czynności w sprawie.',
  },
  itemAlreadyInCase: {
    code: 'item_already_in_case',
    status: 409,
    en: 'This incoming item is already in a case.',
    pl: 'Ta przesyłka jest już w sprawie.',
  },
  handlerOutsideUnit: {
    code: 'handler_outside_unit',
    status: 400,
    en: 'The case handler must work in the case unit.',
    pl: 'Prowadzący sprawę musi pracować w komórce, która ją prowadzi.',
  },
  handlerRequired: {
    code: 'handler_required',
    status: 400,
    en: 'A system account must name the case handler.',
    pl: 'Konto systemowe musi wskazać prowadzącego sprawę.',
  },
  closed: {
    code: 'closed',
    status: 409,
    en: 'The case is closed.',
    pl: 'Sprawa jest zakończona.',
  },
  partyNotFound: {
    code: 'party_not_found',
    status: 404,
    en: 'This person is not a party to the case.',
    pl: 'Ta osoba nie jest stroną w tej sprawie.',
  },
  documentNotInCase: {
    code: 'document_not_in_case',
    status: 422,
    en: 'The document named is not part of this case.',
    pl: 'Wskazany dokument nie należy do akt tej sprawy.',
  },
  inspectionInFuture: {
    code: 'inspection_in_future',
    status: 400,
    en: 'The inspection of the files cannot be recorded ahead of time.',
    pl: 'Przeglądania akt nie można odnotować z datą przyszłą.',
  },
  subCaseOfSubCase: {
    code: 'sub_case_of_sub_case',
    status: 422,
    en: 'A sub-case cannot be divided further.',
    pl: 'Podteczki nie dzieli się dalej.',
  },
});
