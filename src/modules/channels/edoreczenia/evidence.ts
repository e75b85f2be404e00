import { channelErrors } from '../channels.errors.ts';
import { child, escapeXml, parseReceivedXml, text } from '../xml.ts';
import type { EvidenceType } from './edoreczenia.envelope.ts';

/**
 * e-Doręczenia evidence, simplified from ETSI EN 319 522 REM evidence: the event (submission
 * accepted, content put in the recipient's box, content taken by the recipient), its time and
 * the message it concerns. The operator seals it; the gateway reads the time from the XML itself.
 */
export const REM_NS = 'http://uri.etsi.org/19522/v1#';
const EVENT_PREFIX = 'http://uri.etsi.org/19522/Event#';

export interface Evidence {
  type: EvidenceType;
  eventTime: Date;
  messageId: string;
}

export function buildEvidence(input: {
  id: string;
  type: EvidenceType;
  eventTime: Date;
  messageId: string;
  sender: string;
  recipient: string;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rem:REMEvidence xmlns:rem="${REM_NS}" version="1" Id="${escapeXml(input.id)}"><rem:EventCode>${EVENT_PREFIX}${input.type}</rem:EventCode><rem:EventTime>${input.eventTime.toISOString()}</rem:EventTime><rem:MessageId>${escapeXml(input.messageId)}</rem:MessageId><rem:SenderAddress>${escapeXml(input.sender)}</rem:SenderAddress><rem:RecipientAddress>${escapeXml(input.recipient)}</rem:RecipientAddress></rem:REMEvidence>`;
}

export function parseEvidence(bytes: Uint8Array): Evidence {
  const root = parseReceivedXml(bytes, channelErrors.malformedProof);
  const code = text(child(root, REM_NS, 'EventCode')) ?? '';
  const type = code.startsWith(EVENT_PREFIX) ? code.slice(EVENT_PREFIX.length) : '';
  const time = new Date(text(child(root, REM_NS, 'EventTime')) ?? '');
  if (
    root.namespaceURI !== REM_NS ||
    !['SubmissionAcceptance', 'ContentConsignment', 'ContentHandover'].includes(type) ||
    Number.isNaN(time.getTime())
  ) {
    throw channelErrors.malformedProof({
      reason: 'not a REM evidence with EventCode and EventTime',
    });
  }
  return {
    type: type as EvidenceType,
    eventTime: time,
    messageId: text(child(root, REM_NS, 'MessageId')) ?? '',
  };
}
