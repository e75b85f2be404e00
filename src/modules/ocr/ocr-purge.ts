import type { Executor } from '../../platform/db/database.ts';

/**
 * Brakowanie of a case: what OCR read from its letters and documents goes with their content —
 * the text, the pages and the identifier proposals (a PESEL found in a destroyed scan is content
 * too). The reading's row stays as metadata (file, status, when). Returns the searchable PDFs
 * made of those files, which the caller destroys with the originals (a copy is destroyed too).
 */
export async function removeCaseContentFromOcr(
  db: Executor,
  officeId: string,
  caseId: string,
): Promise<string[]> {
  const readings = await db
    .selectFrom('ocr_files')
    .select(['id', 'searchable_file_id'])
    .where('office_id', '=', officeId)
    .where((eb) =>
      eb.or([
        eb(
          'incoming_id',
          'in',
          eb.selectFrom('incoming_items').select('id').where('case_id', '=', caseId),
        ),
        eb(
          'document_id',
          'in',
          eb.selectFrom('documents').select('id').where('case_id', '=', caseId),
        ),
      ]),
    )
    .execute();
  await db
    .deleteFrom('identifier_proposals')
    .where('office_id', '=', officeId)
    .where('incoming_id', 'in', (eb) =>
      eb.selectFrom('incoming_items').select('id').where('case_id', '=', caseId),
    )
    .execute();
  if (readings.length === 0) return [];
  const ids = readings.map((reading) => reading.id);
  await db.deleteFrom('ocr_pages').where('ocr_file_id', 'in', ids).execute();
  await db.updateTable('ocr_files').set({ text: null }).where('id', 'in', ids).execute();
  return readings.flatMap((reading) =>
    reading.searchable_file_id ? [reading.searchable_file_id] : [],
  );
}
