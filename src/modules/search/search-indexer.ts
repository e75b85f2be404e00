import type { Logger } from 'pino';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import { drainOutbox, type OutboxEvent } from '../../platform/outbox/outbox.ts';
import { findAssignmentLetterIds } from '../assignments/assignments.repository.ts';
import { listFilesOfItems } from '../incoming/incoming.repository.ts';
import { findOcrTexts } from '../ocr/ocr.repository.ts';

export interface IndexerDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  logger?: Pick<Logger, 'warn'>;
}

/** Text read from one file is capped: search needs words, not whole books. */
const MAX_BODY_CHARS = 200_000;

/** Brings the search index up to date with every committed audit event. */
export async function runSearchIndexer(deps: IndexerDeps): Promise<number> {
  return drainOutbox(deps.db, {
    name: 'search',
    handle: (trx, events) => indexEvents(deps, trx, events),
  });
}

/**
 * Re-reads whatever a batch of events touched, each letter, document and case once (a letter
 * registered and given its scan in the same batch is read once), with one query per kind and one
 * upsert. Entries are rebuilt from current data, so replays are harmless.
 */
async function indexEvents(deps: IndexerDeps, trx: Executor, events: OutboxEvent[]) {
  const incomingIds = new Set<string>();
  const assignmentIds = new Set<string>();
  const documentIds = new Set<string>();
  const caseIds = new Set<string>();
  for (const event of events) {
    const payload = event.payload as { documentId?: unknown };
    if (event.subject_type === 'incoming') incomingIds.add(event.subject_id);
    if (event.subject_type === 'assignment') assignmentIds.add(event.subject_id);
    if (event.subject_type === 'document') documentIds.add(event.subject_id);
    else if (typeof payload.documentId === 'string' && isUuid(payload.documentId)) {
      documentIds.add(payload.documentId);
    }
    if (event.case_id) caseIds.add(event.case_id);
  }
  for (const id of await findAssignmentLetterIds(trx, [...assignmentIds])) incomingIds.add(id);
  const now = deps.clock.now();
  await upsertEntries(trx, [
    ...(await incomingEntries(deps, trx, [...incomingIds], now)),
    ...(await documentEntries(deps, trx, [...documentIds], now)),
    ...(await caseEntries(trx, [...caseIds], now)),
  ]);
}

async function caseEntries(trx: Executor, caseIds: string[], now: Date) {
  if (caseIds.length === 0) return [];
  const cases = await trx
    .selectFrom('cases')
    .leftJoin('incoming_items', 'incoming_items.id', 'cases.initiating_incoming_id')
    .select([
      'cases.id',
      'cases.office_id',
      'cases.sign',
      'cases.title',
      'cases.unit_id',
      'cases.handler_id',
      'cases.remarks',
      'incoming_items.sender_name',
    ])
    .where('cases.id', 'in', caseIds)
    .execute();
  return cases.map((kase): NewRow<'search_entries'> => ({
    office_id: kase.office_id,
    subject_type: 'case',
    subject_id: kase.id,
    case_id: kase.id,
    unit_id: kase.unit_id,
    owner_id: kase.handler_id,
    title: kase.title,
    reference: kase.sign,
    body: [kase.sender_name, kase.remarks].filter(Boolean).join('\n'),
    updated_at: now,
  }));
}

