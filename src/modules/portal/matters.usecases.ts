import { createHash } from 'node:crypto';
import { localDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { recordDelivery } from '../dispatch/dispatch.usecases.ts';
import { signatureCrypto } from '../signatures/crypto.ts';
import { loadCaseProgress, type CaseProgress } from './case-progress.ts';
import type { CitizenSession } from './citizen-sessions.usecases.ts';
import { buildDeliveryProofXml } from './delivery-proof-document.ts';
import { findForm } from './forms/form-catalogue.ts';
import { MATTER_STATUS_TEXT } from './matter-status.ts';
import * as repo from './matters.repository.ts';
import { getPortalActor, type PortalDeps } from './portal-account.ts';
import { portalErrors } from './portal.errors.ts';
import { loadReceiptSeal } from './receipt-seal.ts';

export interface LetterView {
  outgoingId: string;
  rkwSign: string;
  title: string;
  kind: string | null;
  availableAt: Date;
  downloadedAt: Date | null;
  deliveredOn: string | null;
  deliveryKind: string | null;
  appealDue: string | null;
  appealTerm: string | null;
}

export interface MatterView {
  id: string;
  title: string;
  formTitle: string;
  receivedAt: Date;
  rpwSign: string | null;
  /** Printed on the acknowledgement: opens the status lookup without signing in. */
  accessCode: string | null;
  receiptReady: boolean;
  progress: CaseProgress;
  letters: LetterView[];
  /** Letters made available and not yet downloaded. */
  lettersWaiting: number;
}

type ReadDeps = { db: Db; clock: Clock };

/** The citizen's matters, newest first: each application with its status and letters. */
export async function listMyMatters(
  deps: ReadDeps,
  session: CitizenSession,
): Promise<MatterView[]> {
  const rows = await repo.listCitizenSubmissions(deps.db, session.citizenId);
  return Promise.all(rows.map((row) => buildMatterView(deps, session, row)));
}

export async function getMyMatter(
  deps: ReadDeps,
  session: CitizenSession,
  submissionId: string,
): Promise<MatterView> {
  const row = await findOwnSubmission(deps.db, session, submissionId);
  return buildMatterView(deps, session, row);
}

async function findOwnSubmission(db: Db, session: CitizenSession, submissionId: string) {
  if (!/^[0-9a-f-]{36}$/.test(submissionId)) throw portalErrors.notFound();
  const row = await repo.findCitizenSubmission(db, session.citizenId, submissionId);
  if (!row) throw portalErrors.notFound();
  return row;
}

type SubmissionRow = NonNullable<Awaited<ReturnType<typeof repo.findCitizenSubmission>>>;

async function buildMatterView(
  deps: ReadDeps,
  session: CitizenSession,
  row: SubmissionRow,
): Promise<MatterView> {
  const form = findForm(row.form_id);
  const item = row.incoming_id ? await repo.findItem(deps.db, row.incoming_id) : undefined;
  const today = localDate(deps.clock.now());
  const progress: CaseProgress =
    item && row.status === 'registered'
      ? await loadCaseProgress(deps.db, today, item, form?.term)
      : {
          status: 'received',
          ...MATTER_STATUS_TEXT.received,
          caseSign: null,
          caseId: null,
          deadline: null,
          delayNotice: null,
          decision: null,
          delivery: null,
          timeline: [{ on: localDate(row.received_at), what: 'Wpływ pisma do urzędu' }],
        };
  const letters = progress.caseId
    ? (await repo.listCitizenLetters(deps.db, session.citizenId, progress.caseId)).map(toLetterView)
    : [];
  return {
    id: row.id,
    title: row.title,
    formTitle: form?.title ?? row.title,
    receivedAt: row.received_at,
    rpwSign: item?.rpw_sign ?? null,
    accessCode: item?.access_code ?? null,
    receiptReady: Boolean(row.receipt_xml_file_id && row.receipt_pdf_file_id),
    progress,
    letters,
    lettersWaiting: letters.filter((l) => !l.downloadedAt && !l.deliveredOn).length,
  };
}

function toLetterView(
  row: Awaited<ReturnType<typeof repo.listCitizenLetters>>[number],
): LetterView {
  return {
    outgoingId: row.outgoing_id,
    rkwSign: row.rkw_sign,
    title: row.title ?? 'Pismo urzędu',
    kind: row.kind,
    availableAt: row.available_at,
    downloadedAt: row.downloaded_at,
    deliveredOn: row.delivered_on,
    deliveryKind: row.delivery_kind,
    appealDue: row.appeal_due,
    appealTerm: row.appeal_term,
  };
}

export interface Download {
  content: Uint8Array;
  contentType: string;
  fileName: string;
}

/** The sealed potwierdzenie złożenia pisma of one of the citizen's submissions, as XML or PDF. */
export async function readMyReceipt(
  deps: ReadDeps & { files: FileStore },
  session: CitizenSession,
  submissionId: string,
  format: 'xml' | 'pdf',
): Promise<Download> {
  const row = await findOwnSubmission(deps.db, session, submissionId);
  const fileId = format === 'xml' ? row.receipt_xml_file_id : row.receipt_pdf_file_id;
  if (!fileId) throw portalErrors.notFound();
  return readStoredFile(deps, fileId);
}

/** The citizen's own application: the printable copy or the submitted XML document. */
export async function readMyApplication(
  deps: ReadDeps & { files: FileStore },
  session: CitizenSession,
  submissionId: string,
  role: 'application' | 'printout',
): Promise<Download> {
  const row = await findOwnSubmission(deps.db, session, submissionId);
  const file = row.files.find((f) => f.role === role);
  if (!file) throw portalErrors.notFound();
  return {
    content: await readVerified(deps.files, file.sha256),
    contentType: file.contentType,
    fileName: file.name,
  };
}

async function readStoredFile(
  deps: ReadDeps & { files: FileStore },
  fileId: string,
): Promise<Download> {
  const file = await deps.db
    .selectFrom('files')
    .select(['sha256', 'content_type', 'original_name'])
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return {
    content: await readVerified(deps.files, file.sha256),
    contentType: file.content_type,
    fileName: file.original_name,
  };
}

async function readVerified(files: FileStore, sha256: string): Promise<Uint8Array> {
  const content = await files.get(sha256);
  if (createHash('sha256').update(content).digest('hex') !== sha256) {
    throw new AppError(
      'file.corrupted',
      500,
      'Stored file does not match its checksum.',
      'Plik jest uszkodzony.',
    );
  }
  return new Uint8Array(content);
}

/**
 * The citizen downloads a letter the office sent through the portal. The first download of a
 * letter not yet delivered is its delivery (KPA art. 39 § 1: delivery to an account in the office's
 * system happens on collection; there is no fiction for it): a sealed potwierdzenie odbioru w
 * portalu is filed and the delivery recorded in the outgoing register and the case record (which
 * starts the appeal term of a decision). Later downloads change nothing.
 */
export async function downloadLetter(
  deps: PortalDeps,
  session: CitizenSession,
  outgoingId: string,
): Promise<Download> {
  if (!/^[0-9a-f-]{36}$/.test(outgoingId)) throw portalErrors.notFound();
  const letter = await deps.db
    .selectFrom('portal_letters')
    .innerJoin('outgoing_items', 'outgoing_items.id', 'portal_letters.outgoing_id')
    .innerJoin('documents', 'documents.id', 'outgoing_items.document_id')
    .innerJoin('document_versions', (join) =>
      join
        .onRef('document_versions.document_id', '=', 'documents.id')
        .onRef('document_versions.version', '=', 'documents.current_version'),
    )
    .innerJoin('files', 'files.id', 'document_versions.file_id')
    .leftJoin('cases', 'cases.id', 'outgoing_items.case_id')
    .select([
      'portal_letters.available_at',
      'portal_letters.downloaded_at',
      'outgoing_items.id',
      'outgoing_items.office_id',
      'outgoing_items.rkw_sign',
      'outgoing_items.status',
      'documents.title',
      'document_versions.sha256',
      'files.content_type',
      'files.original_name',
      'cases.sign as case_sign',
    ])
    .where('portal_letters.citizen_id', '=', session.citizenId)
    .where('portal_letters.outgoing_id', '=', outgoingId)
    .executeTakeFirst();
  if (!letter || (letter.status !== 'sent' && letter.status !== 'delivered')) {
    throw portalErrors.notFound();
  }
  const content = await readVerified(deps.files, letter.sha256);
  if (letter.status === 'sent') {
    const office = await deps.db
      .selectFrom('offices')
      .select(['id', 'code', 'name'])
      .where('id', '=', letter.office_id)
      .executeTakeFirstOrThrow();
    const actor = await getPortalActor(deps, office);
    const now = deps.clock.now();
    const seal = await loadReceiptSeal({ ...deps, logger: deps.logger }, actor);
    const { signXmlEnveloped } = await signatureCrypto();
    const proof = await signXmlEnveloped(
      seal.identity,
      buildDeliveryProofXml({
        officeName: office.name,
        rkwSign: letter.rkw_sign,
        caseSign: letter.case_sign,
        title: letter.title,
        fileName: letter.original_name,
        sha256: letter.sha256,
        recipientName: session.name,
        availableAt: letter.available_at,
        downloadedAt: now,
      }),
      now,
    );
    try {
      await recordDelivery(
        { db: deps.db, clock: deps.clock, actor, files: deps.files },
        letter.id,
        { kind: 'electronic_proof', deliveredOn: localDate(now) },
        {
          name: `potwierdzenie-odbioru-w-portalu-${letter.rkw_sign.replaceAll('/', '-')}.xml`,
          content: new TextEncoder().encode(proof),
        },
      );
    } catch (error) {
      // Delivered meanwhile (another download): the first delivery stands.
      if (!(error instanceof AppError && error.code === 'dispatch.wrong_state')) throw error;
    }
  }
  if (!letter.downloaded_at) {
    await deps.db
      .updateTable('portal_letters')
      .set({ downloaded_at: deps.clock.now() })
      .where('outgoing_id', '=', letter.id)
      .where('downloaded_at', 'is', null)
      .execute();
  }
  return { content, contentType: letter.content_type, fileName: letter.original_name };
}
