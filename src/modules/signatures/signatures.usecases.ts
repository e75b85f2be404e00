import { createHash } from 'node:crypto';
import type { FileStore } from '../../platform/files/file-store.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import { caseErrors } from '../cases/cases.errors.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import { documentErrors } from '../documents/documents.errors.ts';
import { canMove, moveDocument } from '../documents/document-lifecycle.ts';
import { findVersionFile } from '../documents/documents.repository.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { signatureCrypto } from './crypto.ts';
import { createSignatureFile, FORMAT_LABELS, SIGNATURE_CONTENT_TYPES } from './signature-files.ts';
import { loadTrustAnchors } from './signing-credentials.usecases.ts';
import { signatureErrors } from './signatures.errors.ts';
import { maySignDocument } from './signatures.policy.ts';
import * as repo from './signatures.repository.ts';
import { signDocumentSchema, type SignDocumentInput } from './signatures.schemas.ts';
import { verifySignatures } from './verify-signatures.ts';

export type FileDeps = ActorDeps & { files: FileStore };
/** `sealPassword` is the OBIEG_SEAL_PASSWORD setting, used when a seal request gives none. */
export type SignDeps = FileDeps & { sealPassword?: string | undefined };

/**
 * Signs the approved version of a document using the signer's own certificate or the office
 * seal and marks the document signed: XAdES-BES (detached, over the file's exact bytes, filed
 * as a `.xades` beside the version) or PAdES (a PDF version only: the signed PDF is filed as
 * the signature's file, the approved version itself stays untouched). The signature, its file,
 * the status change and the case-record row commit together; a wrong password or a refused
 * signer writes nothing.
 */
export async function signDocument(
  deps: SignDeps,
  documentId: string,
  rawInput: SignDocumentInput,
) {
  const input = signDocumentSchema.parse(rawInput);
  const { describeCertificate, loadSigningIdentity } = await signatureCrypto();
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'read');
    const locked = await repo.lockDocument(tx.trx, document.id);
    const round = await repo.findApprovedRound(tx.trx, document.id);
    if (!canMove(locked.status, 'sign') || round?.version !== locked.current_version) {
      throw signatureErrors.documentNotApproved({ status: locked.status });
    }
    const kase = await getCaseForAction(tx.trx, tx.actor, document.case_id, 'read');
    if (kase.status === 'closed') throw caseErrors.closed();
    if (
      !maySignDocument(tx.actor, input.credential, { kase, lastApprovers: round.lastApprovers })
    ) {
      throw signatureErrors.mayNotSign();
    }
    const credential = await repo.findUsableCredential(tx.trx, {
      officeId: tx.actor.officeId,
      kind: input.credential,
      userId: tx.actor.userId,
      at: tx.now,
      credentialId: input.credentialId,
    });
    if (!credential) throw signatureErrors.noCredential({ credential: input.credential });
    const password =
      input.password ?? (input.credential === 'office_seal' ? deps.sealPassword : undefined);
    if (!password) {
      throw input.credential === 'office_seal'
        ? signatureErrors.sealPasswordMissing()
        : signatureErrors.passwordRequired();
    }
    const identity = await loadSigningIdentity(credential.pkcs12, password);

    const version = await findVersionFile(tx.trx, document.id, locked.current_version);
    if (!version) throw documentErrors.versionNotFound();
    const content = await deps.files.get(version.sha256);
    if (createHash('sha256').update(content).digest('hex') !== version.sha256) {
      throw documentErrors.corrupted({ sha256: version.sha256 });
    }
    const { bytes, fileName } = await createSignatureFile(input.format, {
      identity,
      content,
      fileName: version.original_name,
      mimeType: version.content_type,
      signingTime: tx.now,
    });
    const blob = await deps.files.put(bytes);
    const stored = await insertStoredFile(tx.trx, tx.actor, blob, fileName);
    const signer = describeCertificate(identity.certificate);
    const signature = await repo.insertDocumentSignature(tx.trx, {
      office_id: tx.actor.officeId,
      document_id: document.id,
      version: version.version,
      format: input.format,
      file_id: stored.id,
      signer_subject: signer.subject,
      signer_serial: signer.serialNumber,
      signing_time: tx.now,
      credential_id: credential.id,
      signed_by: tx.actor.userId,
    });
    await moveDocument(tx.trx, locked, 'sign');
    const how =
      input.credential === 'office_seal'
        ? 'pieczęcią elektroniczną urzędu'
        : 'podpisem elektronicznym';
    await tx.record({
      action: 'document.signed',
      description: `Podpisano wersję ${version.version} dokumentu „${document.title}” ${how} (${FORMAT_LABELS[input.format]}): ${signer.subject}, certyfikat nr ${signer.serialNumber}`,
      subject: { type: 'document', id: document.id },
      caseId: document.case_id,
      documentId: document.id,
      payload: {
        version: version.version,
        signatureId: signature.id,
        credential: input.credential,
        format: input.format,
        signatureSha256: blob.sha256,
      },
    });
    return {
      id: signature.id,
      documentId: document.id,
      version: version.version,
      format: input.format,
      fileId: stored.id,
      fileName,
      signerSubject: signer.subject,
      signerSerial: signer.serialNumber,
      signingTime: tx.now.toISOString(),
      status: 'signed' as const,
    };
  });
}

