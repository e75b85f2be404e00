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
    en: 'The 14 days for collecting the letter have not passed yet.',
    pl: 'Nie upłynęło jeszcze 14 dni na odebranie przesyłki.',
  },
  fictionOnlyElectronic: {
    code: 'fiction_only_electronic',
    status: 409,
    en: 'The electronic delivery fiction applies to e-Doręczenia only.',
    pl: 'Fikcja doręczenia elektronicznego dotyczy tylko e-Doręczeń.',
  },
});
