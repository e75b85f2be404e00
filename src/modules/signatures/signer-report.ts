import type { X509Certificate } from 'node:crypto';
import { describeCertificate, isValidAt, type CertificateSummary } from './certificates.ts';
import type { ValidationReport } from './signatures.schemas.ts';
import { buildTrustChain, type TrustChain } from './trust-chain.ts';
import { problem, type ValidationProblem } from './validation-problems.ts';

/**
 * The part of a validation report that does not depend on the signature format: who signed,
 * whether their certificate was valid when they signed and whether it leads to a CA the office
 * trusts. XAdES and PAdES verification both end here.
 */
export interface VerifyOptions {
  /** CA certificates the office trusts; a chain ending elsewhere is reported `untrusted`. */
  trustAnchors?: readonly X509Certificate[];
  /** The moment of verification, used when a signature states no signing time. */
  now?: Date;
}

export interface SignerCheck {
  certificate: CertificateSummary | null;
  chain: TrustChain;
  at: Date;
}

/**
 * The signer's certificate judged at the signing time the signature states (a BES signature has
 * no timestamp, so that time is the signer's claim), or at `now` when it states none.
 * `certificates` are those carried by the signature, the candidates for intermediate CAs.
 */
export function checkSignerCertificate(
  signer: X509Certificate | null,
  evidence: { signingTime: Date | null; certificates: readonly X509Certificate[] },
  options: VerifyOptions,
  problems: ValidationProblem[],
): SignerCheck {
  if (!evidence.signingTime) problems.push(problem('signing_time_missing'));
  const at = evidence.signingTime ?? options.now ?? new Date();
  const certificate = signer ? describeCertificate(signer) : null;
  const chain = buildTrustChain(signer, evidence.certificates, options.trustAnchors ?? []);
  if (certificate) {
    if (!isValidAt(certificate, at))
      problems.push(problem('certificate_not_valid_at_signing_time'));
    if (!certificate.canSign || certificate.isCa) {
      problems.push(problem('certificate_not_for_signing'));
    }
    if (chain.status === 'untrusted') problems.push(problem('chain_untrusted'));
    const issuers = chain.path.slice(1).map(describeCertificate);
    if (issuers.some((issuer) => !isValidAt(issuer, at))) {
      problems.push(problem('issuer_not_valid_at_signing_time'));
    }
  }
  return { certificate, chain, at };
}

/** The `signer` and `certificate` fields of a report. */
export function signerFields(check: SignerCheck): Pick<ValidationReport, 'signer' | 'certificate'> {
  const { certificate, chain, at } = check;
  return {
    signer: certificate && {
      subject: certificate.subject,
      serial: certificate.serialNumber,
      issuer: certificate.issuer,
    },
    certificate: certificate && {
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      validAtSigningTime: isValidAt(certificate, at),
      chain: chain.status,
      sha256: certificate.sha256,
    },
  };
}
