import type { Executor } from '../../platform/db/database.ts';
import { UNRESOLVED_STATUSES } from './document-lifecycle.ts';

export function findDocument(db: Executor, officeId: string, documentId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

/** Drafts of a case not yet approved, signed or cancelled. */
export function listUnresolvedDocuments(db: Executor, caseId: string) {
  return db
    .selectFrom('documents')
    .select(['title', 'status'])
    .where('case_id', '=', caseId)
    .where('status', 'in', UNRESOLVED_STATUSES)
    .execute();
}

/** The versions of a document with their files and authors, oldest first. */
export function listVersions(db: Executor, documentId: string) {
  return db
    .selectFrom('document_versions')
    .innerJoin('files', 'files.id', 'document_versions.file_id')
    .innerJoin('users', 'users.id', 'document_versions.author_id')
    .select([
      'document_versions.version',
      'document_versions.file_id',
      'document_versions.sha256',
      'document_versions.created_at',
      'document_versions.note',
      'files.content_type',
      'files.size_bytes',
      'files.original_name',
      'users.name as author',
    ])
    .where('document_versions.document_id', '=', documentId)
    .orderBy('document_versions.version')
    .execute();
}

/** One version's file (the current one when `version` is not given by the caller). */
export function findVersionFile(db: Executor, documentId: string, version: number) {
  return db
    .selectFrom('document_versions')
    .innerJoin('files', 'files.id', 'document_versions.file_id')
    .select([
      'document_versions.version',
      'document_versions.sha256',
      'files.content_type',
      'files.original_name',
    ])
    .where('document_versions.document_id', '=', documentId)
    .where('document_versions.version', '=', version)
    .executeTakeFirst();
}
