// Everything of the signature cryptography that code outside it calls, in one place, so that
// `signatureCrypto()` (crypto.ts) loads it as one piece on first use.
export { describeCertificate, parseCertificate } from './certificates.ts';
export { signPdf } from './pades-sign.ts';
export { verifyPdfSignatures } from './pades-verify.ts';
export { isPdf } from './pdf-signature-dictionaries.ts';
export { loadSigningIdentity } from './pkcs12.ts';
export { createTestCa, createTestPki } from './throwaway-ca.ts';
export { signDetached, signXmlEnveloped } from './xades-sign.ts';
export { readDetachedReferences, verifyXmlSignatures } from './xades-verify.ts';
