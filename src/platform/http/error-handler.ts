import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError, commonErrors } from '../errors.ts';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      messagePl: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      messagePl: error.messagePl,
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return new AppError(
    'request.invalid',
    400,
    `Invalid input: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`,
    `Nieprawidłowe dane: ${issues.map((i) => i.path || '(treść)').join(', ')}`,
    issues,
  );
}

/** The one place where errors become responses; internals never reach the client. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof z.ZodError) appError = validationError(error);
    else if (isUnstorableText(error)) appError = commonErrors.invalidText();
    else if (error instanceof HTTPException && error.status === 413)
      appError = commonErrors.payloadTooLarge();
    else if (error instanceof HTTPException && error.status < 500) {
      appError = new AppError(
        'request.invalid',
        400,
        error.message || 'Bad request',
        'Nieprawidłowe żądanie.',
      );
    } else {
      logger.error({ err: error, path: c.req.path }, 'unhandled error');
      appError = commonErrors.internal();
    }
    return c.json(errorBody(appError), appError.status);
  };
}

/**
 * PostgreSQL refused a text (22021 invalid byte sequence: a NUL; 22P05 untranslatable): input the
 * door's checks missed, answered as the client's error; the transaction has rolled back.
 */
function isUnstorableText(error: Error) {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
