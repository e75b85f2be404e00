import { channelErrors } from '../channels.errors.ts';
import type { InboundLetter } from '../inbound-letter.ts';
import { partialDateOf } from '../inbound-letter.ts';
import { edoreczeniaEnvelopeSchema } from './edoreczenia.envelope.ts';
import { parseEvidence } from './evidence.ts';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * An e-Doręczenia message: subject, sender with their electronic delivery address (ADE),
 * attachments and the evidence. For a public entity's box the message is delivered when it is
 * put there, so the received time is the ContentConsignment evidence (dowód otrzymania).
 */
export function readEdoreczeniaMessage(envelope: Uint8Array): InboundLetter {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(envelope).toString('utf8'));
  } catch {
    throw channelErrors.malformedMessage({ reason: 'not JSON' });
  }
  const parsed = edoreczeniaEnvelopeSchema.safeParse(json);
  if (!parsed.success)
    throw channelErrors.malformedMessage({ reason: parsed.error.message.slice(0, 500) });
  const message = parsed.data;
  const evidences = message.evidences.map((e) => ({
    json: e,
    content: decode(e.xml),
    parsed: parseEvidence(decode(e.xml)),
  }));
  const receipt = evidences.find((e) => e.parsed.type === 'ContentConsignment');
  if (!receipt)
    throw channelErrors.malformedProof({
      reason: 'no ContentConsignment evidence (dowód otrzymania)',
    });
  const postal = message.sender.postalAddress ?? {};
  const body = message.body?.trim();
  return {
    channel: 'edoreczenia',
    title: message.subject,
    sender: {
      name: message.sender.name,
      address: {
        ...(postal.street ? { street: postal.street } : {}),
        ...(postal.postalCode ? { postalCode: postal.postalCode } : {}),
        ...(postal.town ? { town: postal.town } : {}),
        ...(postal.country ? { country: postal.country } : {}),
      },
    },
    sentDate: partialDateOf(message.submittedAt),
    senderReference: message.senderReference?.trim() || undefined,
    receivedAt: receipt.parsed.eventTime,
    proofName: 'dowód otrzymania',
    replyAddress: message.sender.eDeliveryAddress,
    attachmentsCount: message.attachments.length,
    files: [
      ...(body
        ? [
            {
              name: 'tresc-wiadomosci.txt',
              role: 'document' as const,
              content: new TextEncoder().encode(body),
            },
          ]
        : []),
      ...message.attachments.map((a) => ({
        name: a.fileName,
        role: 'attachment' as const,
        content: decode(a.content),
      })),
      ...evidences.map((e) => ({
        name: e.json.fileName,
        role: 'proof' as const,
        content: e.content,
      })),
    ],
  };
}
