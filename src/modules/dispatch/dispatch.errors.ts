import { defineErrors } from '../../platform/errors.ts';

export const dispatchErrors = defineErrors('dispatch', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Outgoing item not found.',
    pl: 'Nie znaleziono przesyłki wychodzącej.',
  },
  documentNotReady: {
    code: 'document_not_ready',
    status: 409,
    en: 'Only an approved (paper) or signed document is dispatched.',
    pl: 'Wysyła się tylko dokument zaakceptowany (papierowo) lub podpisany.',
  },
  electronicNeedsSignature: {
    code: 'electronic_needs_signature',
    status: 409,
    en: 'An electronic dispatch needs a signed document.',
    pl: 'Wysyłka elektroniczna wymaga podpisanego dokumentu.',
  },
  addressRequired: {
    code: 'address_required',
    status: 400,
    en: 'Paper post needs a postal address; electronic dispatch needs an electronic delivery address.',
    pl: 'Wysyłka pocztowa wymaga adresu pocztowego, a elektroniczna – adresu do doręczeń elektronicznych.',
  },
  wrongState: {
    code: 'wrong_state',
    status: 409,
    en: 'The outgoing item is not in a state that allows this.',
    pl: 'Stan przesyłki nie pozwala na tę czynność.',
  },
  fictionTooEarly: {
    code: 'fiction_too_early',
    status: 409,
    en: 'The letter is not deemed delivered yet: the 14 days (e-Doręczenia: from arrival; post: of storage from the first notice) have not passed.',
    pl: 'Przesyłki nie można jeszcze uznać za doręczoną: nie upłynęło 14 dni (e-Doręczenia: od wpłynięcia; poczta: przechowania od pierwszego awizo).',
  },
  fictionNotApplicable: {
    code: 'fiction_not_applicable',
    status: 409,
    en: 'There is no delivery fiction for this letter: only e-Doręczenia to a person or business (u.d.e. art. 42 ust. 2) and post (KPA art. 44) have one. A portal or ePUAP letter is delivered only when collected; if it is not, send it by e-Doręczenia or post.',
    pl: 'Dla tej przesyłki nie ma fikcji doręczenia: mają ją tylko e-Doręczenia do osoby lub podmiotu niepublicznego (art. 42 ust. 2 u.d.e.) i poczta (art. 44 KPA). Pismo w portalu lub przez ePUAP jest doręczone dopiero z chwilą odbioru; jeśli go nie odebrano, doręcz je przez e-Doręczenia lub pocztą.',
  },
  arrivalUnknown: {
    code: 'arrival_unknown',
    status: 409,
    en: 'The arrival day from the operator’s dowód otrzymania is not recorded: the 14 days run from it, never from the sending.',
    pl: 'Nie odnotowano dnia wpłynięcia z dowodu otrzymania operatora: 14 dni liczy się od niego, nigdy od nadania.',
  },
  arrivalOnlyEdoreczenia: {
    code: 'arrival_only_edoreczenia',
    status: 409,
    en: 'The dowód otrzymania with the arrival day is recorded for e-Doręczenia letters only.',
    pl: 'Dowód otrzymania z dniem wpłynięcia odnotowuje się tylko dla przesyłek e-Doręczeń.',
  },
  arrivalAlreadyRecorded: {
    code: 'arrival_already_recorded',
    status: 409,
    en: 'The arrival of this letter is already recorded with another day.',
    pl: 'Wpłynięcie tej przesyłki odnotowano już z innym dniem.',
  },
  firstNoticeRequired: {
    code: 'first_notice_required',
    status: 400,
    en: 'A letter sent by post is deemed delivered from the first notice (awizo): give its day (KPA art. 44).',
    pl: 'Przesyłkę pocztową uznaje się za doręczoną od pierwszego zawiadomienia (awizo): podaj jego dzień (art. 44 KPA).',
  },
  dateBeforeSending: {
    code: 'date_before_sending',
    status: 400,
    en: 'The date is before the letter was sent.',
    pl: 'Data jest wcześniejsza niż nadanie przesyłki.',
  },
  dateInFuture: {
    code: 'date_in_future',
    status: 400,
    en: 'A delivery, arrival or notice cannot be recorded with a future date.',
    pl: 'Doręczenia, wpłynięcia ani awizo nie odnotowuje się z datą przyszłą.',
  },
  publicEntityOnArrival: {
    code: 'public_entity_on_arrival',
    status: 409,
    en: 'A letter to a public entity is delivered when it arrives (u.d.e. art. 42 ust. 1 pkt 2): record the arrival, there is no fiction.',
    pl: 'Przesyłkę do podmiotu publicznego doręcza się z chwilą wpłynięcia (art. 42 ust. 1 pkt 2 u.d.e.): odnotuj wpłynięcie; fikcji nie stosuje się.',
  },
  noOutlet: {
    code: 'no_outlet',
    status: 500,
    en: 'This delivery method is not available in this installation.',
    pl: 'Ta metoda wysyłki nie jest dostępna w tej instalacji.',
  },
});
