import { defineErrors } from '../../platform/errors.ts';

export const orgErrors = defineErrors('org', {
  invalidUnitSymbol: {
    code: 'invalid_unit_symbol',
    status: 400,
    en: 'A unit symbol consists of letters (either case) and digits with at least one letter, optionally with hyphenated sub-units (e.g. OR, AB-LA-I, 11d).',
    pl: 'Symbol komórki składa się z liter (wielkich lub małych) i cyfr, co najmniej jednej litery, z opcjonalnymi podkomórkami po myślniku (np. OR, AB-LA-I, 11d).',
  },
  unitSymbolTaken: {
    code: 'unit_symbol_taken',
    status: 409,
    en: 'A unit with this symbol (ignoring letter case) already exists in the office.',
    pl: 'Komórka o tym symbolu (bez względu na wielkość liter) już istnieje w urzędzie.',
  },
  unitNotFound: {
    code: 'unit_not_found',
    status: 404,
    en: 'Unit not found.',
    pl: 'Nie znaleziono komórki organizacyjnej.',
  },
  userNotFound: {
    code: 'user_not_found',
    status: 404,
    en: 'User not found.',
    pl: 'Nie znaleziono użytkownika.',
  },
  loginTaken: {
    code: 'login_taken',
    status: 409,
    en: 'This login is already taken.',
    pl: 'Ten login jest już zajęty.',
  },
  officeCodeTaken: {
    code: 'office_code_taken',
    status: 409,
    en: 'An office with this code already exists.',
    pl: 'Urząd o tym kodzie już istnieje.',
  },
  weakPassword: {
    code: 'weak_password',
    status: 400,
    en: 'The password must have at least 12 characters.',
    pl: 'Hasło musi mieć co najmniej 12 znaków.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'You may not manage the organisation of this office.',
    pl: 'Nie masz uprawnień do zarządzania strukturą urzędu.',
  },
  invalidSubstitution: {
    code: 'invalid_substitution',
    status: 400,
    en: 'A substitution needs two different people and an end date not before its start date.',
    pl: 'Zastępstwo wymaga dwóch różnych osób i daty końcowej nie wcześniejszej niż początkowa.',
  },
});
