import { z } from '@hono/zod-openapi';
import { addressSchema } from '../incoming/incoming.schemas.ts';
import { localDateSchema } from '../org/org.schemas.ts';

export const dispatchMethods = [
  'post',
  'post_return_receipt',
  'edoreczenia',
  'epuap',
  'personal',
  'portal',
] as const;

export const registerOutgoingSchema = z
  .object({
    documentId: z.uuid(),
    addressee: z.object({
      name: z.string().trim().min(1).max(300),
      address: addressSchema.optional(),
    }),
    electronicAddress: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .openapi({ example: 'AE:PL-12345-67890-ABCDE-12' }),
    method: z.enum(dispatchMethods),
    postalClass: z.enum(['economy', 'priority']).optional(),
    costGrosz: z.number().int().min(0).max(10_000_00).optional(),
  })
  .openapi('RegisterOutgoing');

export const deliverySchema = z
  .object({
    kind: z.enum(['receipt', 'electronic_proof', 'personal']),
    deliveredOn: localDateSchema,
  })
  .openapi('RecordDelivery');

export const outgoingSchema = z
  .object({
    id: z.uuid(),
    rkwNumber: z.string(),
    caseId: z.uuid(),
    documentId: z.uuid().nullable(),
    addresseeName: z.string(),
    method: z.enum(dispatchMethods),
    status: z.enum(['registered', 'sent', 'delivered', 'returned']),
    registeredAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredOn: z.string().nullable(),
    deliveryKind: z.string().nullable(),
    fictionDate: z.string().nullable(),
    appealTerm: z.string().nullable(),
    appealDue: z.string().nullable(),
  })
  .openapi('OutgoingItem');

export type RegisterOutgoingInput = z.input<typeof registerOutgoingSchema>;
export type DeliveryInput = z.infer<typeof deliverySchema>;
