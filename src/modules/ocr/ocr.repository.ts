import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** Files waiting to be read; the same file is queued once (a replayed event changes nothing). */
export async function queueFiles(db: Executor, rows: NewRow<'ocr_files'>[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('ocr_files')
    .values(rows)
    .onConflict((oc) => oc.columns(['office_id', 'file_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Queued files whose pages are not known yet, with what is needed to read them. */
export function listUnplannedFiles(db: Executor, limit: number) {
  return db
    .selectFrom('ocr_files')
    .innerJoin('files', 'files.id', 'ocr_files.file_id')
    .select(['ocr_files.id', 'files.sha256', 'files.content_type'])
    .where('ocr_files.status', '=', 'queued')
    .where('ocr_files.page_count', 'is', null)
    .orderBy('ocr_files.queued_at')
    .limit(limit)
    .execute();
}

/** Enters a file's pages; false when another node planned it first. */
export async function planFile(
  db: Executor,
  ocrFileId: string,
  pages: NewRow<'ocr_pages'>[],
): Promise<boolean> {
  const planned = await db
    .updateTable('ocr_files')
    .set({ page_count: pages.length })
    .where('id', '=', ocrFileId)
    .where('page_count', 'is', null)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (Number(planned.numUpdatedRows) === 0) return false;
  await db.insertInto('ocr_pages').values(pages).execute();
  return true;
}

/**
 * Takes the next due page for OCR (its lease keeps other workers and nodes off it); the file is
 * running from its first page on.
 */
export async function claimDuePage(db: Executor, now: Date, leaseUntil: Date) {
  const page = await db
    .selectFrom('ocr_pages')
    .innerJoin('ocr_files', 'ocr_files.id', 'ocr_pages.ocr_file_id')
    .innerJoin('files', 'files.id', 'ocr_files.file_id')
    .select([
      'ocr_pages.ocr_file_id',
      'ocr_pages.page',
      'ocr_pages.attempts',
      'files.sha256',
      'files.content_type',
    ])
    .where('ocr_pages.status', '=', 'pending')
    .where('ocr_pages.source', '=', 'ocr')
    .where('ocr_pages.next_attempt_at', '<=', now)
    .where((eb) =>
      eb.or([eb('ocr_pages.lease_until', 'is', null), eb('ocr_pages.lease_until', '<', now)]),
    )
    .orderBy('ocr_pages.next_attempt_at')
    .orderBy('ocr_pages.ocr_file_id')
    .orderBy('ocr_pages.page')
    .limit(1)
    .forUpdate('ocr_pages')
    .skipLocked()
    .executeTakeFirst();
  if (!page) return null;
  await db
    .updateTable('ocr_pages')
    .set({ lease_until: leaseUntil })
    .where('ocr_file_id', '=', page.ocr_file_id)
    .where('page', '=', page.page)
    .execute();
  await db
    .updateTable('ocr_files')
    .set({ status: 'running', started_at: sql`coalesce(started_at, ${now})` })
    .where('id', '=', page.ocr_file_id)
    .execute();
  return page;
}

export async function savePageReading(
  db: Executor,
  page: { ocrFileId: string; page: number },
  reading: { text: string; confidence: number | null; pdf: Uint8Array },
) {
  await db
    .updateTable('ocr_pages')
    .set((eb) => ({
      status: 'done',
      attempts: eb('attempts', '+', 1),
      text: reading.text,
      confidence: reading.confidence,
      pdf: Buffer.from(reading.pdf),
      lease_until: null,
      last_error: null,
    }))
    .where('ocr_file_id', '=', page.ocrFileId)
    .where('page', '=', page.page)
    .execute();
}

/** A failed attempt: the page waits `retryAt`, or is quarantined after its last attempt. */
export async function savePageFailure(
  db: Executor,
  page: { ocrFileId: string; page: number },
  failure: { error: string; quarantine: boolean; retryAt: Date },
) {
  await db
    .updateTable('ocr_pages')
    .set((eb) => ({
      status: failure.quarantine ? 'quarantined' : 'pending',
      attempts: eb('attempts', '+', 1),
      next_attempt_at: failure.retryAt,
      lease_until: null,
      last_error: failure.error,
    }))
    .where('ocr_file_id', '=', page.ocrFileId)
    .where('page', '=', page.page)
    .execute();
}

/** Files every page of which is read or quarantined, not yet finished. */
export function listReadFiles(db: Executor, limit: number) {
  return db
    .selectFrom('ocr_files')
    .innerJoin('files', 'files.id', 'ocr_files.file_id')
    .select([
      'ocr_files.id',
      'ocr_files.office_id',
      'ocr_files.file_id',
      'ocr_files.incoming_id',
      'ocr_files.document_id',
      'ocr_files.requested_by',
      'files.sha256',
      'files.content_type',
      'files.original_name',
    ])
    .where('ocr_files.status', 'in', ['queued', 'running'])
    .where('ocr_files.page_count', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ocr_pages')
            .select('ocr_pages.page')
            .whereRef('ocr_pages.ocr_file_id', '=', 'ocr_files.id')
            .where('ocr_pages.status', '=', 'pending'),
        ),
      ),
    )
    .orderBy('ocr_files.queued_at')
    .limit(limit)
    .execute();
}

export function listPages(db: Executor, ocrFileId: string) {
  return db
    .selectFrom('ocr_pages')
    .selectAll()
    .where('ocr_file_id', '=', ocrFileId)
    .orderBy('page')
    .execute();
}

/** Writes the outcome once (false when another node finished it first) and drops page PDFs. */
export async function finishFile(
  db: Executor,
  ocrFileId: string,
  outcome: {
    status: 'done' | 'quarantined';
    method: 'ocr' | 'text_layer' | 'text';
    confidence: number | null;
    text: string;
    at: Date;
  },
): Promise<boolean> {
  const finished = await db
    .updateTable('ocr_files')
    .set({
      status: outcome.status,
      method: outcome.method,
      confidence: outcome.confidence,
      text: outcome.text,
      finished_at: outcome.at,
    })
    .where('id', '=', ocrFileId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (Number(finished.numUpdatedRows) === 0) return false;
  await db
    .updateTable('ocr_pages')
    .set({ pdf: null })
    .where('ocr_file_id', '=', ocrFileId)
    .execute();
  return true;
}

/** The searchable PDF made of a file (a new file of the office, beside the original). */
export async function setSearchableFile(db: Executor, ocrFileId: string, fileId: string) {
  await db
    .updateTable('ocr_files')
    .set({ searchable_file_id: fileId })
    .where('id', '=', ocrFileId)
    .execute();
}

/** The reading of a letter's files, for the kancelaria's view, in the order they were attached. */
export function listLetterReadings(db: Executor, officeId: string, incomingId: string) {
  return db
    .selectFrom('ocr_files')
    .innerJoin('files', 'files.id', 'ocr_files.file_id')
    .innerJoin('incoming_files', (join) =>
      join
        .onRef('incoming_files.file_id', '=', 'ocr_files.file_id')
        .onRef('incoming_files.incoming_id', '=', 'ocr_files.incoming_id'),
    )
    .select([
      'ocr_files.id',
      'ocr_files.file_id',
      'ocr_files.status',
      'ocr_files.method',
      'ocr_files.page_count',
      'ocr_files.confidence',
      'ocr_files.searchable_file_id',
      'ocr_files.queued_at',
      'ocr_files.started_at',
      'ocr_files.finished_at',
      'ocr_files.run',
      'ocr_files.text',
      'files.original_name',
    ])
    .where('ocr_files.office_id', '=', officeId)
    .where('ocr_files.incoming_id', '=', incomingId)
    .orderBy('incoming_files.seq')
    .execute();
}

export function listPagesOfFiles(db: Executor, ocrFileIds: readonly string[]) {
  if (ocrFileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ocr_pages')
    .select([
      'ocr_file_id',
      'page',
      'source',
      'status',
      'attempts',
      'confidence',
      'last_error',
      'next_attempt_at',
    ])
    .where('ocr_file_id', 'in', ocrFileIds)
    .orderBy('ocr_file_id')
    .orderBy('page')
    .execute();
}

/** Texts of a letter's read files (OCR, text layer or text), for its identifier proposals. */
export async function listLetterTexts(db: Executor, incomingId: string) {
  const rows = await db
    .selectFrom('ocr_files')
    .select('text')
    .where('incoming_id', '=', incomingId)
    .where('status', 'in', ['done', 'quarantined'])
    .where('text', 'is not', null)
    .orderBy('queued_at')
    .execute();
  return rows.map((row) => row.text!);
}

/**
 * The text OCR produced for these files (at least one page read by tesseract), by file id: the
 * search indexer takes it instead of reading the file itself.
 */
export async function findOcrTexts(db: Executor, fileIds: readonly string[]) {
  if (fileIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('ocr_files')
    .select(['file_id', 'text'])
    .where('file_id', 'in', fileIds)
    .where('method', '=', 'ocr')
    .where('status', 'in', ['done', 'quarantined'])
    .execute();
  return new Map(rows.map((row) => [row.file_id, row.text ?? '']));
}

/** Starts a file's reading again from the beginning (a re-run): its pages are read anew. */
export async function requeueFile(db: Executor, ocrFileId: string, now: Date, by: string) {
  await db.deleteFrom('ocr_pages').where('ocr_file_id', '=', ocrFileId).execute();
  await db
    .updateTable('ocr_files')
    .set((eb) => ({
      status: 'queued',
      method: null,
      page_count: null,
      confidence: null,
      text: null,
      searchable_file_id: null,
      started_at: null,
      finished_at: null,
      queued_at: now,
      requested_by: by,
      run: eb('run', '+', 1),
    }))
    .where('id', '=', ocrFileId)
    .execute();
}

export function findLetterReading(
  db: Executor,
  officeId: string,
  incomingId: string,
  fileId: string,
) {
  return db
    .selectFrom('ocr_files')
    .select(['id', 'status', 'file_id'])
    .where('office_id', '=', officeId)
    .where('incoming_id', '=', incomingId)
    .where('file_id', '=', fileId)
    .forUpdate()
    .executeTakeFirst();
}

export function findSearchableFile(
  db: Executor,
  officeId: string,
  incomingId: string,
  fileId: string,
) {
  return db
    .selectFrom('ocr_files')
    .innerJoin('files', 'files.id', 'ocr_files.searchable_file_id')
    .select(['files.sha256', 'files.original_name'])
    .where('ocr_files.office_id', '=', officeId)
    .where('ocr_files.incoming_id', '=', incomingId)
    .where('ocr_files.file_id', '=', fileId)
    .executeTakeFirst();
}

/** The office's quarantine: pages of letters' files that kept failing, the latest first. */
export function listQuarantinedLetterPages(db: Executor, officeId: string, limit: number) {
  return db
    .selectFrom('ocr_pages')
    .innerJoin('ocr_files', 'ocr_files.id', 'ocr_pages.ocr_file_id')
    .innerJoin('files', 'files.id', 'ocr_files.file_id')
    .innerJoin('incoming_items', 'incoming_items.id', 'ocr_files.incoming_id')
    .select([
      'ocr_files.incoming_id',
      'incoming_items.rpw_sign',
      'ocr_files.file_id',
      'files.original_name',
      'ocr_pages.page',
      'ocr_pages.attempts',
      'ocr_pages.last_error',
      'ocr_files.finished_at',
    ])
    .where('ocr_files.office_id', '=', officeId)
    .where('ocr_pages.status', '=', 'quarantined')
    .where('ocr_files.status', '=', 'quarantined')
    .orderBy('ocr_files.finished_at', 'desc')
    .orderBy('ocr_files.id')
    .orderBy('ocr_pages.page')
    .limit(limit)
    .execute();
}

/** Files of every office by reading state, for monitoring the OCR backlog. */
export function countFilesByStatus(db: Executor) {
  return db
    .selectFrom('ocr_files')
    .select((eb) => ['status', eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
}
