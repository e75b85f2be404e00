import type { Executor } from '../db/database.ts';
import type { StoredBlob } from './file-store.ts';

/** Registers a blob of the content-addressed store as a file of the office (name, type, author). */
export async function insertStoredFile(
  db: Executor,
  owner: { officeId: string; userId: string },
  blob: StoredBlob,
  originalName: string,
) {
  return db
    .insertInto('files')
    .values(fileRow(owner, blob, originalName))
    .returning(['id', 'sha256', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow();
}

/**
 * Several blobs registered as files in one statement, each with the id the caller chose (so the
 * caller knows which row is which without relying on the order rows come back in).
 */
export async function insertStoredFiles(
  db: Executor,
  owner: { officeId: string; userId: string },
  files: Array<{ id: string; blob: StoredBlob; originalName: string }>,
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('files')
    .values(
      files.map(({ id, blob, originalName }) => ({ id, ...fileRow(owner, blob, originalName) })),
    )
    .execute();
}

function fileRow(
  owner: { officeId: string; userId: string },
  blob: StoredBlob,
  originalName: string,
) {
  return {
    office_id: owner.officeId,
    sha256: blob.sha256,
    size_bytes: blob.sizeBytes,
    content_type: blob.contentType,
    original_name: originalName,
    created_by: owner.userId,
  };
}

/**
 * Marks files as destroyed (brakowanie): the rows stay, with name, size and SHA-256. Returns the
 * contents no other kept file of any office still uses, which the caller removes from the store
 * once the transaction has committed.
 */
export async function markFilesDestroyed(
  db: Executor,
  officeId: string,
  fileIds: readonly string[],
  at: Date,
): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const destroyed = await db
    .updateTable('files')
    .set({ destroyed_at: at })
    .where('office_id', '=', officeId)
    .where('id', 'in', fileIds)
    .where('destroyed_at', 'is', null)
    .returning('sha256')
    .execute();
  const hashes = [...new Set(destroyed.map((file) => file.sha256))];
  if (hashes.length === 0) return [];
  const stillUsed = await db
    .selectFrom('files')
    .select('sha256')
    .distinct()
    .where('sha256', 'in', hashes)
    .where('destroyed_at', 'is', null)
    .execute();
  const kept = new Set(stillUsed.map((file) => file.sha256));
  return hashes.filter((hash) => !kept.has(hash));
}
