/**
 * Filling a template's placeholders (`{{case.signature}}`) with plain-text values, strictly: a
 * name outside the catalogue, a stray `{{` and a placeholder without a value are errors with a
 * stable code, never a silently blank spot in an official letter. No template library is used
 * because none is a dependency of Obieg and the grammar needed is only `{{name}}`.
 *
 * Values can never change the structure of the letter: their blank lines are dropped, a value
 * that would start a line with `#` is escaped (see `letter-body.ts`), and filled text is not
 * scanned again, so a value holding `{{…}}` stays literal.
 */
import { escapeLineStart, normaliseLineBreaks } from './letter-body.ts';
import { templateErrors } from './templates.errors.ts';

/**
 * Every placeholder filled from the case, with what it holds (Polish, shown to template authors).
 * Dates are written "27 listopada 2026 r.", so templates do not add "r.".
 */
export const PLACEHOLDERS = {
  'case.signature': 'znak sprawy, np. OR.1431.12.2026',
  'case.title': 'tytuł (przedmiot) sprawy',
  'case.opened_on': 'data wszczęcia sprawy',
  'party.name': 'imię i nazwisko albo nazwa strony (nadawcy pisma wszczynającego)',
  'party.address': 'adres strony',
  'parties.list':
    'wszystkie strony postępowania z adresami, każda w osobnym wierszu (rozdzielnik „Otrzymują”)',
  'incoming.sign': 'numer pisma wszczynającego w rejestrze przesyłek wpływających (RPW)',
  'incoming.received_on': 'data wpływu pisma wszczynającego',
  today: 'data sporządzenia pisma',
  'deadline.due': 'bieżący termin załatwienia sprawy',
  'extension.previous_due':
    'termin, który nie zostanie dotrzymany (ostatnie przedłużenie, art. 36 KPA)',
  'extension.new_due': 'nowy termin załatwienia sprawy (ostatnie przedłużenie, art. 36 KPA)',
  'extension.reason': 'przyczyna zwłoki (ostatnie przedłużenie, art. 36 KPA)',
  'handler.name': 'imię i nazwisko prowadzącego sprawę',
  'handler.position': 'stanowisko prowadzącego sprawę',
  'unit.name': 'nazwa komórki prowadzącej sprawę',
  'office.name': 'nazwa urzędu',
  'office.town': 'miejscowość siedziby urzędu',
  'office.address': 'adres siedziby urzędu',
} as const satisfies Record<string, string>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
/** Values for a template: catalogue names and `fields.<name>`; absent means "no value here". */
export type PlaceholderValues = Partial<Record<string, string | null>>;

/** Free fields typed by the user when drafting: `{{fields.ruling}}`. */
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const FIELD_PREFIX = 'fields.';
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** A placeholder alone on its line may hold several lines; elsewhere line breaks become ", ". */
const STANDALONE_PLACEHOLDER = /^\s*\{\{([^{}]*)\}\}\s*$/;
const STARTS_WITH_PLACEHOLDER = /^\s*\{\{/;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function isKnownPlaceholder(name: string): boolean {
  if (name.startsWith(FIELD_PREFIX)) return FIELD_NAME.test(name.slice(FIELD_PREFIX.length));
  return Object.hasOwn(PLACEHOLDERS, name);
}

/**
 * Checks a template body and returns its placeholder names, each once, in order of first use.
 * Throws `template.malformed_placeholder` or `template.unknown_placeholder`.
 */
export function checkTemplateBody(body: string): string[] {
  const fragments = body
    .split(PLACEHOLDER)
    .filter((_, index) => index % 2 === 0)
    .flatMap((text) => [...text.matchAll(/.{0,20}(?:\{\{|\}\}).{0,20}/g)].map((m) => m[0]));
  if (fragments.length > 0) throw templateErrors.malformedPlaceholder({ fragments });
  const names = [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]!.trim()))];
  const unknown = names.filter((name) => !isKnownPlaceholder(name));
  if (unknown.length > 0) throw templateErrors.unknownPlaceholder({ unknown });
  return names;
}

/** The free fields a template asks for (`fields.ruling` → `ruling`), for building a form. */
export function listTemplateFields(body: string): string[] {
  return checkTemplateBody(body)
    .filter((name) => name.startsWith(FIELD_PREFIX))
    .map((name) => name.slice(FIELD_PREFIX.length));
}

/** `{ ruling: '…' }` → `{ 'fields.ruling': '…' }`, to merge with the values from the case. */
export function toFieldValues(fields: Record<string, string>): PlaceholderValues {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${FIELD_PREFIX}${k}`, v]));
}

/**
 * Replaces every `{{name}}` in `body` with its value. Throws (in this order) for malformed or
 * unknown placeholders, then `template.missing_value` listing every placeholder whose value is
 * absent or blank. Values the body does not use are ignored.
 */
export function fillTemplate(body: string, values: PlaceholderValues): string {
  checkTemplateBody(body);
  const missing = new Set<string>();
  const valueLines = (rawName: string): string[] => {
    const name = rawName.trim();
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    const lines = typeof value === 'string' ? toPlainLines(value) : [];
    if (lines.length === 0) missing.add(name);
    return lines;
  };

  const filled = normaliseLineBreaks(body)
    .split('\n')
    .map((line) => {
      const standalone = STANDALONE_PLACEHOLDER.exec(line);
      if (standalone) return valueLines(standalone[1]!).map(escapeLineStart).join('\n');
      const text = line.replace(PLACEHOLDER, (match, name: string, offset: number) => {
        const value = valueLines(name).join(', ');
        // "{{extension.reason}}." with a value ending in "." would end the sentence twice.
        const periodFollows = line[offset + match.length] === '.';
        return periodFollows && value.endsWith('.') ? value.slice(0, -1) : value;
      });
      return STARTS_WITH_PLACEHOLDER.test(line) ? escapeLineStart(text) : text;
    })
    .join('\n');

  if (missing.size > 0) throw templateErrors.missingValue({ missing: [...missing].sort() });
  return filled;
}

/** A value as trimmed, non-empty lines without control characters. */
function toPlainLines(value: string): string[] {
  return normaliseLineBreaks(value)
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}
