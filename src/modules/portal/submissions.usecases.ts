import { localDate } from '../../platform/clock.ts';
import type { PortalSubmissionFile } from '../../platform/db/schema.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { listItemFiles } from '../incoming/incoming.repository.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { signatureCrypto } from '../signatures/crypto.ts';
import { buildApplicationXml, renderApplicationPdf } from './application-document.ts';
import { checkAttachments, type Upload } from './attachments.ts';
import type { CitizenSession } from './citizen-sessions.usecases.ts';
import { findForm } from './forms/form-catalogue.ts';
import { validateFormValues, type FieldErrors, type FormDefinition } from './forms/form-fields.ts';
import { getPortalActor, type PortalDeps } from './portal-account.ts';
import { portalErrors } from './portal.errors.ts';
import { warsawIso } from './portal-time.ts';
import { loadReceiptSeal } from './receipt-seal.ts';
import { buildReceiptXml, renderReceiptPdf } from './receipt-document.ts';
import * as repo from './submissions.repository.ts';

/** How long one run of registration may hold a submission before another may take it over. */
const LEASE_MS = 2 * 60 * 1000;
const APPLICATION_FILE = 'wniosek.xml';
const PRINTOUT_FILE = 'wniosek.pdf';

export type SubmitResult =
  | { ok: true; submissionId: string; status: 'received' | 'registered' }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** The sender's reference of the RPW item: finds the item again if registration was cut short. */
export const submissionReference = (submissionId: string) => `PORTAL/${submissionId}`;

/**
 * A citizen submits an application. Once the values and attachments pass the form's checks,
 * the submission is received: the application document (with every attachment's SHA-256) is
 * stored and the receipt time fixed — that instant is the date of submission. Registration in
 * the RPW, dekretacja to the form's unit and the sealed acknowledgement follow at once
 * (`processSubmission`); should they fail, the portal worker completes them later.
 */
export async function submitApplication(
  deps: PortalDeps,
  session: CitizenSession,
  formId: string,
  submitted: Readonly<Record<string, string | undefined>>,
  uploads: ReadonlyArray<Upload>,
): Promise<SubmitResult> {
  const form = findForm(formId);
  if (!form) throw portalErrors.formNotFound();
  const { values, errors } = validateFormValues(form, submitted, session);
  const attachments = await checkAttachments(uploads, deps.portal, form.attachments.required);
  if (attachments.error) errors.attachments = attachments.error;
  const echo = Object.fromEntries(
    Object.entries(submitted).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: echo };

  const office = await deps.db
    .selectFrom('offices')
    .select(['id', 'code', 'name'])
    .where('id', '=', session.officeId)
    .executeTakeFirstOrThrow();
  const actor = await getPortalActor(deps, office);
  const receivedAt = deps.clock.now();
  const stored: PortalSubmissionFile[] = [];
  for (const file of attachments.files) {
    const blob = await deps.files.put(file.content);
    stored.push({
      role: 'attachment',
      name: file.name,
      sha256: blob.sha256,
      sizeBytes: blob.sizeBytes,
      contentType: file.contentType,
    });
  }
  const content = {
    form,
    values,
    officeName: office.name,
    submittedAt: receivedAt,
    attachments: stored,
  };
  const documentBlob = await deps.files.put(new TextEncoder().encode(buildApplicationXml(content)));
  const printoutBlob = await deps.files.put(await renderApplicationPdf(content));
  const files: PortalSubmissionFile[] = [
    {
      role: 'application',
      name: APPLICATION_FILE,
      ...blobFields(documentBlob),
      contentType: 'application/xml',
    },
    {
      role: 'printout',
      name: PRINTOUT_FILE,
      ...blobFields(printoutBlob),
      contentType: 'application/pdf',
    },
    ...stored,
  ];
  const title =
    form.titleField && values[form.titleField]
      ? `${form.title}: ${values[form.titleField]}`
      : form.title;
  const submission = await runInTransaction({ ...deps, actor }, async (tx) => {
    const row = await repo.insertSubmission(tx.trx, {
      office_id: office.id,
      citizen_id: session.citizenId,
      form_id: form.id,
      title: title.slice(0, 500),
      sender_name: session.name,
      sender_address: JSON.stringify({
        street: values.street,
        postalCode: values.postalCode,
        town: values.town,
        country: 'Polska',
      }),
      fields: JSON.stringify(values),
      files: JSON.stringify(files),
      document_sha256: documentBlob.sha256,
      received_at: receivedAt,
    });
    await tx.record({
      action: 'portal.submission_received',
      description: `Przyjęto w portalu mieszkańca „${form.title}” od ${session.name} (skrót SHA-256 ${documentBlob.sha256})`,
      subject: { type: 'portal_submission', id: row.id },
      payload: { formId: form.id, sha256: documentBlob.sha256 },
    });
    return row;
  });
  const status = await processSubmission(deps, submission.id);
  return { ok: true, submissionId: submission.id, status };
}

