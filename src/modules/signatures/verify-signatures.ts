import { signatureCrypto } from './crypto.ts';
import type { VerifyOptions } from './signer-report.ts';
import type { ValidationReport } from './signatures.schemas.ts';

export type { VerifyOptions } from './signer-report.ts';

/**
 * Verifies every signature of a file, whatever its kind: a PDF with signatures inside (PAdES;
 * `detachedContent` is not needed), a detached `.xades` (then `detachedContent` is the signed
 * file), or an XML document with an enveloped or enveloping signature (ePUAP). A file holding no
 * signature is `signature.no_signature`; one of another format, `signature.unsupported_format`.
 */
export async function verifySignatures(
  bytes: Uint8Array,
  detachedContent?: Uint8Array,
  options: VerifyOptions = {},
): Promise<ValidationReport[]> {
  const { isPdf, verifyPdfSignatures, verifyXmlSignatures } = await signatureCrypto();
  if (!startsLikeXml(bytes) && isPdf(bytes)) return verifyPdfSignatures(bytes, options);
  return verifyXmlSignatures(bytes, detachedContent, options);
}

/** An XML document may quote `%PDF-` in its text; its first character still is `<`. */
function startsLikeXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  return head
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .startsWith('<');
}

/** The report of the first signature in the file (see `verifySignatures` for all of them). */
export async function verifySignature(
  bytes: Uint8Array,
  detachedContent?: Uint8Array,
  options: VerifyOptions = {},
): Promise<ValidationReport> {
  return (await verifySignatures(bytes, detachedContent, options))[0]!;
}
