/**
 * Polish identifiers a citizen types into a form, checked the way the issuing registers check
 * them: PESEL (with its date of birth and check digit), NIP (check digit mod 11) and the postal
 * code (NN-NNN; the code has no check digit, so only its shape can be verified); REGON and IBAN
 * as found in a letter's text.
 */

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** The century is encoded in the month: +80 for the 1800s, +0, +20, +40, +60 for 1900-2299. */
const CENTURY_OFFSETS: ReadonlyArray<[offset: number, century: number]> = [
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
];

const digitsOf = (value: string) => [...value].map(Number);

export function isValidPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = digitsOf(value);
  const sum = PESEL_WEIGHTS.reduce((acc, weight, index) => acc + weight * digits[index]!, 0);
  if ((10 - (sum % 10)) % 10 !== digits[10]) return false;
  return peselBirthDate(value) !== null;
}

/** `YYYY-MM-DD` encoded in a PESEL, or null when the digits name no calendar day. */
export function peselBirthDate(value: string): string | null {
  const yy = Number(value.slice(0, 2));
  const encodedMonth = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const match = CENTURY_OFFSETS.find(
    ([offset]) => encodedMonth > offset && encodedMonth <= offset + 12,
  );
  if (!match) return null;
  const [offset, century] = match;
  const year = century + yy;
  const month = encodedMonth - offset;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** NIP as written on documents (`123-456-32-18`, `PL1234563218`) reduced to its ten digits. */
export function normaliseNip(value: string): string {
  return value.trim().replace(/^PL/i, '').replace(/[\s-]/g, '');
}

export function isValidNip(value: string): boolean {
  const nip = normaliseNip(value);
  if (!/^\d{10}$/.test(nip)) return false;
  const digits = digitsOf(nip);
  const check = NIP_WEIGHTS.reduce((acc, weight, index) => acc + weight * digits[index]!, 0) % 11;
  return check !== 10 && check === digits[9];
}

export function isValidPostalCode(value: string): boolean {
  return /^\d{2}-\d{3}$/.test(value.trim());
}

const weightedSum = (digits: number[], weights: readonly number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);

/** REGON of 9 or 14 digits; a 14-digit one also carries a valid 9-digit one in front. */
export function isValidRegon(value: string): boolean {
  const digits = digitsOf(value);
  if (/^\d{9}$/.test(value)) {
    return (weightedSum(digits, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10 === digits[8];
  }
  if (/^\d{14}$/.test(value)) {
    const check = (weightedSum(digits, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10;
    return check === digits[13] && isValidRegon(value.slice(0, 9));
  }
  return false;
}

/** IBAN without spaces, upper case; a 26-digit Polish NRB becomes PL + its digits. */
export function normaliseIban(value: string): string {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
}

/** IBAN by ISO 13616 mod 97 (a Polish one has 28 characters). */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('PL') && iban.length !== 28) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const code = char.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : char;
    for (const digit of part) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
