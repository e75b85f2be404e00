import { joinIncomingToCase } from '../cases/cases.usecases.ts';
import { incomingScope } from '../incoming/incoming.policy.ts';
import {
  getIncomingOrThrow,
  setSenderIdentifier,
  type SenderIdentifierKind,
} from '../incoming/incoming.usecases.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { ocrErrors } from './ocr.errors.ts';
import { ocrPolicy } from './ocr.policy.ts';
import * as repo from './ocr.repository.ts';
import * as proposals from './proposals.repository.ts';

/**
 * The reading of a letter's files as the kancelaria follows it: per file queued, running, done
 * (with the mean confidence and the searchable PDF) or quarantined, with its pages; and the
 * identifiers proposed from the text.
 */
export async function getLetterReading(deps: ActorDeps, incomingId: string) {
  const { item, scope } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const files = await repo.listLetterReadings(deps.db, deps.actor.officeId, item.id);
  const pages = await repo.listPagesOfFiles(
    deps.db,
    files.map((f) => f.id),
  );
  const found = await proposals.listLetterProposals(deps.db, deps.actor.officeId, item.id);
  return {
    files: files.map((file) => ({
      fileId: file.file_id,
      name: file.original_name,
      status: file.status,
      method: file.method,
      pageCount: file.page_count,
      confidence: file.confidence,
      searchableFileId: file.searchable_file_id,
      queuedAt: file.queued_at.toISOString(),
      startedAt: file.started_at?.toISOString() ?? null,
      finishedAt: file.finished_at?.toISOString() ?? null,
      run: file.run,
      textExcerpt: file.text ? file.text.slice(0, 500) : null,
      pages: pages
        .filter((p) => p.ocr_file_id === file.id)
        .map((p) => ({
          page: p.page,
          source: p.source,
          status: p.status,
          attempts: p.attempts,
          confidence: p.confidence,
          lastError: p.last_error,
          nextAttemptAt: p.status === 'pending' ? p.next_attempt_at.toISOString() : null,
        })),
    })),
    proposals: found.map((p) => ({
      id: p.id,
      kind: p.kind,
      value: p.value,
      raw: p.raw,
      status: p.status,
      relatedCase: p.related_case_id ? { id: p.related_case_id, sign: p.related_case_sign! } : null,
      relatedLetter: p.related_incoming_id
        ? { id: p.related_incoming_id, rpwNumber: p.related_rpw_sign! }
        : null,
    })),
    allowedActions: ocrPolicy.allowedActions(deps.actor, scope),
  };
}

async function letterForAction(
  db: Executor,
  actor: Actor,
  incomingId: string,
  action: 'rerun' | 'decide',
) {
  const { item } = await getIncomingOrThrow(db, actor, incomingId);
  if (!ocrPolicy.can(actor, action, await incomingScope(db, item))) throw ocrErrors.forbidden();
  return item;
}

/** Reads a file of the letter again from its first page (after a fix, or a quarantine). */
export async function rerunLetterOcr(deps: ActorDeps, incomingId: string, fileId: string) {
  return runInTransaction(deps, async (tx) => {
    const item = await letterForAction(tx.trx, tx.actor, incomingId, 'rerun');
    const reading = await repo.findLetterReading(tx.trx, tx.actor.officeId, item.id, fileId);
    if (!reading) throw ocrErrors.fileNotRead();
    if (reading.status === 'queued' || reading.status === 'running') throw ocrErrors.inProgress();
    await repo.requeueFile(tx.trx, reading.id, tx.now, tx.actor.userId);
    await tx.record({
      action: 'ocr.requeued',
      description: `Zlecono ponowne rozpoznanie tekstu pliku przesyłki ${item.rpw_sign}`,
      subject: { type: 'incoming', id: item.id },
      payload: { fileId },
    });
    return { fileId, status: 'queued' as const };
  });
}

/**
 * Accepts a proposal in one transaction through the module that owns what it changes: an
 * identifier becomes the sender's (incoming), a case sign or RPW number of this office joins the
 * letter to that case (cases, with its own permission check and case-record row).
 */
