import type { X509Certificate } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { ValidationReport } from '../signatures/signatures.schemas.ts';
import { verifySignatures } from '../signatures/verify-signatures.ts';
import type { InboundFile } from './inbound-letter.ts';

/** The signatures found in one file of a message, verified when the message was registered. */
export interface FileSignatures {
  file: string;
  role: InboundFile['role'];
  reports: ValidationReport[];
}

const looksSigned = (file: InboundFile) => {
  const head = Buffer.from(file.content.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return true;
  if (!/\.(xml|xades|xds)$/i.test(file.name) && !head.startsWith('<')) return false;
  return Buffer.from(file.content).includes('http://www.w3.org/2000/09/xmldsig#');
};

/**
 * Verifies every signature the message carries: the enveloped XAdES of an ePUAP document, signed
 * PDFs, detached `.xades` (with the file they name beside them) and the service's seal on its
 * proofs. A file without a signature gives no entry; the document's absence of one is visible
 * as no entry for it.
 */
export async function checkSignatures(
  files: InboundFile[],
  options: { trustAnchors: readonly X509Certificate[]; now: Date },
): Promise<FileSignatures[]> {
  const byName = new Map(files.map((f) => [f.name, f.content]));
  const results: FileSignatures[] = [];
  for (const file of files) {
    if (!looksSigned(file)) continue;
    const detached = /\.xades$/i.test(file.name) ? byName.get(file.name.slice(0, -6)) : undefined;
    try {
      const reports = await verifySignatures(file.content, detached, options);
      results.push({ file: file.name, role: file.role, reports });
    } catch (error) {
      // No signature, or a format the verifier does not read: nothing to report for this file.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return results;
}

/** One line per signature for the register's remarks and the command line. */
export function describeSignatures(checks: FileSignatures[]): string[] {
  return checks.flatMap((check) =>
    check.reports.map((report) => {
      const verdict = report.valid ? 'ważny' : 'NIEWAŻNY';
      const who = report.signer?.subject ?? 'nieznany podpisujący';
      const when = report.signingTime ? `, ${report.signingTime}` : '';
      const problems = report.problems.length
        ? ` (${report.problems.map((p) => p.messagePl).join('; ')})`
        : '';
      return `Podpis ${check.file}: ${verdict} – ${who}${when}${problems}`;
    }),
  );
}
