import type { Executor } from '../../platform/db/database.ts';

/**
 * Every file that holds the content of a case's documents: each version and each signature.
 * Brakowanie destroys these; the documents' metadata stays.
 */
export async function findCaseDocumentFileIds(
  db: Executor,
  officeId: string,
  caseId: string,
): Promise<string[]> {
  const versions = await db
    .selectFrom('document_versions')
    .innerJoin('documents', 'documents.id', 'document_versions.document_id')
    .select('document_versions.file_id')
    .where('documents.office_id', '=', officeId)
    .where('documents.case_id', '=', caseId)
    .execute();
  const signatures = await db
    .selectFrom('document_signatures')
    .innerJoin('documents', 'documents.id', 'document_signatures.document_id')
    .select('document_signatures.file_id')
    .where('documents.office_id', '=', officeId)
    .where('documents.case_id', '=', caseId)
    .execute();
  return [...versions, ...signatures].map((row) => row.file_id);
}
