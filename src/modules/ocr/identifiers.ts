/**
 * Identifiers found in a letter's text (OCR or text layer), each validated by its checksum where
 * it has one, so that a misread digit is not proposed to the kancelaria as metadata. Pure
 * functions: the proposal store and the accept endpoint build on them (issue 14, point 2).
 */

import {
  isValidIban,
  isValidNip,
  isValidPesel,
  isValidRegon,
  normaliseIban,
} from '../../platform/polish-identifiers.ts';

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
      /(?<![\w.])[A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\.\d{1,4}\.\d{1,6}(?:\.\d{1,3})?\.\d{4}(?!\w|\.\w)/g,
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
 * Indices refer to the text with hyphenated line breaks joined.
 */
export function findIdentifiers(text: string, office: OfficeIdentifiers = {}): FoundIdentifier[] {
  // OCR breaks a hyphenated number at the line end (`123-456-\n32-18`): join it first, so
  // indices refer to the joined text.
  text = text.replace(/-[ \t]*\r?\n[ \t]*/g, '-');
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
