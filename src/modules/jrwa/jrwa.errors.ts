import { defineErrors } from '../../platform/errors.ts';

export const jrwaErrors = defineErrors('jrwa', {
  unrecognisedFormat: {
    code: 'unrecognised_format',
    status: 400,
    en: 'The file is not a JRWA in a known format (tab-separated, with a header row).',
    pl: 'Plik nie jest wykazem akt w znanym formacie (wartości rozdzielone tabulatorem, z wierszem nagłówka).',
  },
  versionExists: {
    code: 'version_exists',
    status: 409,
    en: 'A JRWA adopted on this date already exists in the office.',
    pl: 'Wykaz akt przyjęty z tą datą już istnieje w urzędzie.',
  },
  noVersionInForce: {
    code: 'no_version_in_force',
    status: 409,
    en: 'The office has no JRWA in force on this date.',
    pl: 'Urząd nie ma wykazu akt obowiązującego w tym dniu.',
  },
  classNotFound: {
    code: 'class_not_found',
    status: 404,
    en: 'No such class in the JRWA in force.',
    pl: 'Brak takiej klasy w obowiązującym wykazie akt.',
  },
  classNotFinal: {
    code: 'class_not_final',
    status: 422,
    en: 'Cases are opened only in final classes of the JRWA.',
    pl: 'Sprawy zakłada się wyłącznie w klasach końcowych JRWA.',
  },
  classWithoutCategory: {
    code: 'class_without_category',
    status: 422,
    en: 'This final class has no archival category; correct the JRWA before opening cases in it.',
    pl: 'Ta klasa końcowa nie ma kategorii archiwalnej; popraw wykaz akt przed założeniem w niej sprawy.',
  },
  homeUnitsForbidden: {
    code: 'home_units_forbidden',
    status: 403,
    en: 'Only the administrator or the archivist sets the home units of JRWA classes.',
    pl: 'Komórki macierzyste klas JRWA wskazuje administrator lub archiwista.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only the administrator or the archivist imports a JRWA.',
    pl: 'Wykaz akt importuje administrator lub archiwista.',
  },
});
