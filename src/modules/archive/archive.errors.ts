import { defineErrors } from '../../platform/errors.ts';

export const archiveErrors = defineErrors('archive', {
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'You may not do this in the archive.',
    pl: 'Nie masz uprawnień do tej czynności w archiwum.',
  },
  transferNotFound: {
    code: 'transfer_not_found',
    status: 404,
    en: 'No such transfer list.',
    pl: 'Nie ma takiego spisu zdawczo-odbiorczego.',
  },
  nothingToTransfer: {
    code: 'nothing_to_transfer',
    status: 409,
    en: 'The unit has no closed cases of this class and year that may be handed over yet.',
    pl: 'Komórka nie ma jeszcze zakończonych spraw tej klasy i roku, które można przekazać.',
  },
  transferState: {
    code: 'transfer_state',
    status: 409,
    en: 'The transfer list is not in a state that allows this.',
    pl: 'Spis zdawczo-odbiorczy nie jest w stanie, który na to pozwala.',
  },
  transferFindings: {
    code: 'transfer_findings',
    status: 409,
    en: 'The transfer list cannot be accepted: the check found problems (see details).',
    pl: 'Spisu nie można przyjąć: sprawdzenie wykazało braki (szczegóły w odpowiedzi).',
  },
  caseAlreadyListed: {
    code: 'case_already_listed',
    status: 409,
    en: 'Some of these cases are already on another transfer list or in the archive.',
    pl: 'Część tych spraw jest już w innym spisie zdawczo-odbiorczym albo w archiwum.',
  },
  notHeld: {
    code: 'not_held',
    status: 404,
    en: 'The archive does not hold this case.',
    pl: 'Archiwum nie przechowuje tej sprawy.',
  },
  loanNotFound: {
    code: 'loan_not_found',
    status: 404,
    en: 'No such access request.',
    pl: 'Nie ma takiego wniosku o udostępnienie.',
  },
  loanState: {
    code: 'loan_state',
    status: 409,
    en: 'The access request is not in a state that allows this.',
    pl: 'Wniosek o udostępnienie nie jest w stanie, który na to pozwala.',
  },
  onLoan: {
    code: 'on_loan',
    status: 409,
    en: 'The records are lent out; they can be lent again once returned.',
    pl: 'Akta są wypożyczone; można je ponownie wypożyczyć po zwrocie.',
  },
  dueDateRequired: {
    code: 'due_date_required',
    status: 400,
    en: 'A loan needs a return date, today or later.',
    pl: 'Wypożyczenie wymaga terminu zwrotu (dziś lub później).',
  },
  disposalListNotFound: {
    code: 'disposal_list_not_found',
    status: 404,
    en: 'No such disposal list.',
    pl: 'Nie ma takiego spisu dokumentacji niearchiwalnej.',
  },
  nothingDue: {
    code: 'nothing_due',
    status: 409,
    en: 'No records held by the archive are due for disposal or expert review in that year.',
    pl: 'W tym roku nie upływa okres przechowywania żadnych akt w archiwum.',
  },
  disposalState: {
    code: 'disposal_state',
    status: 409,
    en: 'The disposal list is not in a state that allows this (draft → submitted → consent → destruction).',
    pl: 'Spis nie jest w stanie, który na to pozwala (projekt → przekazany → zgoda → zniszczenie).',
  },
  unanswered: {
    code: 'unanswered_items',
    status: 409,
    en: 'The commission has not answered every item of the list.',
    pl: 'Komisja nie wypowiedziała się co do każdej pozycji spisu.',
  },
  notOnList: {
    code: 'not_on_list',
    status: 400,
    en: 'The case is not on this list.',
    pl: 'Tej sprawy nie ma w spisie.',
  },
});
