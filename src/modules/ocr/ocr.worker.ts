import type { Logger } from 'pino';
import type { Actor } from '../../platform/actor/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import { drainOutbox, type OutboxEvent } from '../../platform/outbox/outbox.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { proposeIdentifiers } from './identifier-proposals.ts';
import {
  OCR_IMAGE_TYPES,
  hasTextLayer,
  mergeSearchablePdf,
  ocrPage,
  readPdfTextLayer,
} from './ocr-tools.ts';
import * as repo from './ocr.repository.ts';

export interface OcrDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  logger?: Pick<Logger, 'warn'>;
}

export interface OcrOptions {
  /** Pages read at the same time (one tesseract process each). */
  workers: number;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  dpi: number;
  languages: string;
  /** Asked between pages: the process is stopping, leave the rest for the next run. */
  stopping?: () => boolean;
}

/** A text file's or a page's text is capped: search and proposals need words, not books. */
const MAX_TEXT_CHARS = 200_000;
/**
 * A run reads pages for about this long, then finishes the files that are complete: the first
 * letters of a long queue become findable without waiting for the whole queue.
 */
const RUN_BUDGET_MS = 60_000;
const PDF = 'application/pdf';

/**
 * One run of the OCR worker: attachments of the committed audit events are queued, queued files
 * get their pages (PDF pages with a text layer are taken as they are), due pages are read by
 * tesseract `workers` at a time, and files with every page read or quarantined are finished —
 * text, confidence, the searchable PDF beside the original, the identifier proposals and an
 * audit event that makes the search indexer read the letter again. Registration never waits for
 * any of it.
 */
export async function runOcrWorker(deps: OcrDeps, options: OcrOptions) {
  const queued = await drainOutbox(deps.db, {
    name: 'ocr',
    handle: (trx, events) => queueAttachments(trx, events, deps.clock.now()),
  });
  const planned = await planQueuedFiles(deps, options);
  const pages = await readDuePages(deps, options);
  const finished = await finishReadFiles(deps);
  return { queued, planned, pages, finished };
}

const isReadable = (contentType: string) =>
  contentType in OCR_IMAGE_TYPES || contentType === PDF || contentType === 'text/plain';

/** Files attached to letters and document versions, queued once each. */
async function queueAttachments(trx: Executor, events: OutboxEvent[], now: Date) {
  const letterFiles = new Map<string, string>();
  const documentVersions: Array<{ documentId: string; version: number }> = [];
  for (const event of events) {
    const payload = event.payload as { documentId?: unknown; version?: unknown };
    if (event.action === 'incoming.file_attached' && typeof payload.documentId === 'string') {
      letterFiles.set(payload.documentId, event.subject_id);
    }
    if (event.action === 'document.added' || event.action === 'document.version_added') {
      const version = typeof payload.version === 'number' ? payload.version : 1;
      documentVersions.push({ documentId: event.subject_id, version });
    }
  }
  const documentFiles = new Map<string, string>();
  if (documentVersions.length > 0) {
    const versions = await trx
      .selectFrom('document_versions')
      .select(['document_id', 'file_id'])
      .where((eb) =>
        eb.or(
          documentVersions.map((v) =>
            eb.and([eb('document_id', '=', v.documentId), eb('version', '=', v.version)]),
          ),
        ),
      )
      .execute();
    for (const v of versions) documentFiles.set(v.file_id, v.document_id);
  }
  const fileIds = [...letterFiles.keys(), ...documentFiles.keys()];
  if (fileIds.length === 0) return;
  const files = await trx
    .selectFrom('files')
    .select(['id', 'office_id', 'content_type', 'created_by'])
    .where('id', 'in', fileIds)
    .where('destroyed_at', 'is', null)
    .execute();
  await repo.queueFiles(
    trx,
    files
      // A document's text file is indexed by search as it is and has no proposals to make.
      .filter(
        (file) =>
          isReadable(file.content_type) &&
          (letterFiles.has(file.id) || file.content_type !== 'text/plain'),
      )
      .map((file) => ({
        office_id: file.office_id,
        file_id: file.id,
        incoming_id: letterFiles.get(file.id) ?? null,
        document_id: letterFiles.has(file.id) ? null : (documentFiles.get(file.id) ?? null),
        requested_by: file.created_by,
        queued_at: now,
      })),
  );
}

