import { createHash, type X509Certificate } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { recordChange } from '../../platform/record/transaction.ts';
import { loadTrustAnchors } from '../signatures/signing-credentials.usecases.ts';
import type { ChannelName } from './channel-client.ts';
import { toRegisterInput, type InboundLetter } from './inbound-letter.ts';
import { checkSignatures, describeSignatures, type FileSignatures } from './signature-check.ts';

const CHANNEL_LABELS: Record<ChannelName, string> = { epuap: 'ePUAP', edoreczenia: 'e-Doręczenia' };

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface RegisteredLetter {
  incomingId: string;
  rpwNumber: string;
  signatures: FileSignatures[];
}

/**
 * Registers a letter in the RPW as the gateway's system account: the item (received time = the
 * proof's time), every file (document, attachments, proofs) and the signature report, then the
 * caller's own bookkeeping (`complete`) — all in one transaction. `claim` runs first under a row
 * lock and says whether the letter is still to be registered; null when it was not.
 */
export async function registerLetter(
  deps: { db: Db; clock: Clock; files: FileStore; actor: Actor; trustAnchors?: X509Certificate[] },
  letter: InboundLetter,
  steps: {
    claim: (trx: Tx) => Promise<boolean>;
    complete: (
      trx: Tx,
      done: {
        incomingId: string;
        now: Date;
        documentSha256: string | null;
        signatures: FileSignatures[];
      },
    ) => Promise<void>;
    provenance: string;
  },
): Promise<RegisteredLetter | null> {
  const trustAnchors = deps.trustAnchors ?? (await loadTrustAnchors(deps.db, deps.actor.officeId));
  const signatures = await checkSignatures(letter.files, { trustAnchors, now: deps.clock.now() });
  const document = letter.files.find((f) => f.role === 'document');
  const remarks = [
    ...(letter.replyAddress
      ? [`Adres do odpowiedzi (${CHANNEL_LABELS[letter.channel]}): ${letter.replyAddress}`]
      : []),
    ...describeSignatures(signatures),
  ];
  const report = new TextEncoder().encode(`${JSON.stringify(signatures, null, 2)}\n`);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await steps.claim(trx))) return null;
    const joined = {
      db: trx,
      clock: deps.clock,
      files: deps.files,
      actor: deps.actor,
    };
    const item = await registerIncoming(joined, toRegisterInput(letter, remarks));
    for (const file of letter.files) await attachIncomingFile(joined, item.id, file);
    if (signatures.length > 0) {
      await attachIncomingFile(joined, item.id, {
        name: 'weryfikacja-podpisow.json',
        content: report,
      });
    }
    const now = deps.clock.now();
    await recordChange(trx, deps.actor, now, {
      action: 'channel.message_registered',
      description: `Odebrano z kanału ${CHANNEL_LABELS[letter.channel]} (${steps.provenance}); data wpływu według poświadczenia (${letter.proofName}): ${letter.receivedAt.toISOString()}${signatures.length ? `; ${describeSignatures(signatures).join('; ')}` : '; dokument bez podpisu elektronicznego'}`,
      subject: { type: 'incoming', id: item.id },
      documentId: item.rpwNumber,
      payload: {
        channel: letter.channel,
        receivedAt: letter.receivedAt.toISOString(),
        signatures: signatures.length,
      },
    });
    await steps.complete(trx, {
      incomingId: item.id,
      now,
      // ePUAP documents are keyed by checksum, so a saved copy imported later is recognised.
      documentSha256: document && letter.channel === 'epuap' ? sha256(document.content) : null,
      signatures,
    });
    return { incomingId: item.id, rpwNumber: item.rpwNumber, signatures };
  });
}
