import type { X509Certificate } from 'node:crypto';
import type { Executor } from '../../platform/db/database.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import type { CertificateSummary } from './certificates.ts';
import { signatureCrypto } from './crypto.ts';
import { signatureErrors } from './signatures.errors.ts';
import { mayManageOfficeSignatures } from './signatures.policy.ts';
import * as repo from './signatures.repository.ts';
import { addCredentialSchema, type AddCredentialInput } from './signatures.schemas.ts';

/**
 * Registers a PKCS#12 file to sign with: a person's own certificate, or (administrator only)
 * the office seal. The file is opened with the password to prove it holds a usable signing key
 * and certificate; the password itself is not kept.
 */
export async function addSigningCredential(
  deps: ActorDeps,
  rawInput: AddCredentialInput,
  p12: Uint8Array,
) {
  const input = addCredentialSchema.parse(rawInput);
  if (input.kind === 'office_seal' && !mayManageOfficeSignatures(deps.actor)) {
    throw signatureErrors.forbidden();
  }
  if (input.kind === 'personal' && deps.actor.kind !== 'person') throw signatureErrors.forbidden();
  const { describeCertificate, loadSigningIdentity } = await signatureCrypto();
  const identity = await loadSigningIdentity(p12, input.password);
  const certificate = describeCertificate(identity.certificate);
  assertUsableForSigning(certificate, deps.clock.now());
  return runInTransaction(deps, async (tx) => {
    const row = await repo.insertCredential(tx.trx, {
      office_id: tx.actor.officeId,
      kind: input.kind,
      user_id: input.kind === 'personal' ? tx.actor.userId : null,
      label: input.label ?? certificate.subject,
      pkcs12: p12,
      subject: certificate.subject,
      issuer: certificate.issuer,
      serial_number: certificate.serialNumber,
      not_before: certificate.notBefore,
      not_after: certificate.notAfter,
      certificate_sha256: certificate.sha256,
      created_by: tx.actor.userId,
      created_at: tx.now,
    });
    if (!row) throw signatureErrors.credentialExists();
    await tx.record({
      action: 'signing_credential.added',
      description: `Dodano ${input.kind === 'office_seal' ? 'pieczęć elektroniczną urzędu' : 'certyfikat do podpisu'}: ${certificate.subject}, nr ${certificate.serialNumber}, ważny do ${certificate.notAfter.toISOString().slice(0, 10)}`,
      subject: { type: 'signing_credential', id: row.id },
      payload: { kind: input.kind, sha256: certificate.sha256 },
    });
    return {
      id: row.id,
      kind: input.kind,
      userId: input.kind === 'personal' ? tx.actor.userId : null,
      label: input.label ?? certificate.subject,
      ...formatSummary(certificate),
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function listSigningCredentials(deps: ActorDeps) {
  const rows = await repo.listCredentials(deps.db, deps.actor.officeId, deps.actor.userId);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    label: row.label,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: row.not_before.toISOString(),
    notAfter: row.not_after.toISOString(),
    createdAt: row.created_at.toISOString(),
  }));
}

/** Adds a CA certificate (DER or PEM) whose signatures the office trusts when verifying. */
export async function addTrustAnchor(deps: ActorDeps, certificateBytes: Uint8Array) {
  if (!mayManageOfficeSignatures(deps.actor)) throw signatureErrors.forbidden();
  const { describeCertificate, parseCertificate } = await signatureCrypto();
  const certificate = parseCertificate(certificateBytes);
  const summary = describeCertificate(certificate);
  if (!summary.isCa) throw signatureErrors.invalidCertificate({ reason: 'not a CA certificate' });
  return runInTransaction(deps, async (tx) => {
    const row = await repo.insertTrustAnchor(tx.trx, {
      office_id: tx.actor.officeId,
      certificate: new Uint8Array(certificate.raw),
      subject: summary.subject,
      issuer: summary.issuer,
      serial_number: summary.serialNumber,
      not_before: summary.notBefore,
      not_after: summary.notAfter,
      sha256: summary.sha256,
      created_by: tx.actor.userId,
      created_at: tx.now,
    });
    if (!row) throw signatureErrors.trustAnchorExists();
    await tx.record({
      action: 'signature_trust_anchor.added',
      description: `Dodano zaufany urząd certyfikacji: ${summary.subject}`,
      subject: { type: 'signature_trust_anchor', id: row.id },
      payload: { sha256: summary.sha256 },
    });
    return {
      id: row.id,
      ...formatSummary(summary),
      sha256: summary.sha256,
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function listTrustAnchors(deps: ActorDeps) {
  const rows = await repo.listTrustAnchors(deps.db, deps.actor.officeId);
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: row.not_before.toISOString(),
    notAfter: row.not_after.toISOString(),
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  }));
}

/** The office's trusted CA certificates, ready for chain building. */
export async function loadTrustAnchors(db: Executor, officeId: string): Promise<X509Certificate[]> {
  const rows = await repo.listTrustAnchors(db, officeId);
  const { parseCertificate } = await signatureCrypto();
  return rows.map((row) => parseCertificate(row.certificate));
}

function assertUsableForSigning(certificate: CertificateSummary, now: Date) {
  if (certificate.notAfter.getTime() < now.getTime()) {
    throw signatureErrors.certificateExpired({ notAfter: certificate.notAfter.toISOString() });
  }
  if (certificate.notBefore.getTime() > now.getTime()) {
    throw signatureErrors.certificateNotYetValid({
      notBefore: certificate.notBefore.toISOString(),
    });
  }
  if (certificate.isCa || !certificate.canSign) throw signatureErrors.notSigningCertificate();
}

function formatSummary(certificate: CertificateSummary) {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}
