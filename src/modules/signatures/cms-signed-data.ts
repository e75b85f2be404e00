import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Reads a CMS SignedData (RFC 5652), the signature inside a PDF's /Contents: the signer's
 * certificate, the signed attributes and the signature value, with the checks a validation
 * report needs. pkijs parses the structure; digests and the signature check use Node's crypto,
 * so the report can tell a changed document (digest) from a forged signature (value).
 */
export class CmsFormatError extends Error {}

export interface SignedAttributes {
  /** DER of the attributes as a SET: the bytes the signature value is computed over. */
  der: Uint8Array;
  contentType: string | null;
  messageDigest: Uint8Array | null;
  signingTime: Date | null;
  /** ESS signing-certificate(-v2) hashes naming the signer's certificate. */
  certificateDigests: Array<{ hash: string; value: Uint8Array }>;
}

export interface CmsSignature {
  /** Certificates carried by the signature, the signer's among them (or not). */
  certificates: X509Certificate[];
  /** The certificate the SignerInfo identifies; null when the signature does not carry it. */
  signer: X509Certificate | null;
  /** Node's name of the digest algorithm (`sha256`), null when unsupported. */
  digestAlgorithm: string | null;
  signatureAlgorithm: { oid: string; params: unknown };
  signatureValue: Uint8Array;
  signedAttributes: SignedAttributes | null;
  eContentType: string;
  /** Encapsulated content (a timestamp's TSTInfo); null for a detached signature. */
  eContent: Uint8Array | null;
}

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  data: '1.2.840.113549.1.7.1',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.8': 'sha3-256',
  '2.16.840.1.101.3.4.2.9': 'sha3-384',
  '2.16.840.1.101.3.4.2.10': 'sha3-512',
};

/** Signature algorithms that name their digest; plain rsaEncryption/ecPublicKey use the signer's. */
const SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';

export function digestName(oid: string): string | null {
  return DIGESTS[oid] ?? null;
}

/**
 * Parses a DER ContentInfo holding SignedData; trailing bytes (/Contents padding) are ignored.
 * Anything unreadable is a `CmsFormatError`, which a report shows as a malformed signature.
 */
export function readCmsSignature(der: Uint8Array): CmsSignature {
  try {
    return parseSignedData(der);
  } catch (error) {
    if (error instanceof CmsFormatError) throw error;
    throw new CmsFormatError(`not CMS SignedData: ${(error as Error).message}`);
  }
}

function parseSignedData(der: Uint8Array): CmsSignature {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) throw new CmsFormatError('the signature is not DER (ASN.1)');
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== OID.signedData) {
    throw new CmsFormatError(`not CMS SignedData but ${contentInfo.contentType}`);
  }
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new CmsFormatError('the signature has no SignerInfo');
  const certificates = readCertificates(contentInfo.content as asn1js.Sequence);
  const eContent = signedData.encapContentInfo.eContent;
  return {
    certificates: certificates.map((c) => c.node),
    signer: certificates.find((c) => identifies(signerInfo.sid, c.pkijs))?.node ?? null,
    digestAlgorithm: digestName(signerInfo.digestAlgorithm.algorithmId),
    signatureAlgorithm: {
      oid: signerInfo.signatureAlgorithm.algorithmId,
      params: signerInfo.signatureAlgorithm.algorithmParams,
    },
    signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    signedAttributes: signerInfo.signedAttrs ? readSignedAttributes(signerInfo.signedAttrs) : null,
    eContentType: signedData.encapContentInfo.eContentType,
    eContent: eContent ? new Uint8Array(eContent.getValue()) : null,
  };
}

/** The digest of `chunks` with the signature's digest algorithm. */
export function digestOf(cms: CmsSignature, chunks: readonly Uint8Array[]): Uint8Array {
  if (!cms.digestAlgorithm) throw new CmsFormatError('unsupported digest algorithm');
  return hashChunks(cms.digestAlgorithm, chunks);
}

export function hashChunks(algorithm: string, chunks: readonly Uint8Array[]): Uint8Array {
  const hash = createHash(algorithm);
  for (const chunk of chunks) hash.update(chunk);
  return new Uint8Array(hash.digest());
}

/**
 * Whether `certificate`'s key verifies the signature value over the signed attributes (or,
 * for a signature without them, over the signed content itself). A key that does not fit the
 * algorithm does not verify; an algorithm we do not know is a `CmsFormatError`.
 */
export function verifySignatureValue(
  cms: CmsSignature,
  certificate: X509Certificate,
  content: readonly Uint8Array[],
): boolean {
  const data = cms.signedAttributes ? cms.signedAttributes.der : Buffer.concat(content);
  const { oid } = cms.signatureAlgorithm;
  const key = certificate.publicKey;
  let hash: string | null;
  let options: { padding?: number; saltLength?: number } = {};
  if (oid === ED25519) {
    hash = null;
  } else if (oid === RSASSA_PSS) {
    const pss = readPssParameters(cms.signatureAlgorithm.params);
    hash = pss.hash;
    options = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength };
  } else {
    hash =
      SIGNATURE_DIGESTS[oid] ??
      (oid === RSA_ENCRYPTION || oid === EC_PUBLIC_KEY ? cms.digestAlgorithm : null);
    if (!hash) throw new CmsFormatError(`unsupported signature algorithm ${oid}`);
  }
  try {
    return verify(hash, data, { key, ...options }, cms.signatureValue);
  } catch {
    return false;
  }
}

