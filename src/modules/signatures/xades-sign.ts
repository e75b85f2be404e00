import { createHash, type X509Certificate } from 'node:crypto';
import type * as xades from 'xadesjs';
import { issuerNameDer } from './certificates.ts';
import { formatRfc4514 } from './distinguished-name.ts';
import type { SigningIdentity } from './pkcs12.ts';
import {
  parseXmlStrictly,
  SHA256_URI,
  xmlDsigEngine,
  type Xades,
  XmlParseError,
} from './xml-dsig-engine.ts';
import { signatureErrors } from './signatures.errors.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface DetachedSignatureInput {
  identity: SigningIdentity;
  content: Uint8Array;
  /** The file the signature refers to: Polish EZD keep `pismo.pdf` beside `pismo.pdf.xades`. */
  fileName: string;
  mimeType: string;
  signingTime: Date;
}

/**
 * XAdES-BES detached signature over a file's bytes (any format, PDF included): one reference to
 * the file by name, with no transforms, so the digest is of the exact bytes of the version.
 * This is what Polish EZD systems exchange as `.xades` beside the signed file.
 */
export async function signDetached(input: DetachedSignatureInput): Promise<string> {
  const engine = await xmlDsigEngine();
  const signed = new engine.SignedXml();
  const referenceId = `r-${signed.XmlSignature.Id}`;
  addSigningCertificate(engine, signed, input.identity.certificate);
  const format = new engine.xml.DataObjectFormat();
  format.ObjectReference = `#${referenceId}`;
  format.MimeType = input.mimeType;
  signed.SignedProperties.SignedDataObjectProperties.DataObjectFormats.Add(format);
  await signed.Sign(input.identity.algorithm, input.identity.privateKey, input.content, {
    x509: certificatesOf(input.identity),
    signingTime: { value: input.signingTime },
    references: [{ id: referenceId, uri: encodeURIComponent(input.fileName), hash: 'SHA-256' }],
  });
  return XML_DECLARATION + signed.toString();
}

/**
 * XAdES-BES enveloped signature: the signature goes inside the XML document and covers all of
 * it, the way ePUAP forms and UPP/UPD proofs are signed.
 */
export async function signXmlEnveloped(
  identity: SigningIdentity,
  xml: string,
  signingTime: Date,
): Promise<string> {
  const engine = await xmlDsigEngine();
  let document;
  try {
    document = parseXmlStrictly(xml);
  } catch (error) {
    if (error instanceof XmlParseError) throw signatureErrors.invalidXml({ reason: error.message });
    throw error;
  }
  const signed = new engine.SignedXml();
  addSigningCertificate(engine, signed, identity.certificate);
  await signed.Sign(identity.algorithm, identity.privateKey, document, {
    x509: certificatesOf(identity),
    signingTime: { value: signingTime },
    references: [{ uri: '', hash: 'SHA-256', transforms: ['enveloped', 'c14n'] }],
  });
  return XML_DECLARATION + signed.toString();
}

/**
 * The signed `SigningCertificate` property, written by us rather than by xadesjs: xadesjs names
 * the issuer in its own style (`G=`, `SN=`), while validators such as the EU DSS compare it
 * as an RFC 4514 name, and the serial number must be decimal.
 */
function addSigningCertificate(
  engine: Xades,
  signed: xades.SignedXml,
  certificate: X509Certificate,
) {
  const cert = new engine.xml.Cert();
  cert.CertDigest.DigestMethod.Algorithm = SHA256_URI;
  cert.CertDigest.DigestValue = new Uint8Array(
    createHash('sha256').update(certificate.raw).digest(),
  );
  cert.IssuerSerial.X509IssuerName = formatRfc4514(issuerNameDer(certificate));
  cert.IssuerSerial.X509SerialNumber = BigInt(`0x${certificate.serialNumber}`).toString();
  signed.SignedProperties.SignedSignatureProperties.SigningCertificate.Add(cert);
}

/** The signer's certificate first, then its issuers, so a verifier can build the chain. */
function certificatesOf(identity: SigningIdentity): string[] {
  return [identity.certificate, ...identity.chain].map((c) => c.raw.toString('base64'));
}
