import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { formatReadableName } from './distinguished-name.ts';
import { signatureErrors } from './signatures.errors.ts';

/**
 * Certificates are read with Node's own X509Certificate (chain and key checks) plus a small
 * ASN.1 walk for what Node does not expose: readable names, the exact validity dates and the
 * key-usage bits that tell a signing certificate from an encryption or CA certificate.
 */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** Hexadecimal, upper case, as certificate viewers show it. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  isCa: boolean;
  /** Key usage allows digitalSignature or nonRepudiation (or the extension is absent). */
  canSign: boolean;
}

const OID_KEY_USAGE = '2.5.29.15';
const KEY_USAGE_DIGITAL_SIGNATURE = 0x80;
const KEY_USAGE_NON_REPUDIATION = 0x40;

/** Accepts DER or PEM; anything else is `signature.invalid_certificate`. */
export function parseCertificate(bytes: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(bytes));
  } catch (error) {
    throw signatureErrors.invalidCertificate({ reason: (error as Error).message });
  }
}

export function describeCertificate(certificate: X509Certificate): CertificateSummary {
  const tbs = readTbsCertificate(certificate.raw);
  return {
    subject: formatReadableName(tbs.subjectDer),
    issuer: formatReadableName(tbs.issuerDer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: tbs.notBefore,
    notAfter: tbs.notAfter,
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
    isCa: certificate.ca,
    canSign: tbs.keyUsage === null || (tbs.keyUsage & SIGNING_USAGES) !== 0,
  };
}

const SIGNING_USAGES = KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_NON_REPUDIATION;

export function isValidAt(summary: Pick<CertificateSummary, 'notBefore' | 'notAfter'>, at: Date) {
  return summary.notBefore.getTime() <= at.getTime() && at.getTime() <= summary.notAfter.getTime();
}

/** The DER of the issuer Name, as XAdES `X509IssuerName` needs it. */
export function issuerNameDer(certificate: X509Certificate): Uint8Array {
  return readTbsCertificate(certificate.raw).issuerDer;
}

/** Whether `parent` issued `child`: names match and the signature checks with its key. */
export function wasIssuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  return child.checkIssued(parent) && child.verify(parent.publicKey);
}

interface TbsCertificate {
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** First byte of the key-usage bit string; null when the extension is absent. */
  keyUsage: number | null;
}

function readTbsCertificate(der: Uint8Array): TbsCertificate {
  const certificate = parseDer(der);
  const tbs = children(children(certificate)[0]!);
  // The version field is an optional explicit [0] tag in front of the serial number.
  const offset = tbs[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const [notBefore, notAfter] = children(tbs[offset + 3]!);
  const extensions = tbs.find(
    (node) => node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 3,
  );
  return {
    issuerDer: toDer(tbs[offset + 2]!),
    subjectDer: toDer(tbs[offset + 4]!),
    notBefore: readTime(notBefore!),
    notAfter: readTime(notAfter!),
    keyUsage: extensions ? readKeyUsage(children(children(extensions)[0]!)) : null,
  };
}

function readKeyUsage(extensions: forge.asn1.Asn1[]): number | null {
  for (const extension of extensions) {
    const fields = children(extension);
    if (forge.asn1.derToOid(fields[0]!.value as string) !== OID_KEY_USAGE) continue;
    // extnValue is the last field (after an optional `critical` flag): an OCTET STRING
    // holding the DER of a BIT STRING whose first content byte counts the unused bits.
    const bits = parseDer(bytesOf(fields.at(-1)!)).value as string;
    return bits.length > 1 ? bits.charCodeAt(1) : 0;
  }
  return null;
}

function readTime(node: forge.asn1.Asn1): Date {
  const text = node.value as string;
  return node.type === forge.asn1.Type.UTCTIME
    ? forge.asn1.utcTimeToDate(text)
    : forge.asn1.generalizedTimeToDate(text);
}

/** Bit strings are left undecoded, so key-usage flags never get mistaken for nested ASN.1. */
function parseDer(der: Uint8Array): forge.asn1.Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (
    bytes: string,
    options: { strict: boolean; decodeBitStrings: boolean },
  ) => forge.asn1.Asn1;
  return fromDer(forge.util.binary.raw.encode(der), { strict: true, decodeBitStrings: false });
}

function children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return node.value as forge.asn1.Asn1[];
}

function bytesOf(node: forge.asn1.Asn1): Uint8Array {
  return forge.util.binary.raw.decode(node.value as string);
}

function toDer(node: forge.asn1.Asn1): Uint8Array {
  return forge.util.binary.raw.decode(forge.asn1.toDer(node).getBytes());
}