const blobFields = (blob: { sha256: string; sizeBytes: number }) => ({
  sha256: blob.sha256,
  sizeBytes: blob.sizeBytes,
});

/**
 * Registers a received submission in the RPW (channel `portal`, received time = time of
 * submission), attaches its files, assigns it to the form's unit and issues the sealed
 * acknowledgement. Every step checks what is already done, so a run cut short by a crash is
 * completed by the next one without registering anything twice.
 */
export async function processSubmission(
  deps: PortalDeps,
  submissionId: string,
): Promise<'received' | 'registered'> {
  const claimed = await repo.claimSubmission(deps.db, submissionId, deps.clock.now(), LEASE_MS);
  if (!claimed) return (await repo.findSubmission(deps.db, submissionId))?.status ?? 'received';
  try {
    const office = await deps.db
      .selectFrom('offices')
      .select(['id', 'code', 'name'])
      .where('id', '=', claimed.office_id)
      .executeTakeFirstOrThrow();
    const actor = await getPortalActor(deps, office);
    const form = findForm(claimed.form_id);
    if (!form) throw portalErrors.formNotFound({ formId: claimed.form_id });
    const item = await ensureRegistered(deps, actor, claimed, form);
    await ensureFilesAttached(deps, actor, item.id, claimed.files);
    await ensureAssigned(deps, actor, item.id, form);
    await issueReceipt(deps, actor, claimed, item, office.name);
    return 'registered';
  } catch (error) {
    deps.logger?.error({ err: error, submissionId }, 'portal submission registration failed');
    await repo.releaseSubmission(deps.db, submissionId, (error as Error).message.slice(0, 1000));
    return 'received';
  }
}

type ClaimedSubmission = NonNullable<Awaited<ReturnType<typeof repo.claimSubmission>>>;

async function ensureRegistered(
  deps: PortalDeps,
  actor: Actor,
  submission: ClaimedSubmission,
  form: FormDefinition,
) {
  const reference = submissionReference(submission.id);
  let item = await repo.findRegisteredItem(deps.db, submission.office_id, actor.userId, reference);
  if (!item) {
    const attachments = submission.files.filter((f) => f.role === 'attachment').length;
    await registerIncoming(
      { db: deps.db, clock: deps.clock, actor },
      {
        title: submission.title,
        sender: { name: submission.sender_name, address: submission.sender_address },
        letterDate: localDate(submission.received_at),
        receivedAt: warsawIso(submission.received_at),
        channel: 'portal',
        access: 'non_public',
        kind: form.title.slice(0, 100),
        attachmentsCount: attachments,
        senderReference: reference,
        deliveryMethod: 'portal mieszkańca (e-Urząd)',
        remarks: form.jrwaSymbol
          ? `Formularz „${form.title}” (wersja ${form.version}); proponowana klasa JRWA ${form.jrwaSymbol}.`
          : `Formularz „${form.title}” (wersja ${form.version}).`,
      },
    );
    item = await repo.findRegisteredItem(deps.db, submission.office_id, actor.userId, reference);
    if (!item) throw new Error('registered item not found');
  }
  if (!submission.incoming_id) {
    await deps.db
      .updateTable('portal_submissions')
      .set({ incoming_id: item.id })
      .where('id', '=', submission.id)
      .execute();
  }
  return item;
}

