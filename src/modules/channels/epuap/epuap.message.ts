import { channelErrors } from '../channels.errors.ts';
import { partialDateOf, type InboundFile, type InboundLetter } from '../inbound-letter.ts';
import { parseXmlBytes } from '../xml.ts';
import { epuapEnvelopeSchema } from './epuap.envelope.ts';
import { isGeneralLetter, parseGeneralLetter } from './general-letter.ts';
import { parseUpp } from './upo.ts';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * An ePUAP message: the document (the general letter, or another form kept as it is), its
 * attachments and the UPP, whose DataDoreczenia is the received time.
 */
export function readEpuapMessage(envelope: Uint8Array): InboundLetter {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(envelope).toString('utf8'));
  } catch {
    throw channelErrors.malformedMessage({ reason: 'not JSON' });
  }
  const parsed = epuapEnvelopeSchema.safeParse(json);
  if (!parsed.success)
    throw channelErrors.malformedMessage({ reason: parsed.error.message.slice(0, 500) });
  const message = parsed.data;
  const document = decode(message.dokument.zawartosc);
  const upp = decode(message.upp.zawartosc);
  const subject = message.danePodmiotu;
  const fallbackSender = [subject?.imieSkrot, subject?.nazwiskoNazwa].filter(Boolean).join(' ');
  const letter = readEpuapDocument(document, {
    documentName: message.dokument.nazwaPliku,
    proof: { name: message.upp.nazwaPliku, content: upp },
    replyAddress: message.adresOdpowiedzi,
    fallbackSender,
  });
  return { ...letter, sentDate: partialDateOf(message.dataNadania) };
}

/**
 * An ePUAP document with its UPP, as delivered or as saved by an office from its box
 * (`obieg channel import`). Without a UPP the received time must be given.
 */
export function readEpuapDocument(
  document: Uint8Array,
  options: {
    documentName: string;
    proof?: { name: string; content: Uint8Array } | undefined;
    receivedAt?: Date | undefined;
    replyAddress?: string | undefined;
    fallbackSender?: string | undefined;
  },
): InboundLetter {
  const upp = options.proof ? parseUpp(options.proof.content) : undefined;
  const receivedAt = upp?.deliveredAt ?? options.receivedAt;
  if (!receivedAt) throw channelErrors.receivedTimeUnknown();
  const files: InboundFile[] = [
    { name: options.documentName, role: 'document', content: document },
  ];
  const proofFiles: InboundFile[] = options.proof
    ? [{ name: options.proof.name, role: 'proof', content: options.proof.content }]
    : [];
  const common = {
    channel: 'epuap' as const,
    receivedAt,
    proofName: upp ? 'UPP' : 'data wpływu podana ręcznie',
    replyAddress: options.replyAddress,
  };
  let root;
  try {
    root = parseXmlBytes(document);
  } catch (error) {
    throw channelErrors.malformedMessage({ reason: (error as Error).message });
  }
  if (!isGeneralLetter(root)) {
    // Another ePUAP form: registered with what the envelope says, the document kept whole.
    return {
      ...common,
      title: `Dokument ePUAP: ${options.documentName}`,
      sender: { name: options.fallbackSender || upp?.sender || '', address: {} },
      attachmentsCount: 0,
      files: [...files, ...proofFiles],
    };
  }
  const letter = parseGeneralLetter(document);
  const sender = letter.senders[0];
  return {
    ...common,
    title: letter.title ?? letter.documentName ?? 'Pismo ogólne (ePUAP)',
    sender: {
      name: sender?.name || options.fallbackSender || upp?.sender || '',
      address: sender?.address ?? {},
    },
    letterDate: letter.letterDate,
    kind: letter.kind,
    attachmentsCount: letter.attachments.length,
    files: [
      ...files,
      ...letter.attachments.map((a) => ({
        name: a.name,
        role: 'attachment' as const,
        content: a.content,
      })),
      ...proofFiles,
    ],
  };
}
