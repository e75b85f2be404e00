/** An error answered by the API (`{ error: { code, message, messagePl } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messagePl: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, messagePl: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messagePl = messagePl;
    this.details = details;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; messagePl?: unknown; details?: unknown };
}

/** Reads the API's error body; anything else becomes a generic error with the HTTP status. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      typeof error.messagePl === 'string' ? error.messagePl : String(error.message ?? error.code),
      error.details,
    );
  }
  return new ApiError(
    status,
    'http.' + status,
    `The server answered with status ${status}.`,
    `Serwer odpowiedział błędem (status ${status}).`,
  );
}

export const networkError = () =>
  new ApiError(
    0,
    'network.unreachable',
    'The server cannot be reached. Check the connection and try again.',
    'Brak połączenia z serwerem. Sprawdź połączenie i spróbuj ponownie.',
  );

/** The text to show for any error, in the UI's language. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return language.startsWith('pl') ? error.messagePl : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