async function ensureFilesAttached(
  deps: PortalDeps,
  actor: Actor,
  incomingId: string,
  files: PortalSubmissionFile[],
) {
  const present = await listItemFiles(deps.db, incomingId);
  for (const file of files) {
    if (present.some((p) => p.sha256 === file.sha256 && p.original_name === file.name)) continue;
    await attachIncomingFile(
      { db: deps.db, clock: deps.clock, actor, files: deps.files },
      incomingId,
      { name: file.name, content: await deps.files.get(file.sha256) },
    );
  }
}

async function ensureAssigned(
  deps: PortalDeps,
  actor: Actor,
  incomingId: string,
  form: FormDefinition,
) {
  if (await repo.hasAssignment(deps.db, incomingId)) return;
  const unit = await repo.findRoutingUnit(deps.db, actor.officeId, form.unitSymbol);
  if (!unit) throw portalErrors.unitMissing({ unit: form.unitSymbol });
  await assignIncoming({ db: deps.db, clock: deps.clock, actor }, incomingId, {
    unitId: unit.id,
    method: `do załatwienia – ${form.title.toLowerCase()} (portal mieszkańca)`.slice(0, 500),
  });
}

async function issueReceipt(
  deps: PortalDeps,
  actor: Actor,
  submission: ClaimedSubmission,
  item: { id: string; rpw_sign: string; access_code: string | null },
  officeName: string,
) {
  if (!item.access_code) throw new Error(`incoming item ${item.rpw_sign} has no access code`);
  const application = submission.files.find((f) => f.role === 'application')!;
  const content = {
    submissionId: submission.id,
    officeName,
    receivedAt: submission.received_at,
    rpwSign: item.rpw_sign,
    senderName: submission.sender_name,
    title: submission.title,
    document: { name: application.name, sha256: application.sha256 },
    attachments: submission.files.filter((f) => f.role === 'attachment'),
    accessCode: item.access_code,
  };
  const seal = await loadReceiptSeal({ ...deps, logger: deps.logger }, actor);
  const { describeCertificate, signXmlEnveloped } = await signatureCrypto();
  const now = deps.clock.now();
  const xml = await signXmlEnveloped(seal.identity, buildReceiptXml(content), now);
  const signer = describeCertificate(seal.identity.certificate);
  const pdf = await renderReceiptPdf(content, { subject: signer.subject, kind: seal.kind });
  const xmlBlob = await deps.files.put(new TextEncoder().encode(xml));
  const pdfBlob = await deps.files.put(pdf);
  const fileBase = `potwierdzenie-zlozenia-${item.rpw_sign.replaceAll('/', '-')}`;
  await runInTransaction({ db: deps.db, clock: deps.clock, actor }, async (tx) => {
    const xmlFile = await insertStoredFile(tx.trx, tx.actor, xmlBlob, `${fileBase}.xml`);
    const pdfFile = await insertStoredFile(tx.trx, tx.actor, pdfBlob, `${fileBase}.pdf`);
    await tx.trx
      .updateTable('portal_submissions')
      .set({
        status: 'registered',
        receipt_xml_file_id: xmlFile.id,
        receipt_pdf_file_id: pdfFile.id,
        lease_until: null,
        last_error: null,
      })
      .where('id', '=', submission.id)
      .execute();
    await tx.record({
      action: 'portal.receipt_issued',
      description: `Wydano potwierdzenie złożenia pisma w portalu mieszkańca dla ${item.rpw_sign}, opatrzone ${seal.kind === 'office_seal' ? 'pieczęcią elektroniczną urzędu' : 'pieczęcią portalu'}; skrót SHA-256 pisma ${application.sha256}`,
      subject: { type: 'incoming', id: item.id },
      documentId: xmlFile.id,
      payload: { submissionId: submission.id, receiptSha256: xmlBlob.sha256 },
    });
  });
}

/** Completes submissions whose registration was interrupted (run by the portal worker). */
export async function processPendingSubmissions(deps: PortalDeps, limit = 20) {
  const pending = await repo.listPendingSubmissions(deps.db, deps.clock.now(), limit);
  let registered = 0;
  for (const { id } of pending) {
    if ((await processSubmission(deps, id)) === 'registered') registered += 1;
  }
  return { pending: pending.length, registered };
}
