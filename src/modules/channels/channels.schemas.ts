import { z } from '@hono/zod-openapi';
import { validationReportSchema } from '../signatures/signatures.schemas.ts';
import { channelNames } from './channel-client.ts';

export const addMailboxSchema = z
  .object({
    channel: z.enum(channelNames),
    address: z.string().trim().min(3).max(200).openapi({ example: 'AE:PL-12345-67890-ABCDE-12' }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Skrzynka do doręczeń urzędu' }),
    /** The service's quota for this mailbox; the gateway stays under it. */
    requestsPerSecond: z.number().int().min(1).max(1000).optional(),
  })
  .openapi('AddChannelMailbox');
export type AddMailboxInput = z.input<typeof addMailboxSchema>;

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const mailboxSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(channelNames),
    address: z.string(),
    name: z.string(),
    active: z.boolean(),
    requestsPerSecond: z.number(),
    cursor: z.string().nullable(),
    failures: z.number(),
    nextPollAt: z.string(),
    lastPollAt: z.string().nullable(),
    caughtUpAt: z.string().nullable(),
    lastError: z.string().nullable(),
    inbound: counts(['listed', 'fetched', 'registered', 'dead'] as const),
    outbound: counts(['queued', 'sent', 'delivered', 'dead'] as const),
  })
  .openapi('ChannelMailbox');

export const deadLetterSchema = z
  .object({
    kind: z.enum(['inbound', 'outbound']),
    /** Channel message id (inbound) or outgoing item id (outbound): what the retry route takes. */
    id: z.uuid(),
    channel: z.enum(channelNames),
    mailboxAddress: z.string().nullable(),
    /** The service's id of the message, or the RKW number of the letter. */
    reference: z.string(),
    reason: z.string(),
    attempts: z.number(),
    deadAt: z.string(),
  })
  .openapi('ChannelDeadLetter');

export const queuesSchema = z
  .object({
    mailboxes: z.array(mailboxSchema),
    deadLetters: z.array(deadLetterSchema),
    /** Electronic outgoing items that wait because the office has no mailbox of their channel. */
    waitingForMailbox: counts(channelNames),
  })
  .openapi('ChannelQueues');

export const retryResultSchema = z
  .object({ kind: z.enum(['inbound', 'outbound']), id: z.uuid(), state: z.string() })
  .openapi('ChannelRetryResult');

export const fileSignaturesSchema = z.object({
  file: z.string(),
  role: z.enum(['document', 'attachment', 'proof']),
  reports: z.array(validationReportSchema),
});

export const provenanceSchema = z
  .object({
    incomingId: z.uuid(),
    channel: z.enum(channelNames),
    /** null when the message was imported from a saved file. */
    mailboxAddress: z.string().nullable(),
    externalId: z.string(),
    receivedAt: z.string(),
    registeredAt: z.string(),
    signatures: z.array(fileSignaturesSchema),
  })
  .openapi('ChannelProvenance');
