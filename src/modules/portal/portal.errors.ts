import { defineErrors } from '../../platform/errors.ts';

export const portalErrors = defineErrors('portal', {
  notConfigured: {
    code: 'not_configured',
    status: 404,
    en: 'The citizens’ portal is not configured for an office.',
    pl: 'Portal mieszkańca nie jest skonfigurowany dla żadnego urzędu.',
  },
  signInUnavailable: {
    code: 'sign_in_unavailable',
    status: 404,
    en: 'Signing in to the portal is not configured.',
    pl: 'Logowanie do portalu nie zostało skonfigurowane.',
  },
  signInFailed: {
    code: 'sign_in_failed',
    status: 401,
    en: 'The identity provider’s answer could not be accepted.',
    pl: 'Nie udało się potwierdzić tożsamości. Spróbuj zalogować się ponownie.',
  },
  unauthenticated: {
    code: 'unauthenticated',
    status: 401,
    en: 'Sign in to the portal first.',
    pl: 'Zaloguj się do portalu.',
  },
  csrf: {
    code: 'csrf',
    status: 403,
    en: 'The form has expired; reload the page and try again.',
    pl: 'Formularz wygasł. Odśwież stronę i spróbuj ponownie.',
  },
  formNotFound: {
    code: 'form_not_found',
    status: 404,
    en: 'No such form.',
    pl: 'Nie ma takiego formularza.',
  },
  invalidForm: {
    code: 'invalid_form',
    status: 422,
    en: 'The form has errors.',
    pl: 'Formularz zawiera błędy.',
  },
  unitMissing: {
    code: 'unit_missing',
    status: 500,
    en: 'The office has no unit the form is routed to.',
    pl: 'Urząd nie ma komórki, do której kierowany jest formularz.',
  },
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Not found.',
    pl: 'Nie znaleziono.',
  },
  lookupFailed: {
    code: 'lookup_failed',
    status: 404,
    en: 'No case matches this signature and access code.',
    pl: 'Nie znaleziono sprawy o takim znaku i kodzie dostępu. Sprawdź oba pola.',
  },
  lookupThrottled: {
    code: 'lookup_throttled',
    status: 429,
    en: 'Too many attempts. Try again later.',
    pl: 'Zbyt wiele prób. Spróbuj ponownie za kilkanaście minut.',
  },
  noRecipient: {
    code: 'no_recipient',
    status: 422,
    en: 'No citizen of the portal is a party to this case: choose another dispatch method.',
    pl: 'Strona tej sprawy nie korzysta z portalu mieszkańca: wybierz inny sposób wysyłki.',
  },
  ambiguousRecipient: {
    code: 'ambiguous_recipient',
    status: 422,
    en: 'Several portal users are parties to this case: name the addressee exactly as in the portal.',
    pl: 'W sprawie jest kilka stron korzystających z portalu: podaj adresata tak jak w portalu.',
  },
});
