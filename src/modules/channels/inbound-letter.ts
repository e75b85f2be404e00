import type { PostalAddress } from '../../platform/db/schema.ts';
import { NO_DATA, type RegisterIncomingInput } from '../incoming/incoming.schemas.ts';
import type { ChannelName } from './channel-names.ts';

/** A file that arrived with a message: the document itself, an attachment or a proof. */
export interface InboundFile {
  name: string;
  role: 'document' | 'attachment' | 'proof';
  content: Uint8Array;
}

/**
 * What the gateway learnt from one message of a national channel, whatever its format: enough
 * for the incoming register (RPW) and the files to keep with the item.
 */
export interface InboundLetter {
  channel: ChannelName;
  title: string;
  sender: { name: string; address: Partial<PostalAddress> };
  /** Date on the letter: YYYY, YYYY-MM or YYYY-MM-DD. */
  letterDate?: string | undefined;
  /** When the sender sent it (the channel's own record). */
  sentDate?: string | undefined;
  /** The sender's reference (znak pisma), when the channel carries one. */
  senderReference?: string | undefined;
  /** The time of the delivery proof (UPP, dowód otrzymania): the legal received time. */
  receivedAt: Date;
  /** Which proof gave the received time, e.g. "UPP" or "dowód otrzymania". */
  proofName: string;
  kind?: string | undefined;
  /** Where the office answers through the same channel: ePUAP reply box or the sender's ADE. */
  replyAddress?: string | undefined;
  attachmentsCount: number;
  files: InboundFile[];
}

const MAX_TITLE = 500;
const MAX_NAME = 300;

const clip = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max - 1)}…` : value;

/** The RPW registration of a letter; what the message did not say is written as "brak danych". */
export function toRegisterInput(letter: InboundLetter, remarks: string[]): RegisterIncomingInput {
  const address = letter.sender.address;
  const postalCode = address.postalCode && /^\d{2}-\d{3}$/.test(address.postalCode);
  return {
    title: clip(letter.title.trim() || NO_DATA, MAX_TITLE),
    sender: {
      name: clip(letter.sender.name.trim() || NO_DATA, MAX_NAME),
      address: {
        ...(address.street ? { street: clip(address.street, 200) } : {}),
        ...(postalCode ? { postalCode: address.postalCode } : {}),
        town: clip(address.town?.trim() || NO_DATA, 120),
        country: clip(address.country?.trim() || NO_DATA, 80),
      },
    },
    ...(letter.letterDate ? { letterDate: letter.letterDate } : {}),
    ...(letter.sentDate ? { sentDate: letter.sentDate } : {}),
    ...(letter.senderReference ? { senderReference: clip(letter.senderReference, 200) } : {}),
    receivedAt: letter.receivedAt.toISOString(),
    channel: letter.channel,
    ...(letter.kind ? { kind: clip(letter.kind, 100) } : {}),
    attachmentsCount: letter.attachmentsCount,
    ...(remarks.length ? { remarks: clip(remarks.join('\n'), 2000) } : {}),
  };
}

/** A partial date from an XML date or date-time: "2026-03-01T10:00:00+01:00" → "2026-03-01". */
export function partialDateOf(value: string | undefined): string | undefined {
  const match =
    value && /^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)(?!\d)/.exec(value.trim());
  return match ? match[1] : undefined;
}