export async function acceptProposal(deps: ActorDeps, incomingId: string, proposalId: string) {
  return runInTransaction(deps, async (tx) => {
    const item = await letterForAction(tx.trx, tx.actor, incomingId, 'decide');
    const proposal = await openProposal(tx.trx, tx.actor.officeId, item.id, proposalId);
    const joined = { db: tx.trx, clock: deps.clock, actor: tx.actor };
    if (proposal.kind === 'case_sign' || proposal.kind === 'rpw') {
      if (!proposal.related_case_id) throw ocrErrors.proposalWithoutCase();
      await joinIncomingToCase(joined, proposal.related_case_id, item.id);
    } else {
      await setSenderIdentifier(joined, item.id, {
        kind: proposal.kind satisfies SenderIdentifierKind,
        value: proposal.value,
      });
    }
    await proposals.decideProposal(tx.trx, proposal.id, {
      status: 'accepted',
      at: tx.now,
      by: tx.actor.userId,
    });
    await tx.record({
      action: 'ocr.proposal_accepted',
      description: `Przyjęto propozycję z treści przesyłki ${item.rpw_sign}: ${proposal.value}`,
      subject: { type: 'incoming', id: item.id },
      payload: { proposalId: proposal.id, kind: proposal.kind, value: proposal.value },
    });
    return { id: proposal.id, status: 'accepted' as const };
  });
}

export async function dismissProposal(deps: ActorDeps, incomingId: string, proposalId: string) {
  return runInTransaction(deps, async (tx) => {
    const item = await letterForAction(tx.trx, tx.actor, incomingId, 'decide');
    const proposal = await openProposal(tx.trx, tx.actor.officeId, item.id, proposalId);
    await proposals.decideProposal(tx.trx, proposal.id, {
      status: 'dismissed',
      at: tx.now,
      by: tx.actor.userId,
    });
    await tx.record({
      action: 'ocr.proposal_dismissed',
      description: `Odrzucono propozycję z treści przesyłki ${item.rpw_sign}: ${proposal.value}`,
      subject: { type: 'incoming', id: item.id },
      payload: { proposalId: proposal.id, kind: proposal.kind },
    });
    return { id: proposal.id, status: 'dismissed' as const };
  });
}

async function openProposal(db: Executor, officeId: string, incomingId: string, id: string) {
  const proposal = await proposals.findProposalForUpdate(db, officeId, id);
  if (!proposal || proposal.incoming_id !== incomingId) throw ocrErrors.proposalNotFound();
  if (proposal.status !== 'proposed') throw ocrErrors.proposalDecided();
  return proposal;
}

/** The searchable PDF made beside a scan (the original file stays as it came). */
export async function readSearchablePdf(
  deps: ActorDeps & { files: FileStore },
  incomingId: string,
  fileId: string,
) {
  const { item } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const searchable = await repo.findSearchableFile(deps.db, deps.actor.officeId, item.id, fileId);
  if (!searchable) throw ocrErrors.noSearchablePdf();
  return {
    content: await deps.files.get(searchable.sha256),
    fileName: searchable.original_name,
    sha256: searchable.sha256,
  };
}

/**
 * The quarantine list: every page of a letter's file that kept failing, for whoever re-runs OCR
 * in the whole office (the kancelaria); each is re-run from its letter.
 */
export async function listQuarantine(deps: ActorDeps) {
  if (!ocrPolicy.visibility(deps.actor, 'rerun').all) throw ocrErrors.forbidden();
  const rows = await repo.listQuarantinedLetterPages(deps.db, deps.actor.officeId, 500);
  return rows.map((row) => ({
    incomingId: row.incoming_id!,
    rpwNumber: row.rpw_sign,
    fileId: row.file_id,
    name: row.original_name,
    page: row.page,
    attempts: row.attempts,
    lastError: row.last_error,
    since: row.finished_at?.toISOString() ?? null,
  }));
}
