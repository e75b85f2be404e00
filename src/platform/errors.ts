/**
 * Errors are data: a stable code, an HTTP status and a message in Polish and English.
 * One handler (platform/http/error-handler.ts) turns them into responses.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly messagePl: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorDefinition {
  status: ErrorStatus;
  en: string;
  pl: string;
}

/** Builds typed error factories from a table: `caseErrors.notFound()`. */
export function defineErrors<K extends string>(
  prefix: string,
  table: Record<K, ErrorDefinition & { code: string }>,
): Record<K, (details?: unknown) => AppError> {
  const factories = {} as Record<K, (details?: unknown) => AppError>;
  for (const key of Object.keys(table) as K[]) {
    const { code, status, en, pl } = table[key];
    factories[key] = (details?: unknown) =>
      new AppError(`${prefix}.${code}`, status, en, pl, details);
  }
  return factories;
}

export const commonErrors = defineErrors('request', {
  invalid: {
    code: 'invalid',
    status: 400,
    en: 'The request is invalid.',
    pl: 'Nieprawidłowe żądanie.',
  },
  notFound: {
    code: 'not_found',
    status: 404,
    en: 'Not found.',
    pl: 'Nie znaleziono.',
  },
  invalidText: {
    code: 'invalid_text',
    status: 400,
    en: 'The text contains a NUL character or a broken UTF-16 surrogate; remove it and send again.',
    pl: 'Tekst zawiera znak NUL lub uszkodzony znak Unicode; usuń go i wyślij ponownie.',
  },
  payloadTooLarge: {
    code: 'payload_too_large',
    status: 413,
    en: 'The file is too large.',
    pl: 'Plik jest zbyt duży.',
  },
  internal: {
    code: 'internal',
    status: 500,
    en: 'Internal error. The incident was logged.',
    pl: 'Błąd wewnętrzny. Zdarzenie zostało zapisane w dzienniku.',
  },
});
