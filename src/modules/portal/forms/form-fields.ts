import {
  isValidNip,
  isValidPesel,
  isValidPostalCode,
  normaliseNip,
} from '../../../platform/polish-identifiers.ts';

/**
 * The building blocks of portal forms. A form is data (see `form-catalogue.ts`): sections of
 * fields with Polish labels, validated here, rendered by the portal pages and written into the
 * application document.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'pesel'
  | 'nip'
  | 'postal_code'
  | 'email'
  | 'phone'
  | 'date'
  | 'number'
  | 'select';

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** HTML autocomplete token (WCAG 1.3.5: the purpose of personal-data fields is declared). */
  autocomplete?: string;
  /** Filled from the identity confirmed by the national node; the citizen cannot change it. */
  fromIdentity?: 'name' | 'pesel';
}

export interface FormSection {
  title: string;
  fields: ReadonlyArray<FormField>;
}

export interface FormDefinition {
  id: string;
  version: number;
  title: string;
  summary: string;
  /** Unit the application is assigned to on arrival (dekretacja to the unit). */
  unitSymbol: string;
  /** Final JRWA class the case is normally opened in; null where the content decides. */
  jrwaSymbol: string | null;
  /** Statutory term for dealing with the matter, shown to the citizen before a case is open. */
  term: { term: string; basis: string };
  fee?: string;
  sections: ReadonlyArray<FormSection>;
  attachments: { required: boolean; hint: string };
  /** The field whose value completes the register title ("Pismo ogólne: <subject>"). */
  titleField?: string;
}

export type FieldValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{9,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_MAX = { textarea: 10_000, other: 300 } as const;

export const allFields = (form: FormDefinition) => form.sections.flatMap((s) => s.fields);

/**
 * Checks submitted values against the form: required fields, lengths, PESEL/NIP check digits,
 * postal codes, e-mail and phone shapes, dates, numbers and select options. Returns the cleaned
 * values (trimmed, NIP reduced to digits, identity fields taken from the sign-in, unknown fields
 * dropped) and a Polish message per invalid field.
 */
export function validateFormValues(
  form: FormDefinition,
  submitted: Readonly<Record<string, string | undefined>>,
  identity: { name: string; pesel: string },
): { values: FieldValues; errors: FieldErrors } {
  const values: FieldValues = {};
  const errors: FieldErrors = {};
  for (const field of allFields(form)) {
    const raw = field.fromIdentity
      ? identity[field.fromIdentity]
      : (submitted[field.name] ?? '').replace(/\r\n?/g, '\n').trim();
    if (raw === '') {
      if (field.required) errors[field.name] = `Uzupełnij pole „${field.label}”.`;
      continue;
    }
    const error = checkField(field, raw);
    if (error) errors[field.name] = error;
    else values[field.name] = field.kind === 'nip' ? normaliseNip(raw) : raw;
  }
  return { values, errors };
}

function checkField(field: FormField, value: string): string | null {
  const max =
    field.maxLength ?? (field.kind === 'textarea' ? DEFAULT_MAX.textarea : DEFAULT_MAX.other);
  if (value.length > max) return `Pole „${field.label}” może mieć najwyżej ${max} znaków.`;
  switch (field.kind) {
    case 'pesel':
      return isValidPesel(value)
        ? null
        : 'Numer PESEL jest nieprawidłowy: sprawdź 11 cyfr (cyfra kontrolna się nie zgadza).';
    case 'nip':
      return isValidNip(value)
        ? null
        : 'Numer NIP jest nieprawidłowy: wpisz 10 cyfr, np. 123-456-32-18 (cyfra kontrolna się nie zgadza).';
    case 'postal_code':
      return isValidPostalCode(value) ? null : 'Wpisz kod pocztowy w formacie 00-000, np. 72-600.';
    case 'email':
      return EMAIL.test(value) ? null : 'Wpisz adres e-mail w formacie nazwa@domena.pl.';
    case 'phone':
      return PHONE.test(value) ? null : 'Wpisz numer telefonu, np. 600 100 200.';
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? null
        : 'Wpisz datę w formacie RRRR-MM-DD.';
    case 'number': {
      const number = Number(value);
      if (!/^\d+$/.test(value)) return `Pole „${field.label}” przyjmuje liczbę całkowitą.`;
      if (field.min !== undefined && number < field.min)
        return `Najmniejsza wartość to ${field.min}.`;
      if (field.max !== undefined && number > field.max)
        return `Największa wartość to ${field.max}.`;
      return null;
    }
    case 'select':
      return field.options?.some((o) => o.value === value)
        ? null
        : `Wybierz jedną z podanych możliwości w polu „${field.label}”.`;
    default:
      return null;
  }
}

/** The label a select value is shown with (the stored value is a stable code). */
export function displayValue(field: FormField, value: string): string {
  if (field.kind !== 'select') return value;
  return field.options?.find((o) => o.value === value)?.label ?? value;
}