function readPssParameters(params: unknown): { hash: string; saltLength: number } {
  let pss: pkijs.RSASSAPSSParams;
  try {
    pss = new pkijs.RSASSAPSSParams({ schema: params });
  } catch (error) {
    throw new CmsFormatError(`unreadable RSA-PSS parameters: ${(error as Error).message}`);
  }
  const hash = digestName(pss.hashAlgorithm.algorithmId);
  if (!hash) throw new CmsFormatError('unsupported RSA-PSS digest');
  return { hash, saltLength: pss.saltLength };
}

/** Whether the ESS signing-certificate attribute names `certificate` (true when absent). */
export function namesSigningCertificate(cms: CmsSignature, certificate: X509Certificate) {
  const digests = cms.signedAttributes?.certificateDigests ?? [];
  return (
    digests.length === 0 ||
    digests.some(({ hash, value }) =>
      createHash(hash).update(certificate.raw).digest().equals(Buffer.from(value)),
    )
  );
}

interface CarriedCertificate {
  node: X509Certificate;
  pkijs: pkijs.Certificate;
}

/** Certificates as their original DER (re-encoding could change a byte and so the digest). */
function readCertificates(signedData: asn1js.Sequence): CarriedCertificate[] {
  const set = signedData.valueBlock.value.find(
    (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0,
  ) as asn1js.Constructed | undefined;
  const result: CarriedCertificate[] = [];
  for (const block of set?.valueBlock.value ?? []) {
    // Only plain certificates (a SEQUENCE); attribute certificates are tagged and skipped.
    if (block.idBlock.tagClass !== 1 || block.idBlock.tagNumber !== 16) continue;
    try {
      result.push({
        node: new X509Certificate(Buffer.from(block.valueBeforeDecodeView)),
        pkijs: new pkijs.Certificate({ schema: block }),
      });
    } catch {
      // An unreadable certificate is not a candidate; the report says the signer is missing.
    }
  }
  return result;
}

function identifies(sid: unknown, certificate: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)
    );
  }
  // subjectKeyIdentifier [0]: compare with the certificate's own key identifier.
  const block = sid as asn1js.Constructed | asn1js.Primitive;
  const keyId = block.idBlock.isConstructed
    ? (block as asn1js.Constructed).valueBlock.value[0]?.valueBeforeDecodeView
    : (block as asn1js.Primitive).valueBlock.valueHexView;
  const extension = certificate.extensions?.find((e) => e.extnID === '2.5.29.14');
  const own = (extension?.parsedValue as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
  return !!keyId && !!own && Buffer.from(own).equals(Buffer.from(keyId));
}

function readSignedAttributes(attributes: pkijs.SignedAndUnsignedAttributes): SignedAttributes {
  const first = (type: string) => attributes.attributes.find((a) => a.type === type)?.values[0];
  const contentType = first(OID.contentType) as asn1js.ObjectIdentifier | undefined;
  const messageDigest = first(OID.messageDigest) as asn1js.OctetString | undefined;
  const signingTime = first(OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  return {
    der: new Uint8Array(attributes.encodedValue),
    contentType: contentType?.getValue() ?? null,
    messageDigest: messageDigest ? new Uint8Array(messageDigest.getValue()) : null,
    signingTime: signingTime?.toDate() ?? null,
    certificateDigests: [
      ...readEssCertIds(first(OID.signingCertificate), false),
      ...readEssCertIds(first(OID.signingCertificateV2), true),
    ],
  };
}

/**
 * SigningCertificate ::= SEQUENCE { certs SEQUENCE OF ESSCertID, ... } where ESSCertID holds a
 * SHA-1 hash; in SigningCertificateV2, ESSCertIDv2 starts with an optional hash algorithm
 * (default SHA-256).
 */
function readEssCertIds(value: unknown, v2: boolean): Array<{ hash: string; value: Uint8Array }> {
  if (!(value instanceof asn1js.Sequence)) return [];
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return [];
  return certs.valueBlock.value.flatMap((certId) => {
    if (!(certId instanceof asn1js.Sequence)) return [];
    const [head, next] = certId.valueBlock.value;
    let hash = v2 ? 'sha256' : 'sha1';
    let digest = head;
    if (v2 && head instanceof asn1js.Sequence) {
      const oid = head.valueBlock.value[0];
      hash = (oid instanceof asn1js.ObjectIdentifier && digestName(oid.getValue())) || '';
      digest = next;
    }
    if (!hash || !(digest instanceof asn1js.OctetString)) return [];
    return [{ hash, value: new Uint8Array(digest.valueBlock.valueHexView) }];
  });
}
