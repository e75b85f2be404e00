import { z } from 'zod';

/**
 * The e-Doręczenia mailbox protocol as the gateway uses it: JSON over HTTP, messages with
 * attachments, and evidence (dowody) as signed XML modelled on ETSI EN 319 522 REM evidence.
 * The simulator serves exactly these shapes.
 */
export const evidenceTypes = [
  'SubmissionAcceptance',
  'ContentConsignment',
  'ContentHandover',
] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

/** Polish names of the evidence, as the law calls them. */
export const EVIDENCE_NAMES: Record<EvidenceType, string> = {
  SubmissionAcceptance: 'dowód nadania',
  ContentConsignment: 'dowód otrzymania',
  ContentHandover: 'dowód otrzymania',
};

const evidenceSchema = z.object({
  type: z.enum(evidenceTypes),
  eventTime: z.string(),
  fileName: z.string().min(1).max(255),
  xml: z.string(),
});
export type EvidenceJson = z.infer<typeof evidenceSchema>;

const addressSchema = z.object({
  street: z.string().optional(),
  postalCode: z.string().optional(),
  town: z.string().optional(),
  country: z.string().optional(),
});

export const edoreczeniaPageSchema = z.object({
  messages: z.array(z.object({ messageId: z.string().min(1).max(200) })),
  nextCursor: z.string().nullable(),
});

export const edoreczeniaEnvelopeSchema = z.object({
  messageId: z.string().min(1),
  subject: z.string(),
  sender: z.object({
    name: z.string(),
    eDeliveryAddress: z.string(),
    postalAddress: addressSchema.optional(),
  }),
  recipient: z.object({ name: z.string(), eDeliveryAddress: z.string() }),
  submittedAt: z.string(),
  senderReference: z.string().optional(),
  body: z.string().optional(),
  attachments: z.array(
    z.object({
      fileName: z.string().min(1).max(255),
      contentType: z.string(),
      content: z.string(),
    }),
  ),
  evidences: z.array(evidenceSchema),
});
export type EdoreczeniaEnvelope = z.infer<typeof edoreczeniaEnvelopeSchema>;

export const edoreczeniaSendSchema = z.object({
  recipient: z.object({ name: z.string(), eDeliveryAddress: z.string().min(1) }),
  subject: z.string(),
  senderReference: z.string(),
  attachments: z
    .array(z.object({ fileName: z.string().min(1), contentType: z.string(), content: z.string() }))
    .min(1),
});
export type EdoreczeniaSendRequest = z.infer<typeof edoreczeniaSendSchema>;

export const edoreczeniaSentSchema = z.object({
  messageId: z.string().min(1),
  evidence: evidenceSchema,
});
export const edoreczeniaEvidencesSchema = z.object({ evidences: z.array(evidenceSchema) });
