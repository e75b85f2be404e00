import { defineErrors } from '../../platform/errors.ts';

export const ocrErrors = defineErrors('ocr', {
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'Only the registry office (kancelaria) may re-run OCR and decide on proposals.',
    pl: 'Ponowne rozpoznanie tekstu i decyzje o propozycjach należą do kancelarii.',
  },
  fileNotRead: {
    code: 'file_not_read',
    status: 404,
    en: 'This file of the letter is not read by OCR (not a scan, PDF or text file).',
    pl: 'Ten plik przesyłki nie podlega rozpoznawaniu tekstu (nie jest skanem, PDF-em ani tekstem).',
  },
  noSearchablePdf: {
    code: 'no_searchable_pdf',
    status: 404,
    en: 'There is no searchable PDF of this file (not read by OCR yet, or a page is quarantined).',
    pl: 'Brak przeszukiwalnego PDF tego pliku (tekst jeszcze nierozpoznany albo strona w kwarantannie).',
  },
  inProgress: {
    code: 'in_progress',
    status: 409,
    en: 'The file is being read; it can be read again once it is done or quarantined.',
    pl: 'Plik jest w trakcie rozpoznawania; ponowić można po zakończeniu lub kwarantannie.',
  },
  proposalNotFound: {
    code: 'proposal_not_found',
    status: 404,
    en: 'The letter has no such proposal.',
    pl: 'Przesyłka nie ma takiej propozycji.',
  },
  proposalDecided: {
    code: 'proposal_decided',
    status: 409,
    en: 'The proposal has already been accepted or dismissed.',
    pl: 'Propozycja została już przyjęta albo odrzucona.',
  },
  proposalWithoutCase: {
    code: 'proposal_without_case',
    status: 409,
    en: 'The letter this number names is in no case: there is no case to join.',
    pl: 'Pismo o tym numerze nie jest w żadnej sprawie: nie ma sprawy, do której można dołączyć.',
  },
});
