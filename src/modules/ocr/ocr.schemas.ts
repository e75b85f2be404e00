import { z } from '@hono/zod-openapi';

const status = z.enum(['queued', 'running', 'done', 'quarantined']).openapi({
  description:
    'queued: czeka; running: w trakcie; done: odczytany; quarantined: strona nie dała się odczytać po ponowieniach',
});

export const letterReadingSchema = z
  .object({
    files: z.array(
      z.object({
        fileId: z.uuid(),
        name: z.string(),
        status,
        method: z.enum(['ocr', 'text_layer', 'text']).nullable().openapi({
          description: 'ocr: tesseract; text_layer: warstwa tekstowa PDF; text: plik tekstowy',
        }),
        pageCount: z.number().int().nullable(),
        confidence: z
          .number()
          .nullable()
          .openapi({ description: 'Średnia pewność rozpoznanych słów, 0-100' }),
        searchableFileId: z.uuid().nullable(),
        queuedAt: z.string(),
        startedAt: z.string().nullable(),
        finishedAt: z.string().nullable(),
        run: z.number().int(),
        textExcerpt: z.string().nullable(),
        pages: z.array(
          z.object({
            page: z.number().int(),
            source: z.enum(['ocr', 'text_layer', 'text']),
            status: z.enum(['pending', 'done', 'quarantined']),
            attempts: z.number().int(),
            confidence: z.number().nullable(),
            lastError: z.string().nullable(),
            nextAttemptAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    proposals: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum([
          'pesel',
          'nip',
          'regon',
          'krs',
          'iban',
          'edelivery',
          'email',
          'case_sign',
          'rpw',
        ]),
        value: z.string(),
        raw: z.string(),
        status: z.enum(['proposed', 'accepted', 'dismissed']),
        relatedCase: z.object({ id: z.uuid(), sign: z.string() }).nullable(),
        relatedLetter: z.object({ id: z.uuid(), rpwNumber: z.string() }).nullable(),
      }),
    ),
    allowedActions: z.array(z.enum(['rerun', 'decide'])),
  })
  .openapi('LetterReading');

export const fileParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  fileId: z.uuid().openapi({ param: { name: 'fileId', in: 'path' } }),
});

export const proposalParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  proposalId: z.uuid().openapi({ param: { name: 'proposalId', in: 'path' } }),
});

export const quarantinedPageSchema = z
  .object({
    incomingId: z.uuid(),
    rpwNumber: z.string(),
    fileId: z.uuid(),
    name: z.string(),
    page: z.number().int(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    since: z.string().nullable(),
  })
  .openapi('OcrQuarantinedPage');
