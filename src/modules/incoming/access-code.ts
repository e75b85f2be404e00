import { randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The access code printed on a receipt (the paper receipt of the registry, the portal's
 * potwierdzenie złożenia pisma): with the case signature or the RPW number it opens the status
 * lookup without signing in. Ten characters from an alphabet without look-alikes (no 0/O,
 * 1/I): 32^10 ≈ 10^15 combinations, and the lookup is rate-limited, so guessing is hopeless.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

export function generateAccessCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `ABCDE-FGHJK`, as printed: two groups are easier to copy from paper. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed (lower case, spaces, the hyphen) reduced to the stored form. */
export function normaliseAccessCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Compares in constant time, so response timing tells nothing about a partly right guess. */
export function accessCodeMatches(stored: string | null, typed: string): boolean {
  const expected = Buffer.from(stored ?? '', 'utf8');
  const given = Buffer.from(normaliseAccessCode(typed), 'utf8');
  if (!stored || expected.length !== given.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}
