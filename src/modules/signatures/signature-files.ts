import { signatureCrypto } from './crypto.ts';
import type { SigningIdentity } from './pkcs12.ts';
import { signatureErrors } from './signatures.errors.ts';
import type { SignatureFormat } from './signatures.schemas.ts';

export const FORMAT_LABELS: Record<SignatureFormat, string> = {
  'xades-bes': 'XAdES-BES',
  pades: 'PAdES',
};

export const SIGNATURE_CONTENT_TYPES: Record<SignatureFormat, string> = {
  'xades-bes': 'application/xml',
  pades: 'application/pdf',
};

/**
 * The file a signature of a document version is kept in: a detached `.xades` beside the version
 * (any file), or for PAdES the signed PDF itself, which starts with the version's exact bytes.
 */
export async function createSignatureFile(
  format: SignatureFormat,
  input: {
    identity: SigningIdentity;
    content: Uint8Array;
    fileName: string;
    mimeType: string;
    signingTime: Date;
  },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { isPdf, signDetached, signPdf } = await signatureCrypto();
  if (format === 'xades-bes') {
    const xml = await signDetached(input);
    return { bytes: new TextEncoder().encode(xml), fileName: `${input.fileName}.xades` };
  }
  if (!isPdf(input.content)) throw signatureErrors.notPdf();
  const bytes = await signPdf({
    identity: input.identity,
    pdf: input.content,
    signingTime: input.signingTime,
  });
  const stem = input.fileName.replace(/\.pdf$/i, '');
  return { bytes, fileName: `${stem}.podpisany.pdf` };
}
