import { z } from '@hono/zod-openapi';
import { documentKinds } from '../documents/documents.schemas.ts';

export const approvalStepSchema = z.object({
  kind: z.enum(['approve', 'opinion']).default('approve'),
  approverIds: z.array(z.uuid()).min(1).max(20),
});

export const createPathSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    unitId: z.uuid().optional(),
    jrwaSymbol: z
      .string()
      .regex(/^\d{1,6}$/)
      .optional(),
    documentKind: z.enum(documentKinds).optional(),
    steps: z.array(approvalStepSchema).min(1).max(20),
  })
  .openapi('CreateApprovalPath');

export const sendForApprovalSchema = z
  .object({
    pathId: z.uuid().optional(),
    steps: z.array(approvalStepSchema).min(1).max(20).optional(),
  })
  .openapi('SendForApproval');

export const decideSchema = z
  .object({
    decision: z.enum(['approve', 'return', 'forward']),
    comment: z.string().trim().min(1).max(4000).optional(),
    forwardTo: z.uuid().optional(),
  })
  .openapi('ApprovalDecision');

export const approvalTaskSchema = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    documentId: z.uuid(),
    documentTitle: z.string(),
    caseId: z.uuid(),
    caseSign: z.string(),
    stepNo: z.number(),
    kind: z.enum(['approve', 'opinion']),
    approverId: z.uuid(),
    approver: z.string(),
    status: z.string(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
  })
  .openapi('ApprovalTask');

export type ApprovalStepInput = z.input<typeof approvalStepSchema>;
export type CreatePathInput = z.input<typeof createPathSchema>;
export type DecideInput = z.infer<typeof decideSchema>;
