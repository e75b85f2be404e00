import type { FormDefinition, FormSection } from './form-fields.ts';

/**
 * The forms of the portal, as data: sections of fields with Polish labels, the unit an
 * application is assigned to, the JRWA class its case is normally opened in and the statutory
 * term. An office adapts the portal by editing this catalogue; the pages, validation, the
 * application document and the registration follow from it.
 */

/** Who applies: the name and PESEL come from the national node, the address from the citizen. */
const applicant: FormSection = {
  title: 'Dane wnioskodawcy',
  fields: [
    { name: 'name', label: 'Imię i nazwisko', kind: 'text', fromIdentity: 'name' },
    { name: 'pesel', label: 'PESEL', kind: 'pesel', fromIdentity: 'pesel' },
    {
      name: 'street',
      label: 'Ulica, numer domu i lokalu',
      kind: 'text',
      required: true,
      maxLength: 200,
      autocomplete: 'street-address',
      hint: 'Np. ul. Wojska Polskiego 1/5. W miejscowości bez ulic wpisz nazwę miejscowości i numer domu.',
    },
    {
      name: 'postalCode',
      label: 'Kod pocztowy',
      kind: 'postal_code',
      required: true,
      autocomplete: 'postal-code',
      hint: 'Format 00-000.',
    },
    {
      name: 'town',
      label: 'Miejscowość',
      kind: 'text',
      required: true,
      maxLength: 120,
      autocomplete: 'address-level2',
    },
    {
      name: 'email',
      label: 'Adres e-mail (nieobowiązkowy)',
      kind: 'email',
      autocomplete: 'email',
      hint: 'Tylko do kontaktu w sprawie; pisma urzędu znajdziesz w zakładce „Moje sprawy”.',
    },
    { name: 'phone', label: 'Telefon (nieobowiązkowy)', kind: 'phone', autocomplete: 'tel' },
  ],
};

const nip = {
  name: 'nip',
  label: 'NIP (jeśli dotyczy)',
  kind: 'nip',
  hint: 'Podaj, jeśli sprawa dotyczy prowadzonej działalności gospodarczej.',
} as const;

