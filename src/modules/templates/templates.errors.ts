import { defineErrors } from '../../platform/errors.ts';

/**
 * Errors of letter templates and of drafting letters from them. The offending names are in
 * `details`, because the messages are fixed per code.
 */
export const templateErrors = defineErrors('template', {
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'No letter template with this code.',
    pl: 'Nie ma szablonu pisma o takim kodzie.',
  },
  inactive: {
    code: 'inactive',
    status: 409,
    en: 'This letter template has been switched off by the administrator.',
    pl: 'Ten szablon pisma został wyłączony przez administratora.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only an administrator manages letter templates and the letterhead.',
    pl: 'Szablonami pism i nagłówkiem urzędu zarządza administrator.',
  },
  /** details: `{ unknown: string[] }`. */
  unknownPlaceholder: {
    code: 'unknown_placeholder',
    status: 422,
    en: 'The template uses placeholders that do not exist; their names are in the details.',
    pl: 'Szablon zawiera nieistniejące pola; ich nazwy podano w szczegółach.',
  },
  /** details: `{ fragments: string[] }`: `{{` or `}}` that do not form a placeholder. */
  malformedPlaceholder: {
    code: 'malformed_placeholder',
    status: 422,
    en: 'The template has unbalanced "{{" or "}}"; the fragments are in the details.',
    pl: 'Szablon zawiera niedomknięte „{{” lub „}}”; fragmenty podano w szczegółach.',
  },
  /** details: `{ missing: string[] }`, e.g. `fields.ruling` or `party.name`. */
  missingValue: {
    code: 'missing_value',
    status: 422,
    en: 'Some placeholders of the template have no value in this case; their names are in the details.',
    pl: 'Niektóre pola szablonu nie mają wartości w tej sprawie; ich nazwy podano w szczegółach.',
  },
  letterheadMissing: {
    code: 'letterhead_missing',
    status: 422,
    en: 'The office letterhead (town) is not set; an administrator sets it under templates.',
    pl: 'Nie ustawiono nagłówka urzędu (miejscowości); ustawia go administrator w szablonach.',
  },
  /** details: `{ fields: string[] }`, paths such as `signature.name`. */
  incompleteLetter: {
    code: 'incomplete_letter',
    status: 422,
    en: 'The letter lacks required parts; their names are in the details.',
    pl: 'W piśmie brakuje wymaganych elementów; ich nazwy podano w szczegółach.',
  },
});