/**
 * The pages of queued files: a text file is one page of text, an image one page for OCR, a PDF
 * one page per page — its text layer where it has one, OCR where it has none. A PDF that cannot
 * be opened is one page for OCR, which fails, is retried and lands in quarantine.
 */
async function planQueuedFiles(deps: OcrDeps, options: OcrOptions) {
  let planned = 0;
  for (const file of await repo.listUnplannedFiles(deps.db, 50)) {
    const now = deps.clock.now();
    const page = (n: number, fields: Partial<NewRow<'ocr_pages'>>): NewRow<'ocr_pages'> => ({
      ocr_file_id: file.id,
      page: n,
      source: 'ocr',
      next_attempt_at: now,
      ...fields,
    });
    let pages: NewRow<'ocr_pages'>[] = [page(1, {})];
    try {
      if (file.content_type === 'text/plain') {
        const text = (await deps.files.get(file.sha256)).toString('utf8');
        pages = [page(1, { source: 'text', status: 'done', text: text.slice(0, MAX_TEXT_CHARS) })];
      } else if (file.content_type === PDF) {
        const layer = await readPdfTextLayer(await deps.files.get(file.sha256), options.timeoutMs);
        pages = layer.pages.map((text, i) =>
          hasTextLayer(text)
            ? page(i + 1, { source: 'text_layer', status: 'done', text: text.trim() })
            : page(i + 1, {}),
        );
      }
    } catch (error) {
      // Read by OCR instead: its attempts, back-off and quarantine say what went wrong.
      deps.logger?.warn({ err: error, ocrFileId: file.id }, 'ocr: cannot read the file layout');
    }
    if (await repo.planFile(deps.db, file.id, pages)) planned += 1;
  }
  return planned;
}

