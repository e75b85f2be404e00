import { defineErrors } from '../../platform/errors.ts';

export const incomingErrors = defineErrors('incoming', {
  fileNotFound: {
    code: 'file_not_found',
    status: 404,
    en: 'The letter has no such file.',
    pl: 'Przesyłka nie ma takiego pliku.',
  },
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Incoming item not found.',
    pl: 'Nie znaleziono przesyłki wpływającej.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'You may not register incoming items.',
    pl: 'Nie masz uprawnień do rejestrowania przesyłek wpływających.',
  },
  letterFieldMissing: {
    code: 'letter_field_missing',
    status: 400,
    en: 'Send the letter\'s metadata as JSON in the multipart field "letter" and its files in "file" fields.',
    pl: 'Prześlij metadane przesyłki jako JSON w polu „letter”, a pliki w polach „file” (multipart/form-data).',
  },
  tooManyFiles: {
    code: 'too_many_files',
    status: 400,
    en: 'Too many files in one registration; attach the rest to the registered letter.',
    pl: 'Za dużo plików w jednej rejestracji; pozostałe dołącz do zarejestrowanej przesyłki.',
  },
  receivedInFuture: {
    code: 'received_in_future',
    status: 400,
    en: 'The received time cannot be in the future.',
    pl: 'Data wpływu nie może być z przyszłości.',
  },
});