async function incomingEntries(deps: IndexerDeps, trx: Executor, incomingIds: string[], now: Date) {
  if (incomingIds.length === 0) return [];
  const items = await trx
    .selectFrom('incoming_items')
    .selectAll()
    .where('id', 'in', incomingIds)
    .execute();
  const filesOf = new Map<string, Array<{ id: string; sha256: string; content_type: string }>>();
  for (const file of await listFilesOfItems(trx, incomingIds)) {
    filesOf.set(file.incoming_id, [...(filesOf.get(file.incoming_id) ?? []), file]);
  }
  const ocrTexts = await findOcrTexts(
    trx,
    [...filesOf.values()].flat().map((file) => file.id),
  );
  const entries: NewRow<'search_entries'>[] = [];
  for (const item of items) {
    const texts = [];
    for (const file of filesOf.get(item.id) ?? []) {
      texts.push(ocrTexts.get(file.id) ?? (await readText(deps, file.sha256, file.content_type)));
    }
    entries.push({
      office_id: item.office_id,
      subject_type: 'incoming',
      subject_id: item.id,
      case_id: item.case_id,
      unit_id: null,
      owner_id: item.registered_by,
      title: item.title,
      reference: item.rpw_sign,
      body: [item.sender_name, ...texts].join('\n').slice(0, MAX_BODY_CHARS),
      updated_at: now,
    });
  }
  return entries;
}

async function documentEntries(deps: IndexerDeps, trx: Executor, documentIds: string[], now: Date) {
  if (documentIds.length === 0) return [];
  const documents = await trx
    .selectFrom('documents')
    .innerJoin('cases', 'cases.id', 'documents.case_id')
    .leftJoin('document_versions', (join) =>
      join
        .onRef('document_versions.document_id', '=', 'documents.id')
        .onRef('document_versions.version', '=', 'documents.current_version'),
    )
    .leftJoin('files', 'files.id', 'document_versions.file_id')
    .select([
      'documents.id',
      'documents.office_id',
      'documents.title',
      'documents.case_id',
      'cases.sign',
      'cases.unit_id',
      'cases.handler_id',
      'files.id as file_id',
      'files.sha256',
      'files.content_type',
    ])
    .where('documents.id', 'in', documentIds)
    .execute();
  const ocrTexts = await findOcrTexts(
    trx,
    documents.flatMap((d) => (d.file_id ? [d.file_id] : [])),
  );
  const entries: NewRow<'search_entries'>[] = [];
  for (const document of documents) {
    entries.push({
      office_id: document.office_id,
      subject_type: 'document',
      subject_id: document.id,
      case_id: document.case_id,
      unit_id: document.unit_id,
      owner_id: document.handler_id,
      title: document.title,
      reference: document.sign,
      body:
        (document.file_id && ocrTexts.get(document.file_id)) ??
        (document.sha256 ? await readText(deps, document.sha256, document.content_type ?? '') : ''),
      updated_at: now,
    });
  }
  return entries;
}

/**
 * Words of a stored file: plain text as is, PDFs through their text layer. A scan's words come
 * from OCR instead (`findOcrTexts`; the letter is indexed again when its OCR finishes); a file
 * we cannot read is logged, not fatal.
 */
async function readText(deps: IndexerDeps, sha256: string, contentType: string) {
  try {
    if (contentType.startsWith('text/')) {
      return (await deps.files.get(sha256)).toString('utf8').slice(0, MAX_BODY_CHARS);
    }
    if (contentType === 'application/pdf') {
      // pdf-lib loads with the first PDF the indexer reads (see bin/server-bundle.js).
      const { extractPdfText } = await import('../../platform/files/pdf-text.ts');
      const { pages } = await extractPdfText(new Uint8Array(await deps.files.get(sha256)));
      return pages.join('\n').slice(0, MAX_BODY_CHARS);
    }
  } catch (error) {
    deps.logger?.warn({ err: error, sha256 }, 'search: cannot read text of a file');
  }
  return '';
}

async function upsertEntries(trx: Executor, entries: NewRow<'search_entries'>[]) {
  if (entries.length === 0) return;
  await trx
    .insertInto('search_entries')
    .values(entries)
    .onConflict((oc) =>
      oc.columns(['subject_type', 'subject_id']).doUpdateSet((eb) => ({
        case_id: eb.ref('excluded.case_id'),
        unit_id: eb.ref('excluded.unit_id'),
        owner_id: eb.ref('excluded.owner_id'),
        title: eb.ref('excluded.title'),
        reference: eb.ref('excluded.reference'),
        body: eb.ref('excluded.body'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
