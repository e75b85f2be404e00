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
    .values({
      office_id: owner.officeId,
      sha256: blob.sha256,
      size_bytes: blob.sizeBytes,
      content_type: blob.contentType,
      original_name: originalName,
      created_by: owner.userId,
    })
    .returning(['id', 'sha256', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow();
}
