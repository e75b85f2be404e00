import { describe, expect, it } from 'vitest';
import { findIdentifiers } from './identifiers.ts';

describe('identifiers in a letter text', () => {
  it('proposes the identifiers of a letter and leaves out those with a wrong checksum', () => {
    const text = [
      'Wnioskodawca: Jan Kowalski, PESEL 44051401359, NIP 123-456-32-18.',
      'Błędny PESEL 44051401358 i NIP 123-456-32-19 nie są proponowane.',
      'Spółka REGON: 123456785, KRS 0000123456, konto PL61 1090 1014 0000 0712 1981 2874.',
      'Adres do doręczeń: AE:PL-12345-67890-ABCDE-12, e-mail: Jan.Kowalski@example.pl.',
      'Dotyczy sprawy OR.1431.12.2025 oraz pisma RPW/57/2026; obcy znak XY.1431.1.2025.',
    ].join('\n');
    const found = findIdentifiers(text, { unitCodes: new Set(['OR']) });
    expect(found.map(({ kind, value }) => `${kind} ${value}`)).toEqual([
      'pesel 44051401359',
      'nip 1234563218',
      'regon 123456785',
      'krs 0000123456',
      'iban PL61109010140000071219812874',
      'edelivery AE:PL-12345-67890-ABCDE-12',
      'email jan.kowalski@example.pl',
      'case_sign OR.1431.12.2025',
      'rpw RPW/57/2026',
    ]);
  });

  it('takes a case sign and an RPW number at the end of a sentence', () => {
    const text = 'Dotyczy sprawy OR.1431.12.2025. Odpowiedź na pismo RPW/57/2026.';
    expect(findIdentifiers(text, { unitCodes: new Set(['OR']) }).map((f) => f.value)).toEqual([
      'OR.1431.12.2025',
      'RPW/57/2026',
    ]);
  });

  it('reads a NIP that OCR broke at a hyphen across two lines', () => {
    const ocr = 'Wnioskodawca: Jan Kowalski, PESEL 44051401359, NIP 123-456-\n32-18.\n';
    expect(findIdentifiers(ocr).map(({ kind, value }) => `${kind} ${value}`)).toEqual([
      'pesel 44051401359',
      'nip 1234563218',
    ]);
  });
});