export const FORM_CATALOGUE: ReadonlyArray<FormDefinition> = [
  {
    id: 'pismo-ogolne',
    version: 1,
    title: 'Pismo ogólne do urzędu',
    summary:
      'Wniosek, podanie, zapytanie lub wyjaśnienie w sprawie, dla której urząd nie ma osobnego formularza.',
    unitSymbol: 'KA',
    // The content decides: the registry assigns the letter on, the handler picks the class.
    jrwaSymbol: null,
    term: { term: '1m', basis: 'art. 35 § 3 Kodeksu postępowania administracyjnego' },
    titleField: 'subject',
    sections: [
      applicant,
      {
        title: 'Treść pisma',
        fields: [
          {
            name: 'subject',
            label: 'Tytuł pisma',
            kind: 'text',
            required: true,
            maxLength: 200,
            hint: 'Krótko, czego dotyczy pismo, np. „Prośba o przycięcie drzewa przy ul. Polnej”.',
          },
          { name: 'content', label: 'Treść', kind: 'textarea', required: true, maxLength: 10_000 },
        ],
      },
    ],
    attachments: { required: false, hint: 'Możesz dołączyć zdjęcia lub dokumenty.' },
  },
  {
    id: 'zaswiadczenie-o-niezaleganiu',
    version: 1,
    title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
    summary:
      'Zaświadczenie, że nie masz zaległości w podatkach i opłatach lokalnych (np. do przetargu, kredytu lub dotacji).',
    unitSymbol: 'FN',
    jrwaSymbol: '3118',
    term: { term: '7d', basis: 'art. 306g § 1 Ordynacji podatkowej' },
    fee: 'Opłata skarbowa 21 zł za każde zaświadczenie, na rachunek urzędu; dołącz potwierdzenie zapłaty.',
    sections: [
      applicant,
      {
        title: 'Zaświadczenie',
        fields: [
          nip,
          {
            name: 'purpose',
            label: 'Cel wydania zaświadczenia',
            kind: 'select',
            required: true,
            options: [
              { value: 'tender', label: 'postępowanie o udzielenie zamówienia publicznego' },
              { value: 'loan', label: 'kredyt lub pożyczka' },
              { value: 'grant', label: 'dotacja lub dofinansowanie' },
              { value: 'other', label: 'inny (opisz poniżej)' },
            ],
          },
          { name: 'purposeOther', label: 'Inny cel (opis)', kind: 'text', maxLength: 300 },
          {
            name: 'copies',
            label: 'Liczba egzemplarzy',
            kind: 'number',
            required: true,
            min: 1,
            max: 5,
          },
        ],
      },
    ],
    attachments: { required: false, hint: 'Potwierdzenie zapłaty opłaty skarbowej.' },
  },
  {
    id: 'podatek-od-nieruchomosci',
    version: 1,
    title: 'Wniosek w sprawie podatku od nieruchomości',
    summary:
      'Informacja lub korekta dotycząca nieruchomości, rozłożenie na raty, odroczenie lub umorzenie podatku, zwrot nadpłaty.',
    unitSymbol: 'FN',
    jrwaSymbol: '3110',
    term: { term: '1m', basis: 'art. 139 § 1 Ordynacji podatkowej' },
    sections: [
      applicant,
      {
        title: 'Sprawa podatkowa',
        fields: [
          nip,
          {
            name: 'matter',
            label: 'Czego dotyczy wniosek',
            kind: 'select',
            required: true,
            options: [
              {
                value: 'information',
                label: 'informacja o nieruchomościach (IN-1) lub jej korekta',
              },
              { value: 'instalments', label: 'rozłożenie podatku lub zaległości na raty' },
              { value: 'deferral', label: 'odroczenie terminu płatności' },
              { value: 'remission', label: 'umorzenie zaległości' },
              { value: 'overpayment', label: 'stwierdzenie nadpłaty i jej zwrot' },
            ],
          },
          {
            name: 'propertyAddress',
            label: 'Adres lub położenie nieruchomości',
            kind: 'text',
            required: true,
            maxLength: 300,
          },
          {
            name: 'landRegister',
            label: 'Numer księgi wieczystej (jeśli jest)',
            kind: 'text',
            maxLength: 20,
            hint: 'Np. SZ1W/00012345/6.',
          },
          {
            name: 'justification',
            label: 'Uzasadnienie wniosku',
            kind: 'textarea',
            required: true,
            maxLength: 10_000,
          },
        ],
      },
    ],
    attachments: {
      required: false,
      hint: 'Formularz IN-1, dokumenty potwierdzające sytuację finansową lub dowody zapłaty.',
    },
  },
  {
    id: 'warunki-zabudowy',
    version: 1,
    title: 'Wniosek o wydanie decyzji o warunkach zabudowy',
    summary:
      'Ustalenie warunków zabudowy dla działki, na której nie obowiązuje miejscowy plan zagospodarowania przestrzennego.',
    unitSymbol: 'AB',
    jrwaSymbol: '7331',
    term: { term: '1m', basis: 'art. 35 § 3 KPA (sprawy szczególnie skomplikowane: 2 miesiące)' },
    fee: 'Opłata skarbowa 598 zł; dołącz potwierdzenie zapłaty.',
    sections: [
      applicant,
      {
        title: 'Teren i inwestycja',
        fields: [
          nip,
          {
            name: 'plots',
            label: 'Numer lub numery działek',
            kind: 'text',
            required: true,
            maxLength: 200,
            hint: 'Np. 123/4, 125.',
          },
          { name: 'precinct', label: 'Obręb ewidencyjny', kind: 'text', required: true },
          {
            name: 'investmentKind',
            label: 'Rodzaj inwestycji',
            kind: 'select',
            required: true,
            options: [
              { value: 'single_family', label: 'budynek mieszkalny jednorodzinny' },
              { value: 'outbuilding', label: 'budynek gospodarczy lub garaż' },
              { value: 'services', label: 'budynek usługowy' },
              { value: 'other', label: 'inna inwestycja' },
            ],
          },
          {
            name: 'description',
            label: 'Charakterystyka inwestycji',
            kind: 'textarea',
            required: true,
            hint: 'Sposób zagospodarowania terenu, gabaryty i forma architektoniczna, powierzchnia zabudowy.',
          },
          {
            name: 'utilities',
            label: 'Zapotrzebowanie na wodę, energię, odprowadzanie ścieków, dojazd',
            kind: 'textarea',
            required: true,
          },
        ],
      },
    ],
    attachments: {
      required: true,
      hint: 'Kopia mapy zasadniczej lub ewidencyjnej z zaznaczonym terenem inwestycji (wymagana) i potwierdzenie zapłaty opłaty skarbowej.',
    },
  },
];

export function findForm(id: string): FormDefinition | undefined {
  return FORM_CATALOGUE.find((form) => form.id === id);
}
