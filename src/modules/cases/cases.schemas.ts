import { z } from '@hono/zod-openapi';
import { localDateSchema } from '../org/org.schemas.ts';

export const openCaseSchema = z
  .object({
    unitId: z.uuid(),
    jrwaSymbol: z
      .string()
      .regex(/^\d{1,6}$/)
      .openapi({ example: '3110' }),
    title: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ example: 'Wymiar podatku od nieruchomości – Jan Kowalski' }),
    incomingId: z.uuid().optional(),
    handlerId: z.uuid().optional(),
  })
  .openapi('OpenCase');

export const subCaseSchema = z
  .object({ title: z.string().trim().min(1).max(500) })
  .openapi('OpenSubCase');

export const joinIncomingSchema = z.object({ incomingId: z.uuid() }).openapi('JoinIncoming');
export const changeHandlerSchema = z.object({ handlerId: z.uuid() }).openapi('ChangeHandler');

export const caseSchema = z
  .object({
    id: z.uuid(),
    sign: z.string().openapi({ example: 'FN.3110.1.2026' }),
    title: z.string(),
    status: z.enum(['open', 'closed']),
    unitId: z.uuid(),
    handlerId: z.uuid(),
    jrwaSymbol: z.string(),
    year: z.number(),
    parentCaseId: z.uuid().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    archivalCategory: z
      .string()
      .nullable()
      .openapi({ description: 'Kategoria archiwalna (ustalana przy zakończeniu)' }),
    disposalFrom: z.string().nullable().openapi({
      description:
        'Najwcześniejsza data brakowania (B<n>: n pełnych lat od 1 stycznia roku po zakończeniu)',
    }),
    incomingIds: z.array(z.uuid()),
    allowedActions: z.array(z.string()),
  })
  .openapi('Case');

export const caseListQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200),
  unitId: z.uuid(),
  jrwaSymbol: z.string().regex(/^\d{1,6}$/),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const caseListRowSchema = z.object({
  number: z.number(),
  sign: z.string(),
  title: z.string(),
  sender: z.string().nullable(),
  initiatingLetterSign: z.string().nullable(),
  initiatingLetterDate: z.string().nullable(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  handler: z.string(),
  remarks: z.string().nullable(),
});

export const caseListSchema = z
  .object({
    office: z.string(),
    unit: z.object({ symbol: z.string(), name: z.string() }),
    jrwa: z.object({ symbol: z.string(), title: z.string(), category: z.string().nullable() }),
    year: z.number(),
    rows: z.array(caseListRowSchema),
  })
  .openapi('CaseList');

export type OpenCaseInput = z.infer<typeof openCaseSchema>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
