import { describe, expect, it } from 'vitest';
import {
  isValidIban,
  isValidNip,
  isValidPesel,
  isValidPostalCode,
  isValidRegon,
  peselBirthDate,
} from './polish-identifiers.ts';

describe('Polish identifiers typed into forms or found in letters', () => {
  it('accepts a PESEL only with the right check digit and an existing date of birth', () => {
    expect(isValidPesel('80010112357')).toBe(true);
    expect(isValidPesel('80010112358')).toBe(false);
    expect(isValidPesel('8001011235')).toBe(false);
    expect(isValidPesel('8001011235a')).toBe(false);
    // 31 February does not exist, whatever the check digit says.
    expect(peselBirthDate('80023112340')).toBeNull();
  });

  it('reads the century of birth from the month of a PESEL', () => {
    expect(peselBirthDate('02213098768')).toBe('2002-01-30');
    expect(peselBirthDate('85071545685')).toBe('1985-07-15');
    expect(peselBirthDate('00821512345')).toBe('1800-02-15');
    expect(isValidPesel('02213098768')).toBe(true);
  });

  it('checks a NIP by its mod-11 digit, written with hyphens, spaces or the PL prefix', () => {
    expect(isValidNip('123-456-32-18')).toBe(true);
    expect(isValidNip('PL 1234563218')).toBe(true);
    expect(isValidNip('1234563219')).toBe(false);
    expect(isValidNip('123456321')).toBe(false);
  });

  it('takes postal codes in the NN-NNN form only', () => {
    expect(isValidPostalCode('72-600')).toBe(true);
    expect(isValidPostalCode('72600')).toBe(false);
    expect(isValidPostalCode('7-2600')).toBe(false);
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
});
