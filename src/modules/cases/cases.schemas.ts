import { z } from '@hono/zod-openapi';
import { addressSchema } from '../incoming/incoming.schemas.ts';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

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
        'Najwcześniejsza data brakowania (B<n>: n pełnych lat od 1 stycznia roku po zakończeniu); nigdy dla BE<n>',
    }),
    expertReviewFrom: z.string().nullable().openapi({
      description:
        'BE<n>: od tego dnia ekspertyza archiwum państwowego (może zmienić kategorię na A); to nie jest data brakowania',
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

/** A party to the case (strona postępowania): they receive, among others, the art. 36 notice. */
export const addPartySchema = z
  .object({
    name: z.string().trim().min(1).max(300).openapi({ example: 'Anna Nowak' }),
    address: addressSchema.optional(),
    electronicAddress: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .openapi({ example: 'AE:PL-12345-67890-ABCDE-12' }),
  })
  .openapi('AddCaseParty');

export const casePartySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: addressSchema.nullable(),
    electronicAddress: z.string().nullable(),
    incomingId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Pismo, którego nadawcą jest strona (np. pismo wszczynające)' }),
    addedAt: z.string(),
  })
  .openapi('CaseParty');

/** Art. 73 § 1 KPA: a party inspects the files of the case; the case record gets a row of its own. */
export const fileInspectionSchema = z
  .object({
    partyId: z.uuid(),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'Chwila przeglądania akt; domyślnie teraz' }),
    remarks: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .openapi({ example: 'Strona sporządziła notatki; wydano kopię protokołu oględzin' }),
    noteDocumentId: z.uuid().optional().openapi({
      description: 'Dokument sprawy z adnotacją lub protokołem z udostępnienia akt (art. 72 KPA)',
    }),
  })
  .openapi('RecordFileInspection');

export type OpenCaseInput = z.infer<typeof openCaseSchema>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type AddPartyInput = z.infer<typeof addPartySchema>;
export type FileInspectionInput = z.infer<typeof fileInspectionSchema>;
