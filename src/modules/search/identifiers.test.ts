import { describe, expect, it } from 'vitest';
import {
  isValidIban,
  isValidNip,
  isValidPesel,
  isValidRegon,
} from '../../platform/polish-identifiers.ts';
import { findIdentifiers } from './identifiers.ts';

describe('identifiers in a letter text', () => {
  it('accepts a PESEL only with its check digit and a real date of birth', () => {
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('02270803624')).toBe(true); // born 2002-07-08: month + 20
    expect(isValidPesel('44051401358')).toBe(false); // wrong check digit
    expect(isValidPesel('44133101357')).toBe(false); // month 13
    expect(isValidPesel('4405140135')).toBe(false);
  });

  it('accepts a NIP only when the weighted sum mod 11 is its last digit', () => {
    expect(isValidNip('1234563218')).toBe(true);
    expect(isValidNip('1234563219')).toBe(false);
    expect(isValidNip('1234567890')).toBe(false);
  });

  it('accepts 9- and 14-digit REGON numbers with their check digits', () => {
    expect(isValidRegon('123456785')).toBe(true);
    expect(isValidRegon('123456786')).toBe(false);
    expect(isValidRegon('12345678512347')).toBe(true);
    expect(isValidRegon('12345678512348')).toBe(false);
  });

  it('accepts an IBAN and a Polish NRB by mod 97', () => {
    expect(isValidIban('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidIban('61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidIban('PL61 1090 1014 0000 0712 1981 2875')).toBe(false);
  });

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
});
