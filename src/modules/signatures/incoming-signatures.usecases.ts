import { AppError } from '../../platform/errors.ts';
import { listItemFiles } from '../incoming/incoming.repository.ts';
import { getIncomingOrThrow } from '../incoming/incoming.usecases.ts';
import { signatureCrypto } from './crypto.ts';
import type { VerifyOptions } from './signer-report.ts';
import { loadTrustAnchors } from './signing-credentials.usecases.ts';
import { signatureErrors } from './signatures.errors.ts';
import type { IncomingFileSignatures, ValidationReport } from './signatures.schemas.ts';
import type { FileDeps } from './signatures.usecases.ts';

type AttachedFile = Awaited<ReturnType<typeof listItemFiles>>[number];

/**
 * Signature reports for every file attached to an incoming item: signed PDFs (PAdES), ePUAP
 * documents with their signature inside, and detached `.xades` signatures, checked against the
 * attachment of the same item they name. A file without a signature has no reports; one that
 * should hold a signature but cannot be read says why in `error`. Reports are computed on each
 * call, against the CAs the office trusts now; nothing is stored.
 */
export async function listIncomingSignatureReports(
  deps: FileDeps,
  incomingId: string,
): Promise<IncomingFileSignatures[]> {
  const { item } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const files = await listItemFiles(deps.db, item.id);
  const options: VerifyOptions = {
    trustAnchors: await loadTrustAnchors(deps.db, deps.actor.officeId),
    now: deps.clock.now(),
  };
  const read = (file: AttachedFile) => deps.files.get(file.sha256);
  const result: IncomingFileSignatures[] = [];
  for (const file of files) {
    const entry = { fileId: file.id, fileName: file.original_name, signedFileId: null };
    try {
      result.push({ ...entry, ...(await checkFile(file, files, read, options)), error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const unsigned = error.code === 'signature.no_signature';
      result.push({
        ...entry,
        reports: [],
        error: unsigned
          ? null
          : { code: error.code, message: error.message, messagePl: error.messagePl },
      });
    }
  }
  return result;
}

async function checkFile(
  file: AttachedFile,
  siblings: AttachedFile[],
  read: (file: AttachedFile) => Promise<Uint8Array>,
  options: VerifyOptions,
): Promise<{ reports: ValidationReport[]; signedFileId: string | null }> {
  const content = await read(file);
  const { isPdf, readDetachedReferences, verifyPdfSignatures, verifyXmlSignatures } =
    await signatureCrypto();
  if (isPdf(content))
    return { reports: await verifyPdfSignatures(content, options), signedFileId: null };
  // CAdES (.p7s, .p7m) is not verified yet: say so rather than report the file as unsigned.
  if (/\.(p7s|p7m)$/i.test(file.original_name)) throw signatureErrors.unsupportedFormat();
  if (!isXml(file)) return { reports: [], signedFileId: null };
  const references = readDetachedReferences(content);
  const signed = references.length > 0 ? findSignedFile(file, references, siblings) : undefined;
  const detached = signed ? await read(signed) : undefined;
  return {
    reports: await verifyXmlSignatures(content, detached, options),
    signedFileId: signed?.id ?? null,
  };
}

/** ePUAP documents and `.xades` files; HTML (an e-mail body) is never taken for a signature. */
function isXml(file: AttachedFile): boolean {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.original_name)?.[1]?.toLowerCase();
  if (extension === 'xml' || extension === 'xades') return true;
  if (extension === 'html' || extension === 'htm') return false;
  return file.content_type.includes('xml');
}

/**
 * The attachment a detached signature was made over: the one whose name its reference gives
 * (`pismo.pdf`, possibly with a path), or else the one named like the signature without
 * `.xades`, as Polish signing applications name it (`pismo.pdf.xades`).
 */
function findSignedFile(
  signature: AttachedFile,
  references: string[],
  siblings: AttachedFile[],
): AttachedFile | undefined {
  const others = siblings.filter((sibling) => sibling.id !== signature.id);
  const names = [
    ...references.map((uri) => uri.split('/').at(-1)!),
    signature.original_name.replace(/\.xades$/i, ''),
  ];
  for (const name of names) {
    const exact = others.find((sibling) => sibling.original_name === name);
    const loose = others.find((s) => s.original_name.toLowerCase() === name.toLowerCase());
    if (exact ?? loose) return exact ?? loose;
  }
  return undefined;
}
