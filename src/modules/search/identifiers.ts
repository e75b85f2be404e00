/**
 * Identifiers found in a letter's text (OCR or text layer), each validated by its checksum where
 * it has one, so that a misread digit is not proposed to the kancelaria as metadata. Pure
 * functions: the proposal store and the accept endpoint build on them (issue 14, point 2).
 */

export type IdentifierKind =
  'pesel' | 'nip' | 'regon' | 'krs' | 'iban' | 'edelivery' | 'email' | 'case_sign' | 'rpw';

export interface FoundIdentifier {
  kind: IdentifierKind;
  /** Normalised value: digits only for numbers, upper case without spaces for an IBAN. */
  value: string;
  /** The text as written, for highlighting. */
  raw: string;
  index: number;
}

const digitsOf = (text: string): number[] => [...text.replace(/\D/g, '')].map(Number);

const weightedSum = (digits: number[], weights: number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);

/** PESEL: the weighted check digit and a real date of birth (the month carries the century). */
export function isValidPesel(text: string): boolean {
  if (!/^\d{11}$/.test(text)) return false;
  const d = digitsOf(text);
  const check = (10 - (weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== d[10]) return false;
  const rawMonth = Number(text.slice(2, 4));
  const centuries = [1900, 2000, 2100, 2200, 1800];
  const century = centuries[Math.floor(rawMonth / 20)];
  const month = rawMonth % 20;
  if (century === undefined || month < 1 || month > 12) return false;
  const year = century + Number(text.slice(0, 2));
  const day = Number(text.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && day >= 1;
}

/** NIP: ten digits, the last the weighted sum mod 11 (a sum giving 10 is never issued). */
export function isValidNip(text: string): boolean {
  if (!/^\d{10}$/.test(text)) return false;
  const d = digitsOf(text);
  const check = weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return check !== 10 && check === d[9];
}

/** REGON of 9 or 14 digits; a 14-digit one also carries a valid 9-digit one in front. */
export function isValidRegon(text: string): boolean {
  const d = digitsOf(text);
  if (/^\d{9}$/.test(text)) {
    return (weightedSum(d, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10 === d[8];
  }
  if (/^\d{14}$/.test(text)) {
    const check = (weightedSum(d, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10;
    return check === d[13] && isValidRegon(text.slice(0, 9));
  }
  return false;
}

/** IBAN (ISO 13616 mod 97); a 26-digit Polish NRB is read as PL + its digits. */
export function isValidIban(text: string): boolean {
  const iban = normaliseIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('PL') && iban.length !== 28) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : char;
    for (const digit of part) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function normaliseIban(text: string): string {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
}

const patterns: Array<{
  kind: IdentifierKind;
  regex: RegExp;
  normalise: (raw: string) => string;
  valid: (value: string) => boolean;
}> = [
  {
    kind: 'iban',
    regex:
      /(?<![\w])(?:[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?|\d{2}(?: ?\d{4}){6})(?![\w])/g,
    normalise: normaliseIban,
    valid: isValidIban,
  },
  {
    kind: 'pesel',
    regex: /(?<![\d-])\d{11}(?![\d-])/g,
    normalise: (raw) => raw,
    valid: isValidPesel,
  },
  {
    kind: 'nip',
    regex:
      /(?<![\w-])(?:PL ?)?(?:\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}|\d{3} \d{3} \d{2} \d{2}|\d{10})(?![\w-])/g,
    normalise: (raw) => raw.replace(/\D/g, ''),
    valid: isValidNip,
  },
  {
    kind: 'regon',
    regex: /(?<=REGON:?\s*)(?:\d{14}|\d{9})(?!\d)/gi,
    normalise: (raw) => raw,
    valid: isValidRegon,
  },
  {
    // The KRS number has no check digit: only a 10-digit number written after "KRS" is taken.
    kind: 'krs',
    regex: /(?<=KRS:?\s*(?:nr\s*)?)\d{10}(?!\d)/gi,
    normalise: (raw) => raw,
    valid: () => true,
  },
  {
    // e-Doręczenia address (adres do doręczeń elektronicznych): its form only, no check digit.
    kind: 'edelivery',
    regex: /AE:PL-\d{5}-\d{5}-[A-Z]{5}-\d{2}/g,
    normalise: (raw) => raw,
    valid: () => true,
  },
  {
    kind: 'email',
    regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    normalise: (raw) => raw.toLowerCase(),
    valid: () => true,
  },
  {
    kind: 'case_sign',
    regex:
      /(?<![\w.])[A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\.\d{1,4}\.\d{1,6}(?:\.\d{1,3})?\.\d{4}(?![\w.])/g,
    normalise: (raw) => raw,
    valid: (value) => Number(value.split('.').at(-1)) >= 1990,
  },
  {
    kind: 'rpw',
    regex: /RPW\/\d{1,7}\/\d{4}/g,
    normalise: (raw) => raw,
    valid: (value) => Number(value.split('/')[1]) >= 1,
  },
];

export interface OfficeIdentifiers {
  /** Unit codes of this office: a case sign of another office is not proposed as a related case. */
  unitCodes?: ReadonlySet<string>;
}

/**
 * Every identifier of the text that passes its checksum, once per (kind, value), in text order.
 * A digit run taken as an IBAN is not read again as a PESEL or NIP.
 */
export function findIdentifiers(text: string, office: OfficeIdentifiers = {}): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  const taken: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const { kind, regex, normalise, valid } of patterns) {
    for (const match of text.matchAll(regex)) {
      const raw = match[0];
      const index = match.index;
      if (taken.some(([from, to]) => index < to && index + raw.length > from)) continue;
      const value = normalise(raw);
      if (!valid(value)) continue;
      if (kind === 'case_sign' && office.unitCodes) {
        const unit = value.split('.')[0] ?? '';
        if (!office.unitCodes.has(unit.split('-')[0] ?? unit)) continue;
      }
      if (kind === 'iban' || kind === 'nip' || kind === 'pesel')
        taken.push([index, index + raw.length]);
      const key = `${kind}:${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ kind, value, raw, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
