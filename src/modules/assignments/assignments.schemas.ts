import { z } from '@hono/zod-openapi';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

export const assignSchema = z
  .object({
    unitId: z.uuid().optional(),
    userId: z.uuid().optional(),
    /** Sposób załatwienia, e.g. "do załatwienia", "do wiadomości", "proszę o projekt odpowiedzi". */
    method: z.string().trim().min(1).max(500).optional(),
    deadline: localDateSchema.optional(),
  })
  .openapi('Assign');

export const changeAssignmentSchema = z
  .object({
    method: z.string().trim().min(1).max(500).nullable().optional(),
    deadline: localDateSchema.nullable().optional(),
  })
  .openapi('ChangeAssignment');

export const returnAssignmentSchema = z
  .object({ comment: z.string().trim().min(1).max(2000) })
  .openapi('ReturnAssignment');

export const assignmentSchema = z
  .object({
    id: z.uuid(),
    incomingId: z.uuid(),
    unitId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    method: z.string().nullable(),
    deadline: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'returned', 'forwarded']),
    assignedBy: z.uuid(),
    assignedAt: z.string(),
    parentId: z.uuid().nullable(),
    resolvedBy: z.uuid().nullable(),
    resolvedAt: z.string().nullable(),
    comment: z.string().nullable(),
    allowedActions: z.array(z.string()).openapi({
      description: 'accept, return, forward (the assignee), change (who assigned) – while pending',
    }),
  })
  .openapi('Assignment');

export type AssignInput = z.infer<typeof assignSchema>;
export type ChangeAssignmentInput = z.infer<typeof changeAssignmentSchema>;
