import type { ChannelClient } from '../channel-client.ts';
import { channelJson, channelRequest, segment } from '../channel-http.ts';
import { channelErrors } from '../channels.errors.ts';
import {
  edoreczeniaEvidencesSchema,
  edoreczeniaPageSchema,
  edoreczeniaSentSchema,
  EVIDENCE_NAMES,
  type EdoreczeniaSendRequest,
} from './edoreczenia.envelope.ts';
import { readEdoreczeniaMessage } from './edoreczenia.message.ts';
import { parseEvidence } from './evidence.ts';

/** The e-Doręczenia channel over HTTP (`baseUrl` = OBIEG_EDORECZENIA_URL). Mailboxes are ADEs. */
export function createEdoreczeniaClient(baseUrl: string, timeoutMs: number): ChannelClient {
  const box = (mailbox: string) => `${baseUrl.replace(/\/$/, '')}/mailboxes/${segment(mailbox)}`;
  const parse = <T>(schema: { parse(value: unknown): T }, value: unknown) => {
    try {
      return schema.parse(value);
    } catch (error) {
      throw channelErrors.malformedMessage({ reason: (error as Error).message.slice(0, 500) });
    }
  };
  return {
    channel: 'edoreczenia',
    async listMessages(mailbox, cursor, limit, signal) {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page = parse(
        edoreczeniaPageSchema,
        await channelJson(`${box(mailbox)}/messages?${query}`, { signal, timeoutMs }),
      );
      return { externalIds: page.messages.map((m) => m.messageId), nextCursor: page.nextCursor };
    },
    async downloadMessage(mailbox, externalId, signal) {
      return (
        await channelRequest(`${box(mailbox)}/messages/${segment(externalId)}`, {
          signal,
          timeoutMs,
        })
      ).body;
    },
    async confirmReceipt(mailbox, externalId, signal) {
      await channelRequest(`${box(mailbox)}/messages/${segment(externalId)}/receipt`, {
        method: 'POST',
        signal,
        timeoutMs,
      });
    },
    async send(mailbox, letter, signal) {
      const request: EdoreczeniaSendRequest = {
        recipient: {
          name: letter.addressee.name,
          eDeliveryAddress: letter.addressee.electronicAddress,
        },
        subject: letter.title,
        senderReference: letter.rkwNumber,
        attachments: letter.files.map((f) => ({
          fileName: f.name,
          contentType: f.contentType,
          content: Buffer.from(f.content).toString('base64'),
        })),
      };
      const sent = parse(
        edoreczeniaSentSchema,
        await channelJson(`${box(mailbox)}/outbox`, {
          method: 'POST',
          json: request,
          headers: { 'idempotency-key': letter.key },
          signal,
          timeoutMs,
        }),
      );
      const evidence = parseEvidence(new Uint8Array(Buffer.from(sent.evidence.xml, 'base64')));
      return { externalId: sent.messageId, sentAt: evidence.eventTime };
    },
    async fetchDeliveryProof(mailbox, externalId, signal) {
      const answer = parse(
        edoreczeniaEvidencesSchema,
        await channelJson(`${box(mailbox)}/outbox/${segment(externalId)}/evidences`, {
          signal,
          timeoutMs,
        }),
      );
      // The dowód otrzymania: ContentConsignment = the letter arrived in the addressee's box
      // (wpłynięcie), ContentHandover = the addressee collected it (odebranie). The time is read
      // from the sealed evidence itself, not from the envelope around it.
      const proofOf = (type: 'ContentConsignment' | 'ContentHandover') => {
        const found = answer.evidences.find((e) => e.type === type);
        if (!found) return undefined;
        const content = new Uint8Array(Buffer.from(found.xml, 'base64'));
        const evidence = parseEvidence(content);
        if (evidence.type !== type)
          throw channelErrors.malformedProof({ reason: `evidence is not ${type}` });
        return {
          name: EVIDENCE_NAMES[type],
          at: evidence.eventTime,
          fileName: found.fileName,
          content,
        };
      };
      return { arrival: proofOf('ContentConsignment'), collection: proofOf('ContentHandover') };
    },
    readMessage: readEdoreczeniaMessage,
  };
}
