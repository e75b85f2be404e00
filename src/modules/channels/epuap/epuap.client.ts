import type { ChannelClient } from '../channel-client.ts';
import { channelJson, channelRequest, segment } from '../channel-http.ts';
import { channelErrors } from '../channels.errors.ts';
import {
  epuapPageSchema,
  epuapSentSchema,
  epuapUpdSchema,
  type EpuapSendRequest,
} from './epuap.envelope.ts';
import { readEpuapMessage } from './epuap.message.ts';
import { parseUpd } from './upo.ts';

/** The ePUAP channel over HTTP (`baseUrl` = OBIEG_EPUAP_URL). Mailboxes are skrytka addresses. */
export function createEpuapClient(baseUrl: string, timeoutMs: number): ChannelClient {
  const box = (mailbox: string) => `${baseUrl.replace(/\/$/, '')}/skrytki/${segment(mailbox)}`;
  const parse = <T>(schema: { parse(value: unknown): T }, value: unknown) => {
    try {
      return schema.parse(value);
    } catch (error) {
      throw channelErrors.malformedMessage({ reason: (error as Error).message.slice(0, 500) });
    }
  };
  return {
    channel: 'epuap',
    async listMessages(mailbox, cursor, limit, signal) {
      const query = new URLSearchParams({
        limit: String(limit),
        ...(cursor ? { kursor: cursor } : {}),
      });
      const page = parse(
        epuapPageSchema,
        await channelJson(`${box(mailbox)}/oczekujace?${query}`, { signal, timeoutMs }),
      );
      return { externalIds: page.dokumenty.map((d) => d.identyfikator), nextCursor: page.kursor };
    },
    async downloadMessage(mailbox, externalId, signal) {
      return (
        await channelRequest(`${box(mailbox)}/dokumenty/${segment(externalId)}`, {
          signal,
          timeoutMs,
        })
      ).body;
    },
    async confirmReceipt(mailbox, externalId, signal) {
      await channelRequest(`${box(mailbox)}/dokumenty/${segment(externalId)}/potwierdzenie`, {
        method: 'POST',
        signal,
        timeoutMs,
      });
    },
    async send(mailbox, letter, signal) {
      const request: EpuapSendRequest = {
        adresSkrytki: letter.addressee.electronicAddress,
        adresOdpowiedzi: mailbox,
        nazwaAdresata: letter.addressee.name,
        identyfikatorDokumentu: letter.rkwNumber,
        ...(letter.caseSign ? { identyfikatorSprawy: letter.caseSign } : {}),
        tytul: letter.title,
        dokumenty: letter.files.map((f) => ({
          nazwaPliku: f.name,
          typPliku: f.contentType,
          zawartosc: Buffer.from(f.content).toString('base64'),
        })),
      };
      const sent = parse(
        epuapSentSchema,
        await channelJson(`${box(mailbox)}/doreczenia`, {
          method: 'POST',
          json: request,
          headers: { 'idempotency-key': letter.key },
          signal,
          timeoutMs,
        }),
      );
      return { externalId: sent.identyfikator, sentAt: new Date(sent.dataNadania) };
    },
    async fetchDeliveryProof(mailbox, externalId, signal) {
      const answer = parse(
        epuapUpdSchema,
        await channelJson(`${box(mailbox)}/doreczenia/${segment(externalId)}/upd`, {
          signal,
          timeoutMs,
        }),
      );
      if (answer.status === 'oczekuje') return {};
      const content = new Uint8Array(Buffer.from(answer.upd.zawartosc, 'base64'));
      // The UPD's DataOdbioru is the moment of delivery (only a UPP has DataDoreczenia).
      const upd = parseUpd(content);
      return {
        collection: {
          name: 'UPD',
          at: upd.collectedAt,
          fileName: answer.upd.nazwaPliku,
          content,
        },
      };
    },
    readMessage: readEpuapMessage,
  };
}
