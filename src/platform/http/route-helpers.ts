import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { AppError } from '../errors.ts';
import { assertCleanForm } from './clean-text.ts';
import { errorBodySchema } from './error-handler.ts';
import type { AppDeps, AppEnv } from './http-types.ts';

/** Use-case dependencies for the signed-in actor of a request. */
export const actorDeps = (deps: AppDeps, c: Context<AppEnv>) => ({
  db: deps.db,
  clock: deps.clock,
  actor: c.get('actor'),
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: errorBodySchema } },
  description,
});

/** The error answers every authenticated endpoint may give. */
export const standardErrors = {
  400: errorResponse('Nieprawidłowe dane / invalid input'),
  401: errorResponse('Brak uwierzytelnienia / not signed in'),
  403: errorResponse('Brak uprawnień / forbidden'),
  404: errorResponse('Nie znaleziono / not found (also outside your scope)'),
  409: errorResponse('Konflikt stanu / state conflict'),
  422: errorResponse('Naruszona reguła dziedzinowa / domain rule violated'),
} as const;

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const security = [{ bearer: [] }];

/** Every file of a multipart body's `file` fields (none is fine) and its text fields. */
export async function readUploads(c: Context<AppEnv>, defaultName: string) {
  const form = await c.req.parseBody({ all: true });
  assertCleanForm(form);
  const entries = form['file'];
  const files = (Array.isArray(entries) ? entries : entries === undefined ? [] : [entries]).filter(
    (entry): entry is File => entry instanceof File,
  );
  const text = (name: string) =>
    typeof form[name] === 'string' ? (form[name] as string) : undefined;
  return {
    files: await Promise.all(
      files.map(async (file) => ({
        name: file.name || defaultName,
        content: new Uint8Array(await file.arrayBuffer()),
      })),
    ),
    text,
  };
}

/**
 * A multipart upload: the file in the field "file" (400 `file.missing` without it, named
 * `defaultName` when the client sent no name) and the text fields beside it.
 */
export async function readUpload(c: Context<AppEnv>, defaultName: string) {
  const form = await c.req.parseBody();
  assertCleanForm(form);
  const file = form['file'];
  if (!(file instanceof File)) {
    throw new AppError(
      'file.missing',
      400,
      'Send the file in the multipart field "file".',
      'Prześlij plik w polu „file” (multipart/form-data).',
    );
  }
  const text = (name: string) =>
    typeof form[name] === 'string' ? (form[name] as string) : undefined;
  return {
    file: { name: file.name || defaultName, content: new Uint8Array(await file.arrayBuffer()) },
    text,
  };
}
