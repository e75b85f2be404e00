import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/database.ts';
import type { FileStore, StoredBlob } from '../../platform/files/file-store.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { caseErrors } from '../cases/cases.errors.ts';
import { caseScope } from '../cases/cases.policy.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { canMove, moveDocument, offeredActions } from './document-lifecycle.ts';
import { documentErrors } from './documents.errors.ts';
import { documentPolicy } from './documents.policy.ts';
import * as repo from './documents.repository.ts';
import { documentMetadataSchema, type DocumentMetadata } from './documents.schemas.ts';

export interface UploadedFile {
  name: string;
  content: Uint8Array;
}

type FileDeps = ActorDeps & { files: FileStore };

/** Adds a document to a case with its first version (an upload or a rendered draft). */
export async function addDocument(
  deps: FileDeps,
  caseId: string,
  metadata: DocumentMetadata,
  file: UploadedFile,
  options: { templateId?: string } = {},
) {
  const input = documentMetadataSchema.parse(metadata);
  const blob = await deps.files.put(file.content);
  return runInTransaction(deps, (tx) =>
    addDocumentInTransaction(tx, caseId, input, { blob, fileName: file.name }, options),
  );
}

/**
 * `addDocument` inside a transaction the caller already holds, for use cases that add a document
 * as one step of a larger change (a draft rendered from a template, a delay notice). The content
 * must already be in the file store.
 */
export async function addDocumentInTransaction(
  tx: TransactionContext,
  caseId: string,
  metadata: DocumentMetadata,
  stored: { blob: StoredBlob; fileName: string },
  options: { templateId?: string } = {},
) {
  const input = documentMetadataSchema.parse(metadata);
  const { blob, fileName } = stored;
  const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'work');
  if (kase.status === 'closed') throw caseErrors.closed();
  const document = await tx.trx
    .insertInto('documents')
    .values({
      office_id: tx.actor.officeId,
      case_id: kase.id,
      kind: input.kind,
      title: input.title,
      access: input.access,
      template_id: options.templateId ?? null,
      created_by: tx.actor.userId,
      created_at: tx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.record({
    action: 'document.added',
    description: `Dodano dokument „${input.title}” (${input.kind})${options.templateId ? ` z szablonu ${options.templateId}` : ''}`,
    subject: { type: 'document', id: document.id },
    caseId: kase.id,
    documentId: document.id,
  });
  await insertVersion(tx, document.id, kase.id, blob, fileName, null);
  return { id: document.id, version: 1, sha256: blob.sha256 };
}

/** A new version of a draft; earlier versions stay as they were (versions are immutable). */
export async function addDocumentVersion(
  deps: FileDeps,
  documentId: string,
  file: UploadedFile,
  note?: string,
) {
  const blob = await deps.files.put(file.content);
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'work');
    if (document.status !== 'draft') throw documentErrors.notDraft();
    const version = await insertVersion(
      tx,
      document.id,
      document.case_id,
      blob,
      file.name,
      note ?? null,
    );
    return { id: document.id, version, sha256: blob.sha256 };
  });
}

/**
 * Withdraws a draft that will not be issued (e.g. superseded): it stays in the case with its
 * versions, marked cancelled, so the case can be closed (every draft resolved).
 */
export async function cancelDraft(deps: ActorDeps, documentId: string, reason: string) {
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'work');
    if (!canMove(document.status, 'cancel')) throw documentErrors.notDraft();
    await moveDocument(tx.trx, document, 'cancel');
    await tx.record({
      action: 'document.cancelled',
      description: `Wycofano projekt „${document.title}”: ${reason}`,
      subject: { type: 'document', id: document.id },
      caseId: document.case_id,
      documentId: document.id,
      payload: { reason },
    });
    return { id: document.id, status: 'cancelled' as const };
  });
}