/** Due pages, `workers` at a time, until none is due (or the process is stopping). */
async function readDuePages(deps: OcrDeps, options: OcrOptions) {
  let read = 0;
  const until = performance.now() + RUN_BUDGET_MS;
  const worker = async () => {
    while (!options.stopping?.() && performance.now() < until) {
      const now = deps.clock.now();
      // A page is held for three timeouts (rasterising, OCR, saving); a crashed worker's ends.
      const leaseUntil = new Date(now.getTime() + 3 * options.timeoutMs);
      const page = await deps.db
        .transaction()
        .execute((trx) => repo.claimDuePage(trx, now, leaseUntil));
      if (!page) return;
      await readPage(deps, options, page);
      read += 1;
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  return read;
}

async function readPage(
  deps: OcrDeps,
  options: OcrOptions,
  page: {
    ocr_file_id: string;
    page: number;
    attempts: number;
    sha256: string;
    content_type: string;
  },
) {
  const key = { ocrFileId: page.ocr_file_id, page: page.page };
  try {
    const content = await deps.files.get(page.sha256);
    const kind =
      page.content_type === PDF
        ? { pdfPage: page.page }
        : { image: OCR_IMAGE_TYPES[page.content_type] ?? 'png' };
    const reading = await ocrPage(content, kind, options);
    await repo.savePageReading(deps.db, key, {
      ...reading,
      text: reading.text.slice(0, MAX_TEXT_CHARS),
    });
  } catch (error) {
    const attempts = page.attempts + 1;
    const quarantine = attempts >= options.maxAttempts;
    const message = error instanceof Error ? error.message : String(error);
    deps.logger?.warn(
      { ocrFileId: page.ocr_file_id, page: page.page, attempts, quarantine, error: message },
      'ocr: page failed',
    );
    const retryAt = new Date(
      deps.clock.now().getTime() + options.retryBaseMs * 2 ** (attempts - 1),
    );
    await repo.savePageFailure(deps.db, key, {
      error: message.slice(0, 1000),
      quarantine,
      retryAt,
    });
  }
}

/**
 * Files with no page left to read: their text and mean confidence, the searchable PDF (when
 * every page was read; a quarantined page leaves none), the letter's identifier proposals and
 * the audit event `ocr.finished` when tesseract read a page — one transaction per file.
 */
async function finishReadFiles(deps: OcrDeps) {
  let finished = 0;
  for (const file of await repo.listReadFiles(deps.db, 50)) {
    const pages = await repo.listPages(deps.db, file.id);
    const ocrPages = pages.filter((p) => p.source === 'ocr');
    const quarantined = pages.filter((p) => p.status === 'quarantined');
    const confidences = ocrPages.flatMap((p) => (p.confidence === null ? [] : [p.confidence]));
    const confidence =
      confidences.length === 0
        ? null
        : Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10;
    const method =
      ocrPages.length > 0
        ? 'ocr'
        : pages.some((p) => p.source === 'text_layer')
          ? 'text_layer'
          : 'text';
    const text = pages
      .map((p) => p.text ?? '')
      .join('\n\n')
      .slice(0, MAX_TEXT_CHARS);
    let searchable: Awaited<ReturnType<FileStore['put']>> | null = null;
    if (method === 'ocr' && quarantined.length === 0) {
      try {
        const original = file.content_type === PDF ? await deps.files.get(file.sha256) : null;
        const merged = await mergeSearchablePdf(
          pages.map((p) => (p.pdf ? { pdf: p.pdf } : { originalPage: p.page })),
          original,
        );
        searchable = await deps.files.put(merged);
      } catch (error) {
        deps.logger?.warn({ err: error, ocrFileId: file.id }, 'ocr: searchable PDF failed');
      }
    }
    const status = quarantined.length > 0 ? 'quarantined' : 'done';
    const done = await runInTransaction(
      { db: deps.db, clock: deps.clock, actor: ocrActor(file.office_id, file.requested_by) },
      async (tx) => {
        const saved = await repo.finishFile(tx.trx, file.id, {
          status,
          method,
          confidence,
          text,
          at: tx.now,
        });
        // Another node finished it first: nothing of this run is kept.
        if (!saved) return false;
        const searchableFile = searchable
          ? await insertStoredFile(
              tx.trx,
              { officeId: file.office_id, userId: file.requested_by },
              searchable,
              searchableName(file.original_name),
            )
          : null;
        if (searchableFile) await repo.setSearchableFile(tx.trx, file.id, searchableFile.id);
        // Only text OCR produced is news to the search index (it reads text files and text
        // layers itself): the event makes the indexer read the letter or document again.
        if (method === 'ocr') {
          const outcome =
            status === 'done'
              ? `odczytano ${pages.length} str.${confidence === null ? '' : `, pewność ${confidence}%`}`
              : `${quarantined.length} z ${pages.length} str. w kwarantannie`;
          await tx.record({
            action: 'ocr.finished',
            description: `Rozpoznano tekst pliku „${file.original_name}” (${outcome})`,
            subject: file.incoming_id
              ? { type: 'incoming', id: file.incoming_id }
              : { type: 'document', id: file.document_id! },
            payload: {
              fileId: file.file_id,
              status,
              confidence,
              pages: pages.length,
              quarantinedPages: quarantined.map((p) => p.page),
              searchableFileId: searchableFile?.id ?? null,
            },
          });
        }
        if (file.incoming_id) {
          await proposeIdentifiers(
            tx.trx,
            { officeId: file.office_id, incomingId: file.incoming_id },
            await repo.listLetterTexts(tx.trx, file.incoming_id),
            tx.now,
          );
        }
        return true;
      },
    );
    if (done) finished += 1;
  }
  return finished;
}

const searchableName = (name: string) =>
  `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.przeszukiwalny.pdf`.slice(0, 255);

/**
 * The audit events of the background reading name the person whose file it is (who attached it
 * or asked for the re-run) and say that OCR did it; they change no case record.
 */
function ocrActor(officeId: string, userId: string): Actor {
  return {
    userId,
    officeId,
    officeName: '',
    login: 'ocr',
    name: 'Rozpoznawanie tekstu (OCR)',
    post: 'proces systemowy',
    unitId: '',
    kind: 'system',
    grants: [],
    deskUserIds: [],
    unitParents: new Map(),
  };
}
