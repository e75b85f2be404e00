import { defineErrors } from '../../platform/errors.ts';

export const authErrors = defineErrors('auth', {
  invalidCredentials: {
    code: 'invalid_credentials',
    status: 401,
    en: 'Wrong login or password.',
    pl: 'Nieprawidłowy login lub hasło.',
  },
  throttled: {
    code: 'throttled',
    status: 429,
    en: 'Too many failed logins from this address. Try again in 15 minutes.',
    pl: 'Zbyt wiele nieudanych logowań z tego adresu. Spróbuj ponownie za 15 minut.',
  },
  unauthenticated: {
    code: 'unauthenticated',
    status: 401,
    en: 'Sign in first: the token is missing, expired or revoked.',
    pl: 'Zaloguj się: brak tokenu, token wygasł lub został unieważniony.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only an administrator of the office issues API tokens.',
    pl: 'Tokeny API wydaje administrator urzędu.',
  },
  notSystemAccount: {
    code: 'not_system_account',
    status: 400,
    en: 'API tokens are issued to system accounts only.',
    pl: 'Tokeny API wydaje się wyłącznie kontom systemowym.',
  },
});
