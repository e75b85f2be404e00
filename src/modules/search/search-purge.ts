import type { Executor } from '../../platform/db/database.ts';

/**
 * Takes the text of a case's letters and documents out of the search index (brakowanie): their
 * content no longer exists. The case's own entry (sign and title, metadata that remains) stays.
 */
export async function removeCaseContentFromSearch(
  db: Executor,
  officeId: string,
  caseId: string,
): Promise<void> {
  await db
    .deleteFrom('search_entries')
    .where('office_id', '=', officeId)
    .where('case_id', '=', caseId)
    .where('subject_type', 'in', ['document', 'incoming'])
    .execute();
}
