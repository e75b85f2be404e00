import { z } from '@hono/zod-openapi';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const prepareTransferSchema = z
  .object({
    unitId: z.uuid(),
    jrwaSymbol: z
      .string()
      .regex(/^\d{1,6}$/)
      .openapi({ example: '3110' }),
    caseYear: z.number().int().min(1990).max(2200).openapi({ example: 2024 }),
  })
  .openapi('PrepareArchiveTransfer');
export type PrepareTransferInput = z.input<typeof prepareTransferSchema>;

/** Where the paper part of an accepted case lies in the archive (optional per case). */
export const locationSchema = z.object({
  caseId: z.uuid(),
  shelf: text(100).optional(),
  box: text(100).optional(),
  archivalSign: text(100).optional().openapi({ example: 'FN/3110/2024/1' }),
});

export const acceptTransferSchema = z
  .object({ locations: z.array(locationSchema).max(10_000).default([]) })
  .openapi('AcceptArchiveTransfer');
export type AcceptTransferInput = z.input<typeof acceptTransferSchema>;

export const returnTransferSchema = z
  .object({ remarks: text(2000) })
  .openapi('ReturnArchiveTransfer');

export const findingSchema = z
  .object({
    kind: z.enum(['missing_case', 'unresolved_draft', 'broken_record', 'signature_missing']),
    caseId: z.uuid(),
    sign: z.string(),
    detail: z.string(),
  })
  .openapi('ArchiveTransferFinding');
export type TransferFinding = z.output<typeof findingSchema>;

export const transferSchema = z
  .object({
    id: z.uuid(),
    sign: z.string().openapi({ example: 'SZO/1/2028' }),
    unitId: z.uuid(),
    jrwaSymbol: z.string(),
    caseYear: z.number(),
    status: z.enum(['prepared', 'submitted', 'accepted', 'returned']),
    preparedAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    remarks: z.string().nullable(),
    items: z.array(
      z.object({
        position: z.number(),
        caseId: z.uuid(),
        sign: z.string(),
        title: z.string(),
        openedOn: z.string(),
        closedOn: z.string(),
        archivalCategory: z.string().nullable(),
      }),
    ),
    findings: z.array(findingSchema),
  })
  .openapi('ArchiveTransfer');

export const requestAccessSchema = z
  .object({
    caseId: z.uuid(),
    kind: z.enum(['view', 'loan']).openapi({ description: 'wgląd na miejscu albo wypożyczenie' }),
    purpose: text(1000).openapi({ example: 'Wznowienie postępowania podatkowego' }),
  })
  .openapi('RequestArchiveAccess');
export type RequestAccessInput = z.input<typeof requestAccessSchema>;

export const decideAccessSchema = z
  .object({
    approve: z.boolean(),
    dueOn: localDateSchema.optional(),
    remarks: text(1000).optional(),
  })
  .openapi('DecideArchiveAccess');
export type DecideAccessInput = z.input<typeof decideAccessSchema>;

export const loanSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    sign: z.string(),
    kind: z.enum(['view', 'loan']),
    purpose: z.string(),
    status: z.enum(['requested', 'approved', 'rejected', 'returned']),
    requestedBy: z.uuid(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
    decisionRemarks: z.string().nullable(),
    returnedAt: z.string().nullable(),
  })
  .openapi('ArchiveLoan');

export const holdingsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  jrwaSymbol: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type HoldingsQuery = z.input<typeof holdingsQuerySchema>;

export const holdingSchema = z
  .object({
    caseId: z.uuid(),
    sign: z.string(),
    title: z.string(),
    jrwaSymbol: z.string(),
    year: z.number(),
    unitId: z.uuid(),
    archivalCategory: z.string().nullable(),
    disposalFrom: z.string().nullable(),
    expertReviewFrom: z.string().nullable(),
    transferSign: z.string(),
    acceptedAt: z.string(),
    shelf: z.string().nullable(),
    box: z.string().nullable(),
    archivalSign: z.string().nullable(),
    parties: z.array(z.string()),
  })
  .openapi('ArchiveHolding');

export const commissionAnswersSchema = z
  .object({
    answers: z
      .array(
        z.object({
          caseId: z.uuid(),
          answer: z.enum(['destroy', 'keep']),
          remarks: z.string().trim().min(1).max(1000).optional(),
        }),
      )
      .min(1)
      .max(10_000),
  })
  .openapi('DisposalCommissionAnswers');

export const consentSchema = z
  .object({
    number: z.string().trim().min(1).max(200).openapi({ example: 'AP.4231.17.2036' }),
    date: localDateSchema,
  })
  .openapi('DisposalConsent');

export const legalHoldSchema = z
  .object({ reason: z.string().trim().min(1).max(1000).nullable() })
  .openapi('LegalHold');

export const disposalListSchema = z
  .object({
    id: z.uuid(),
    sign: z.string().openapi({ example: 'SDN/1/2031' }),
    status: z.enum(['draft', 'submitted', 'consented', 'executed']),
    preparedAt: z.string(),
    submittedAt: z.string().nullable(),
    consent: z
      .object({ number: z.string(), date: z.string().nullable(), fileId: z.uuid().nullable() })
      .nullable(),
    executedAt: z.string().nullable(),
    protocolFileId: z.uuid().nullable(),
    items: z.array(
      z.object({
        position: z.number(),
        caseId: z.uuid(),
        sign: z.string(),
        title: z.string(),
        category: z.string(),
        kind: z.enum(['disposal', 'expert_review']),
        commissionAnswer: z.enum(['destroy', 'keep']).nullable(),
        commissionRemarks: z.string().nullable(),
        outcome: z.enum(['destroyed', 'kept']).nullable(),
        outcomeReason: z.string().nullable(),
      }),
    ),
  })
  .openapi('DisposalList');

export const disposalListSummarySchema = z
  .object({
    id: z.uuid(),
    sign: z.string().openapi({ example: 'SDN/1/2031' }),
    year: z.number(),
    status: z.enum(['draft', 'submitted', 'consented', 'executed']),
    preparedAt: z.string(),
    executedAt: z.string().nullable(),
    items: z.number(),
  })
  .openapi('DisposalListSummary');
