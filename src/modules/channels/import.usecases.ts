import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import * as repo from './channels.repository.ts';
import { readEpuapDocument } from './epuap/epuap.message.ts';
import { registerLetter, sha256, type RegisteredLetter } from './letter-registration.ts';
import type { FileSignatures } from './signature-check.ts';

/**
 * `obieg channel import`: a saved ePUAP document (with its UPP, or a received time given by hand)
 * registered like one from the gateway. The same document imported again (or already received
 * through the gateway) registers nothing and returns the earlier registration.
 */
export async function importSavedMessage(
  deps: { db: Db; clock: Clock; files: FileStore; actor: Actor },
  input: {
    document: { name: string; content: Uint8Array };
    proof?: { name: string; content: Uint8Array } | undefined;
    receivedAt?: Date | undefined;
  },
): Promise<RegisteredLetter & { alreadyRegistered: boolean }> {
  const documentSha256 = sha256(input.document.content);
  const earlier = async () => {
    const found = await repo.findRegisteredByDocument(deps.db, deps.actor.officeId, documentSha256);
    return found
      ? {
          incomingId: found.incoming_id!,
          rpwNumber: found.rpw_sign,
          signatures: (found.signature_reports ?? []) as FileSignatures[],
          alreadyRegistered: true,
        }
      : null;
  };
  const existing = await earlier();
  if (existing) return existing;
  const letter = readEpuapDocument(input.document.content, {
    documentName: input.document.name,
    proof: input.proof,
    receivedAt: input.receivedAt,
  });
  const blob = await deps.files.put(input.document.content);
  try {
    const registered = await registerLetter(deps, letter, {
      claim: async () => true,
      complete: async (trx, done) => {
        await trx
          .insertInto('channel_messages')
          .values({
            office_id: deps.actor.officeId,
            channel: 'epuap',
            mailbox_id: null,
            external_id: `sha256:${documentSha256}`,
            state: 'registered',
            listed_at: done.now,
            envelope_sha256: blob.sha256,
            document_sha256: documentSha256,
            fetched_at: done.now,
            received_at: letter.receivedAt,
            incoming_id: done.incomingId,
            registered_at: done.now,
            signature_reports: JSON.stringify(done.signatures),
          })
          .execute();
      },
      provenance: `import zapisanego pliku ${input.document.name}`,
    });
    return { ...registered!, alreadyRegistered: false };
  } catch (error) {
    // Two imports of the same file at once: the second loses on the unique key.
    const raced = await earlier();
    if (raced) return raced;
    throw error;
  }
}
