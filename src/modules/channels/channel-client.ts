import type { ChannelName } from './channel-names.ts';
import type { InboundLetter } from './inbound-letter.ts';

export { channelNames, type ChannelName } from './channel-names.ts';

export interface MessagePage {
  externalIds: string[];
  /** Where the next page starts; the gateway keeps it per mailbox. */
  nextCursor: string | null;
}

/** A signed letter of the office on its way to an addressee. */
export interface OutboundLetter {
  /** Our outgoing item id: the idempotency key, so a re-send after a crash is not a second letter. */
  key: string;
  rkwNumber: string;
  /** The case sign: the UPD of ePUAP carries it back as IdentyfikatorSprawy. */
  caseSign: string | null;
  title: string;
  addressee: { name: string; electronicAddress: string };
  files: Array<{ name: string; contentType: string; content: Uint8Array }>;
}

export interface SentReceipt {
  externalId: string;
  sentAt: Date;
}

/** A proof issued by the national service, filed with the letter. */
export interface ProofFile {
  /** "UPD" (ePUAP) or "dowód otrzymania" (e-Doręczenia). */
  name: string;
  at: Date;
  fileName: string;
  content: Uint8Array;
}

/**
 * What the service says about a sent letter so far:
 * - `arrival`: e-Doręczenia, the dowód otrzymania stating the day the letter arrived in the
 *   addressee's box (wpłynięcie) — the delivery to a public entity, and the start of the 14 days
 *   of u.d.e. art. 42 ust. 2 for anyone else;
 * - `collection`: the addressee collected it (ePUAP: the UPD's DataOdbioru; e-Doręczenia: the
 *   dowód otrzymania of odebranie).
 */
export interface DeliveryStatus {
  arrival?: ProofFile | undefined;
  collection?: ProofFile | undefined;
}

/**
 * One national channel as the gateway sees it. Each channel (`epuap/`, `edoreczenia/`) speaks its
 * service's protocol over HTTP and reads its own message format; the gateway does the rest
 * (cursor, back-off, rate limits, idempotency, registration) the same way for both.
 */
export interface ChannelClient {
  channel: ChannelName;
  listMessages(
    mailbox: string,
    cursor: string | null,
    limit: number,
    signal?: AbortSignal,
  ): Promise<MessagePage>;
  /** The message exactly as the service sends it (kept as the item's original). */
  downloadMessage(mailbox: string, externalId: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Tells the service the message is safely stored, so it stops offering it. */
  confirmReceipt(mailbox: string, externalId: string, signal?: AbortSignal): Promise<void>;
  send(mailbox: string, letter: OutboundLetter, signal?: AbortSignal): Promise<SentReceipt>;
  /** The proofs of arrival and collection issued so far (empty while the letter is on its way). */
  fetchDeliveryProof(
    mailbox: string,
    externalId: string,
    signal?: AbortSignal,
  ): Promise<DeliveryStatus>;
  /** Reads a downloaded message (no network). */
  readMessage(envelope: Uint8Array): InboundLetter;
}

export type ChannelClients = Partial<Record<ChannelName, ChannelClient>>;