async function insertVersion(
  tx: TransactionContext,
  documentId: string,
  caseId: string,
  blob: { sha256: string; sizeBytes: number; contentType: string },
  fileName: string,
  note: string | null,
) {
  const stored = await insertStoredFile(tx.trx, tx.actor, blob, fileName);
  const { current_version } = await tx.trx
    .updateTable('documents')
    .set((eb) => ({ current_version: eb('current_version', '+', 1) }))
    .where('id', '=', documentId)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  await tx.trx
    .insertInto('document_versions')
    .values({
      office_id: tx.actor.officeId,
      document_id: documentId,
      version: current_version,
      file_id: stored.id,
      sha256: blob.sha256,
      author_id: tx.actor.userId,
      created_at: tx.now,
      note,
    })
    .execute();
  await tx.record({
    action: 'document.version_added',
    description: `Wersja ${current_version} dokumentu: plik „${fileName}”, SHA-256 ${blob.sha256.slice(0, 16)}…${note ? ` – ${note}` : ''}`,
    subject: { type: 'document', id: documentId },
    caseId,
    documentId,
    payload: { version: current_version, sha256: blob.sha256 },
  });
  return current_version;
}

export async function getDocument(deps: ActorDeps, documentId: string) {
  const document = await getDocumentForAction(deps.db, deps.actor, documentId, 'read');
  const versions = await repo.listVersions(deps.db, document.id);
  const kase = await deps.db
    .selectFrom('cases')
    .select(['unit_id', 'handler_id', 'status'])
    .where('id', '=', document.case_id)
    .executeTakeFirstOrThrow();
  const mayWork = kase.status === 'open' && documentPolicy.can(deps.actor, 'work', caseScope(kase));
  return {
    id: document.id,
    caseId: document.case_id,
    kind: document.kind,
    title: document.title,
    status: document.status,
    access: document.access,
    templateId: document.template_id,
    currentVersion: document.current_version,
    createdAt: document.created_at.toISOString(),
    versions: versions.map((v) => ({
      version: v.version,
      fileId: v.file_id,
      sha256: v.sha256,
      contentType: v.content_type,
      sizeBytes: v.size_bytes,
      fileName: v.original_name,
      author: v.author,
      createdAt: v.created_at.toISOString(),
      note: v.note,
    })),
    allowedActions: mayWork ? offeredActions(document) : [],
  };
}

export async function listCaseDocuments(deps: ActorDeps, caseId: string) {
  const kase = await getCaseForAction(deps.db, deps.actor, caseId, 'read');
  const rows = await deps.db
    .selectFrom('documents')
    .select('id')
    .where('case_id', '=', kase.id)
    .orderBy('created_at')
    .orderBy('title')
    .execute();
  return Promise.all(rows.map((r) => getDocument(deps, r.id)));
}

/** The bytes of one version, checked against the SHA-256 recorded when it was stored. */
export async function readDocumentVersion(deps: FileDeps, documentId: string, version?: number) {
  const document = await getDocumentForAction(deps.db, deps.actor, documentId, 'read');
  const row = await repo.findVersionFile(deps.db, document.id, version ?? document.current_version);
  if (!row) throw documentErrors.versionNotFound();
  const content = await deps.files.get(row.sha256);
  if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
    throw documentErrors.corrupted({ sha256: row.sha256 });
  }
  return {
    content,
    contentType: row.content_type,
    fileName: row.original_name,
    version: row.version,
    sha256: row.sha256,
  };
}

/** A document is visible to whoever may see its case; 404 otherwise. */
export async function getDocumentForAction(
  db: Executor,
  actor: Actor,
  documentId: string,
  action: 'read' | 'work',
) {
  const document = await repo.findDocument(db, actor.officeId, documentId);
  if (!document) throw documentErrors.notFound();
  try {
    await getCaseForAction(db, actor, document.case_id, 'read');
  } catch {
    throw documentErrors.notFound();
  }
  if (action === 'work') await getCaseForAction(db, actor, document.case_id, 'work');
  return document;
}