/**
 * My desk's "waiting for my signature": approved documents in the cases I (or whoever I
 * substitute) handle, or that I approved last.
 */
export async function listDocumentsToSign(deps: ActorDeps) {
  const rows = await repo.listAwaitingSignature(
    deps.db,
    deps.actor.officeId,
    deps.actor.deskUserIds,
  );
  return rows.map((row) => ({
    documentId: row.id,
    title: row.title,
    kind: row.kind,
    version: row.current_version,
    caseId: row.case_id,
    caseSign: row.case_sign,
    caseTitle: row.case_title,
    approvedAt: row.finished_at?.toISOString() ?? null,
  }));
}

/** The signatures of a document, each re-verified now against its version's stored bytes. */
export async function listDocumentSignatures(deps: FileDeps, documentId: string) {
  const document = await getDocumentForAction(deps.db, deps.actor, documentId, 'read');
  const rows = await repo.listDocumentSignatures(deps.db, deps.actor.officeId, document.id);
  const trustAnchors = await loadTrustAnchors(deps.db, deps.actor.officeId);
  const now = deps.clock.now();
  const result = [];
  for (const row of rows) {
    const [signature, content] = await Promise.all([
      deps.files.get(row.signature_sha256),
      deps.files.get(row.content_sha256),
    ]);
    const reports = await verifySignatures(signature, content, { trustAnchors, now });
    // A signed PDF may already have held signatures; ours is the last one, covering the file.
    const report = row.format === 'pades' ? reports.at(-1) : reports[0];
    result.push({
      id: row.id,
      documentId: row.document_id,
      version: row.version,
      format: row.format,
      fileId: row.file_id,
      fileName: row.file_name,
      signerSubject: row.signer_subject,
      signerSerial: row.signer_serial,
      signingTime: row.signing_time.toISOString(),
      credentialKind: row.credential_kind,
      signedBy: row.signed_by,
      report: report!,
    });
  }
  return result;
}

/** The file of one signature of a document (`.xades`, or the signed PDF), for download. */
export async function readSignatureFile(deps: FileDeps, documentId: string, signatureId: string) {
  const document = await getDocumentForAction(deps.db, deps.actor, documentId, 'read');
  const rows = await repo.listDocumentSignatures(deps.db, deps.actor.officeId, document.id);
  const row = rows.find((r) => r.id === signatureId);
  if (!row) throw signatureErrors.signatureNotFound();
  return {
    content: await deps.files.get(row.signature_sha256),
    fileName: row.file_name,
    contentType: SIGNATURE_CONTENT_TYPES[row.format],
  };
}

/**
 * Verifies signatures in an uploaded file (an ePUAP document with its signature inside, a
 * signed PDF, or a detached `.xades` with the signed file) against the office's trusted CAs.
 * Nothing is stored.
 */
export async function verifyUploadedSignature(
  deps: ActorDeps,
  signature: Uint8Array,
  content?: Uint8Array,
) {
  const trustAnchors = await loadTrustAnchors(deps.db, deps.actor.officeId);
  return verifySignatures(signature, content, { trustAnchors, now: deps.clock.now() });
}
