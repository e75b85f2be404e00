import { z } from '@hono/zod-openapi';
import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { insertStoredFile, markFilesDestroyed } from '../../platform/files/stored-files.ts';
import { findCaseDocumentFileIds } from '../documents/document-content.ts';
import { findCaseLetterFileIds } from '../incoming/incoming.repository.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { removeCaseContentFromOcr } from '../ocr/ocr-purge.ts';
import { removeCaseContentFromSearch } from '../search/search-purge.ts';
import { archiveErrors } from './archive.errors.ts';
import { archivePolicy } from './archive.policy.ts';
import { commissionAnswersSchema, consentSchema, legalHoldSchema } from './archive.schemas.ts';

const ANYWHERE = { unitIds: [], ownerIds: [] };
type FileDeps = ActorDeps & { files: FileStore };

function assertMayDispose(deps: ActorDeps) {
  if (!archivePolicy.can(deps.actor, 'dispose', ANYWHERE)) throw archiveErrors.forbidden();
}

/**
 * Spis dokumentacji niearchiwalnej for a year: every held case whose period ends by 1 January
 * of that year — B<n> for disposal, BE<n> for the state archive's expert review — and that is on
 * no open list. Nothing is destroyed here.
 */
export async function prepareDisposalList(deps: ActorDeps, input: { year: number }) {
  assertMayDispose(deps);
  const year = z.number().int().min(1990).max(2200).parse(input.year);
  const due = `${year}-01-01`;
  const id = await runInTransaction(deps, async (tx) => {
    const number = await takeNextNumber(tx.trx, {
      officeId: tx.actor.officeId,
      name: 'disposal-list',
      scope: '',
      year: localYear(tx.now),
    });
    const candidates = await tx.trx
      .selectFrom('archive_holdings as h')
      .innerJoin('cases', 'cases.id', 'h.case_id')
      .select([
        'h.case_id',
        'cases.archival_category',
        'cases.disposal_from',
        'cases.expert_review_from',
      ])
      .where('h.office_id', '=', tx.actor.officeId)
      .where('h.destroyed_at', 'is', null)
      .where((eb) =>
        eb.or([eb('cases.disposal_from', '<=', due), eb('cases.expert_review_from', '<=', due)]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('disposal_list_items as i')
              .innerJoin('disposal_lists as l', 'l.id', 'i.list_id')
              .select('i.case_id')
              .whereRef('i.case_id', '=', 'h.case_id')
              .where('l.status', '!=', 'executed'),
          ),
        ),
      )
      .orderBy('cases.jrwa_symbol')
      .orderBy('cases.sign')
      .execute();
    if (candidates.length === 0) throw archiveErrors.nothingDue();
    const sign = `SDN/${number}/${localYear(tx.now)}`;
    const list = await tx.trx
      .insertInto('disposal_lists')
      .values({
        office_id: tx.actor.officeId,
        year: localYear(tx.now),
        number,
        sign,
        prepared_by: tx.actor.userId,
        prepared_at: tx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.trx
      .insertInto('disposal_list_items')
      .values(
        candidates.map((row, i) => ({
          office_id: tx.actor.officeId,
          list_id: list.id,
          case_id: row.case_id,
          position: i + 1,
          category: row.archival_category ?? '',
          kind: row.expert_review_from ? ('expert_review' as const) : ('disposal' as const),
        })),
      )
      .execute();
    await tx.record({
      action: 'archive.disposal_list_prepared',
      description: `Sporządzono spis dokumentacji niearchiwalnej ${sign} (${candidates.length} poz.)`,
      subject: { type: 'disposal_list', id: list.id },
    });
    return list.id;
  });
  return getDisposalList(deps, id);
}

/**
 * The archive commission's answer for each item (for BE<n> items: the expert review's outcome,
 * where "keep" means the records become permanent). Only while the list is a draft.
 */
export async function answerDisposalItems(
  deps: ActorDeps,
  listId: string,
  rawInput: z.input<typeof commissionAnswersSchema>,
) {
  assertMayDispose(deps);
  const input = commissionAnswersSchema.parse(rawInput);
  await runInTransaction(deps, async (tx) => {
    const list = await listForUpdate(tx.trx, tx.actor.officeId, listId);
    if (list.status !== 'draft') throw archiveErrors.disposalState();
    for (const answer of input.answers) {
      const updated = await tx.trx
        .updateTable('disposal_list_items')
        .set({ commission_answer: answer.answer, commission_remarks: answer.remarks ?? null })
        .where('list_id', '=', list.id)
        .where('case_id', '=', answer.caseId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        throw archiveErrors.notOnList({ caseId: answer.caseId });
    }
    await tx.record({
      action: 'archive.disposal_answered',
      description: `Komisja archiwalna: stanowisko do ${input.answers.length} poz. spisu ${list.sign}`,
      subject: { type: 'disposal_list', id: list.id },
    });
  });
  return getDisposalList(deps, listId);
}

/** The list goes to the state archive, once the commission answered every item. */
export async function submitDisposalList(deps: ActorDeps, listId: string) {
  assertMayDispose(deps);
  await runInTransaction(deps, async (tx) => {
    const list = await listForUpdate(tx.trx, tx.actor.officeId, listId);
    if (list.status !== 'draft') throw archiveErrors.disposalState();
    const unanswered = await tx.trx
      .selectFrom('disposal_list_items')
      .select('position')
      .where('list_id', '=', list.id)
      .where('commission_answer', 'is', null)
      .execute();
    if (unanswered.length > 0)
      throw archiveErrors.unanswered({ positions: unanswered.map((row) => row.position) });
    await tx.trx
      .updateTable('disposal_lists')
      .set({ status: 'submitted', submitted_at: tx.now })
      .where('id', '=', list.id)
      .execute();
    await tx.record({
      action: 'archive.disposal_submitted',
      description: `Przekazano archiwum państwowemu spis ${list.sign} z wnioskiem o zgodę na brakowanie`,
      subject: { type: 'disposal_list', id: list.id },
    });
  });
  return getDisposalList(deps, listId);
}

/** The state archive's consent, filed as a document with its number and date. */
export async function recordDisposalConsent(
  deps: FileDeps,
  listId: string,
  rawInput: z.input<typeof consentSchema>,
  document: { name: string; content: Uint8Array },
) {
  assertMayDispose(deps);
  const input = consentSchema.parse(rawInput);
  const blob = await deps.files.put(document.content);
  await runInTransaction(deps, async (tx) => {
    const list = await listForUpdate(tx.trx, tx.actor.officeId, listId);
    if (list.status !== 'submitted') throw archiveErrors.disposalState();
    const file = await insertStoredFile(tx.trx, tx.actor, blob, document.name);
    await tx.trx
      .updateTable('disposal_lists')
      .set({
        status: 'consented',
        consent_number: input.number,
        consent_date: input.date,
        consent_file_id: file.id,
        consent_recorded_at: tx.now,
      })
      .where('id', '=', list.id)
      .execute();
    await tx.record({
      action: 'archive.disposal_consented',
      description: `Zgoda archiwum państwowego na brakowanie (spis ${list.sign}): nr ${input.number} z ${input.date}`,
      subject: { type: 'disposal_list', id: list.id },
      documentId: file.id,
    });
  });
  return getDisposalList(deps, listId);
}

/** A legal hold (a court, an audit, a claim) stops a held case's disposal; null lifts it. */
export async function setLegalHold(
  deps: ActorDeps,
  caseId: string,
  rawInput: { reason: string | null },
) {
  assertMayDispose(deps);
  const input = legalHoldSchema.parse(rawInput);
  await runInTransaction(deps, async (tx) => {
    const holding = await tx.trx
      .updateTable('archive_holdings')
      .set({ legal_hold_reason: input.reason })
      .where('office_id', '=', tx.actor.officeId)
      .where('case_id', '=', caseId)
      .returning('case_id')
      .executeTakeFirst();
    if (!holding) throw archiveErrors.notHeld();
    await tx.record({
      action: input.reason ? 'archive.legal_hold_set' : 'archive.legal_hold_lifted',
      description: input.reason
        ? `Wstrzymano brakowanie akt: ${input.reason}`
        : 'Zniesiono wstrzymanie brakowania akt',
      subject: { type: 'case', id: caseId },
      caseId,
    });
  });
}

/**
 * Destruction, only after the state archive's consent, and item by item after a second check:
 * the commission's answer, a legal hold, records on loan, an appeal term still running, a case
 * joined to a longer-kept one. Destroyed cases lose the content of their letters and documents
 * (files and search text); their metadata, record and this list stay, with the protocol.
 */
export async function executeDisposal(deps: FileDeps, listId: string) {
  assertMayDispose(deps);
  const removable = await runInTransaction(deps, async (tx) => {
    const list = await listForUpdate(tx.trx, tx.actor.officeId, listId);
    if (list.status !== 'consented') throw archiveErrors.disposalState();
    const today = localDate(tx.now);
    const items = await tx.trx
      .selectFrom('disposal_list_items as i')
      .innerJoin('cases', 'cases.id', 'i.case_id')
      .innerJoin('archive_holdings as h', 'h.case_id', 'i.case_id')
      .select([
        'i.case_id',
        'i.position',
        'i.kind',
        'i.category',
        'i.commission_answer',
        'cases.sign',
        'cases.title',
        'cases.parent_case_id',
        'h.legal_hold_reason',
      ])
      .where('i.list_id', '=', list.id)
      .orderBy('i.position')
      .execute();
    const destroyedIds = new Set(
      items.filter((item) => item.commission_answer === 'destroy').map((item) => item.case_id),
    );
    const removable: string[] = [];
    const outcomes: Array<{ position: number; sign: string; title: string; outcome: string }> = [];
    for (const item of items) {
      const reason = await reasonToKeep(tx.trx, item, destroyedIds, today);
      if (reason) {
        destroyedIds.delete(item.case_id);
        await tx.trx
          .updateTable('disposal_list_items')
          .set({ outcome: 'kept', outcome_reason: reason })
          .where('list_id', '=', list.id)
          .where('case_id', '=', item.case_id)
          .execute();
        outcomes.push({ ...item, outcome: `pozostawiono: ${reason}` });
        continue;
      }
      const fileIds = [
        ...(await findCaseDocumentFileIds(tx.trx, tx.actor.officeId, item.case_id)),
        ...(await findCaseLetterFileIds(tx.trx, tx.actor.officeId, item.case_id)),
        // The searchable PDFs OCR made of them are copies of the same content.
        ...(await removeCaseContentFromOcr(tx.trx, tx.actor.officeId, item.case_id)),
      ];
      removable.push(...(await markFilesDestroyed(tx.trx, tx.actor.officeId, fileIds, tx.now)));
      await removeCaseContentFromSearch(tx.trx, tx.actor.officeId, item.case_id);
      await tx.trx
        .updateTable('archive_holdings')
        .set({ destroyed_at: tx.now })
        .where('case_id', '=', item.case_id)
        .execute();
      await tx.trx
        .updateTable('disposal_list_items')
        .set({ outcome: 'destroyed' })
        .where('list_id', '=', list.id)
        .where('case_id', '=', item.case_id)
        .execute();
      await tx.record({
        action: 'archive.case_destroyed',
        description: `Zniszczono dokumentację sprawy (kat. ${item.category}) na podstawie spisu ${list.sign} i zgody archiwum państwowego nr ${list.consent_number}; metadane i metryka pozostają`,
        subject: { type: 'disposal_list', id: list.id },
        caseId: item.case_id,
      });
      outcomes.push({ ...item, outcome: `zniszczono (${fileIds.length} plików)` });
    }
    const protocol = disposalProtocol(list, outcomes, tx.actor.name, today);
    const blob = await deps.files.put(new TextEncoder().encode(protocol));
    const file = await insertStoredFile(
      tx.trx,
      tx.actor,
      blob,
      `protokol-zniszczenia-${list.sign.replaceAll('/', '-')}.txt`,
    );
    await tx.trx
      .updateTable('disposal_lists')
      .set({
        status: 'executed',
        executed_by: tx.actor.userId,
        executed_at: tx.now,
        protocol_file_id: file.id,
      })
      .where('id', '=', list.id)
      .execute();
    await tx.record({
      action: 'archive.disposal_executed',
      description: `Protokół zniszczenia dokumentacji niearchiwalnej (spis ${list.sign}): zniszczono ${outcomes.filter((o) => o.outcome.startsWith('zniszczono')).length}, pozostawiono ${outcomes.filter((o) => o.outcome.startsWith('pozostawiono')).length}`,
      subject: { type: 'disposal_list', id: list.id },
      documentId: file.id,
    });
    return removable;
  });
  // The rows say "destroyed" from the commit on; the bytes go after it. A crash in between
  // leaves unreferenced bytes, never a kept file without its content.
  for (const sha256 of removable) await deps.files.remove(sha256);
  return getDisposalList(deps, listId);
}

/** The office's disposal lists, newest first: the archivist comes back to a list over weeks. */
export async function listDisposalLists(deps: ActorDeps) {
  assertMayDispose(deps);
  const lists = await deps.db
    .selectFrom('disposal_lists')
    .select(['id', 'sign', 'year', 'status', 'prepared_at', 'executed_at'])
    .select((eb) =>
      eb
        .selectFrom('disposal_list_items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('disposal_list_items.list_id', '=', 'disposal_lists.id')
        .as('items'),
    )
    .where('office_id', '=', deps.actor.officeId)
    .orderBy('prepared_at', 'desc')
    .limit(500)
    .execute();
  return lists.map((list) => ({
    id: list.id,
    sign: list.sign,
    year: list.year,
    status: list.status,
    preparedAt: list.prepared_at.toISOString(),
    executedAt: list.executed_at?.toISOString() ?? null,
    items: Number(list.items ?? 0),
  }));
}

export async function getDisposalList(deps: ActorDeps, listId: string) {
  assertMayDispose(deps);
  const list = await deps.db
    .selectFrom('disposal_lists')
    .selectAll()
    .where('office_id', '=', deps.actor.officeId)
    .where('id', '=', listId)
    .executeTakeFirst();
  if (!list) throw archiveErrors.disposalListNotFound();
  const items = await deps.db
    .selectFrom('disposal_list_items as i')
    .innerJoin('cases', 'cases.id', 'i.case_id')
    .select([
      'i.position',
      'i.case_id',
      'i.category',
      'i.kind',
      'i.commission_answer',
      'i.commission_remarks',
      'i.outcome',
      'i.outcome_reason',
      'cases.sign',
      'cases.title',
    ])
    .where('i.list_id', '=', list.id)
    .orderBy('i.position')
    .execute();
  return {
    id: list.id,
    sign: list.sign,
    status: list.status,
    preparedAt: list.prepared_at.toISOString(),
    submittedAt: list.submitted_at?.toISOString() ?? null,
    consent: list.consent_number
      ? { number: list.consent_number, date: list.consent_date, fileId: list.consent_file_id }
      : null,
    executedAt: list.executed_at?.toISOString() ?? null,
    protocolFileId: list.protocol_file_id,
    items: items.map((item) => ({
      position: item.position,
      caseId: item.case_id,
      sign: item.sign,
      title: item.title,
      category: item.category,
      kind: item.kind,
      commissionAnswer: item.commission_answer,
      commissionRemarks: item.commission_remarks,
      outcome: item.outcome,
      outcomeReason: item.outcome_reason,
    })),
  };
}

/** The second check at execution: why a listed case must not be destroyed today, if it must not. */
async function reasonToKeep(
  db: Executor,
  item: {
    case_id: string;
    kind: 'disposal' | 'expert_review';
    commission_answer: 'destroy' | 'keep' | null;
    parent_case_id: string | null;
    legal_hold_reason: string | null;
  },
  destroyedIds: ReadonlySet<string>,
  today: string,
): Promise<string | null> {
  if (item.commission_answer !== 'destroy')
    return item.kind === 'expert_review'
      ? 'ekspertyza archiwum państwowego: materiały archiwalne (kategoria A)'
      : 'stanowisko komisji archiwalnej';
  if (item.legal_hold_reason) return `wstrzymanie brakowania: ${item.legal_hold_reason}`;
  const onLoan = await db
    .selectFrom('archive_loans')
    .select('id')
    .where('case_id', '=', item.case_id)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (onLoan) return 'akta udostępnione (niezwrócone)';
  const appeal = await db
    .selectFrom('outgoing_items')
    .select('appeal_due')
    .where('case_id', '=', item.case_id)
    .where('appeal_due', '>=', today)
    .executeTakeFirst();
  if (appeal) return `biegnie termin odwołania (do ${appeal.appeal_due})`;
  // A case joined to another (a sub-case and its parent) goes only with it.
  const related = await db
    .selectFrom('cases')
    .select(['id', 'sign'])
    .where((eb) =>
      eb.or([
        eb('parent_case_id', '=', item.case_id),
        ...(item.parent_case_id ? [eb('id', '=', item.parent_case_id)] : []),
      ]),
    )
    .execute();
  const kept = related.find((kase) => !destroyedIds.has(kase.id));
  if (kept) return `sprawa połączona z dłużej przechowywaną ${kept.sign}`;
  return null;
}

async function listForUpdate(trx: Tx, officeId: string, listId: string) {
  const list = await trx
    .selectFrom('disposal_lists')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', listId)
    .forUpdate()
    .executeTakeFirst();
  if (!list) throw archiveErrors.disposalListNotFound();
  return list;
}

function disposalProtocol(
  list: { sign: string; consent_number: string | null; consent_date: string | null },
  outcomes: Array<{ position: number; sign: string; title: string; outcome: string }>,
  executedBy: string,
  today: string,
): string {
  const lines = [
    'PROTOKÓŁ ZNISZCZENIA DOKUMENTACJI NIEARCHIWALNEJ',
    '',
    `Spis dokumentacji niearchiwalnej: ${list.sign}`,
    `Zgoda archiwum państwowego: nr ${list.consent_number} z dnia ${list.consent_date}`,
    `Data wykonania: ${today}; wykonał(a): ${executedBy}`,
    '',
    'Lp. | Znak sprawy | Tytuł | Wynik',
    ...outcomes.map((o) => `${o.position} | ${o.sign} | ${o.title} | ${o.outcome}`),
    '',
    'Zniszczono treść pism i dokumentów (pliki i tekst w wyszukiwarce). Metadane spraw, ich metryki,',
    'spis i niniejszy protokół są przechowywane.',
    '',
  ];
  return lines.join('\n');
}
