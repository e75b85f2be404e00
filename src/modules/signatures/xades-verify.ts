import { webcrypto, type X509Certificate } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import type { CryptoKey } from './pkcs12.ts';
import { checkSignerCertificate, signerFields, type VerifyOptions } from './signer-report.ts';
import { signatureErrors } from './signatures.errors.ts';
import type { ValidationReport } from './signatures.schemas.ts';
import { problem, type ValidationProblem } from './validation-problems.ts';
import {
  parseXmlStrictly,
  xmlDsigEngine,
  type Xades,
  XmlParseError,
  XMLDSIG_NS,
} from './xml-dsig-engine.ts';
import {
  readSignatureProperties,
  selectSignerCertificate,
  type SignatureProperties,
} from './xades-properties.ts';

/**
 * Verifies every top-level XML signature of a file: a detached `.xades` (then `detachedContent`
 * is the signed file), an enveloped signature inside an ePUAP document, or an enveloping one.
 * Countersignatures nested inside a signature are not reported separately.
 */
export async function verifyXmlSignatures(
  bytes: Uint8Array,
  detachedContent?: Uint8Array,
  options: VerifyOptions = {},
): Promise<ValidationReport[]> {
  const engine = await xmlDsigEngine();
  const document = parseSignatureFile(bytes);
  const elements = Array.from(document.getElementsByTagNameNS(XMLDSIG_NS, 'Signature')).filter(
    (element) => !hasSignatureAncestor(element),
  );
  if (elements.length === 0) throw signatureErrors.noSignature();
  const reports: ValidationReport[] = [];
  for (const element of elements) {
    reports.push(await verifySignatureElement(engine, document, element, detachedContent, options));
  }
  return reports;
}

/**
 * The files a detached signature refers to: the URIs of its references that name something
 * outside the document (`pismo.pdf`), decoded. Empty for enveloped and enveloping signatures.
 */
export function readDetachedReferences(bytes: Uint8Array): string[] {
  const document = parseSignatureFile(bytes);
  const uris = Array.from(document.getElementsByTagNameNS(XMLDSIG_NS, 'Reference'))
    .map((reference) => reference.getAttribute('URI') ?? '')
    .filter((uri) => uri !== '' && !uri.startsWith('#'));
  return [...new Set(uris)].map((uri) => {
    try {
      return decodeURIComponent(uri);
    } catch {
      return uri;
    }
  });
}

/** xadesjs's SignedXml with its protected checks opened up, defined once the library is loaded. */
const inspectedSignatureClasses = new WeakMap<Xades, ReturnType<typeof defineInspectedSignature>>();

function defineInspectedSignature(engine: Xades) {
  return class InspectedSignature extends engine.SignedXml {
    /** Digests one reference; detached references get the supplied bytes, others the document. */
    async checkReference(reference: { DigestValue: Uint8Array }, source: unknown) {
      const digest = await this.DigestReference(source as Element, reference as never, false);
      return Buffer.from(digest).equals(Buffer.from(reference.DigestValue));
    }

    async checkSignatureValue(key: CryptoKey): Promise<boolean> {
      return this.ValidateSignatureValue([key as never]);
    }
  };
}

function inspectedSignatureClass(engine: Xades) {
  let defined = inspectedSignatureClasses.get(engine);
  if (!defined) {
    defined = defineInspectedSignature(engine);
    inspectedSignatureClasses.set(engine, defined);
  }
  return defined;
}

type InspectedSignature = InstanceType<ReturnType<typeof defineInspectedSignature>>;

async function verifySignatureElement(
  engine: Xades,
  document: Document,
  element: Element,
  detachedContent: Uint8Array | undefined,
  options: VerifyOptions,
): Promise<ValidationReport> {
  const problems: ValidationProblem[] = [];
  const properties = readSignatureProperties(element);
  const InspectedSignature = inspectedSignatureClass(engine);
  const signed = new InspectedSignature(document as never);
  try {
    signed.LoadXml(element as never);
  } catch (error) {
    return malformedReport(properties, (error as Error).message);
  }

  const references = await checkReferences(signed, document, detachedContent, problems);
  const { signer, mismatch } = await selectSignerCertificate(properties, (certificate) =>
    checkSignatureWith(signed, certificate),
  );
  if (properties.certificates.length === 0) problems.push(problem('signer_certificate_missing'));
  else if (mismatch) problems.push(problem('signing_certificate_mismatch'));
  const signatureValueOk = signer ? await checkSignatureWith(signed, signer) : false;
  if (signer && !signatureValueOk) problems.push(problem('signature_value_invalid'));

  if (
    properties.signedPropertiesId &&
    !references.some((r) => r.uri === `#${properties.signedPropertiesId}`)
  ) {
    problems.push(problem('signed_properties_not_covered'));
  }
  const integrity = integrityOf(references, signer !== null, signatureValueOk);
  const check = checkSignerCertificate(signer, properties, options, problems);
  const { signer: signerField, certificate } = signerFields(check);
  return {
    valid: integrity === 'ok' && !problems.some((p) => p.severity === 'error'),
    format: properties.signedPropertiesId ? 'xades-bes' : 'xmldsig',
    integrity,
    signer: signerField,
    signingTime: properties.signingTime?.toISOString() ?? null,
    certificate,
    references,
    problems,
  };
}

/** Broken wins over unknown: one changed byte is a finding even if the file was incomplete. */
function integrityOf(
  references: ReferenceResult[],
  hasSigner: boolean,
  signatureValueOk: boolean,
): ValidationReport['integrity'] {
  if (references.some((r) => r.status === 'broken')) return 'broken';
  if (!hasSigner) return 'unknown';
  if (!signatureValueOk) return 'broken';
  return references.some((r) => r.status === 'not_checked') ? 'unknown' : 'ok';
}

type ReferenceResult = ValidationReport['references'][number];

/**
 * Digests every reference: a detached one (a URI naming a file) against the supplied bytes, the
 * others against the document. A reference that cannot be processed at all (an unsupported
 * transform, duplicate ids) is `not_checked` with the reason, not a changed content.
 */
async function checkReferences(
  signed: InspectedSignature,
  document: Document,
  detachedContent: Uint8Array | undefined,
  problems: ValidationProblem[],
): Promise<ReferenceResult[]> {
  const references: ReferenceResult[] = [];
  for (const reference of signed.XmlSignature.SignedInfo.References.GetIterator()) {
    const uri = reference.Uri ?? '';
    const detached = uri !== '' && !uri.startsWith('#');
    if (detached && !detachedContent) {
      references.push({ uri, status: 'not_checked' });
      problems.push(problem('content_missing'));
      continue;
    }
    const source = detached ? detachedContent : document.documentElement!.cloneNode(true);
    try {
      const ok = await signed.checkReference(reference, source);
      references.push({ uri, status: ok ? 'ok' : 'broken' });
    } catch (error) {
      references.push({ uri, status: 'not_checked' });
      problems.push(problem('malformed_signature', (error as Error).message));
    }
  }
  if (references.some((r) => r.status === 'broken')) problems.push(problem('digest_mismatch'));
  return references;
}

async function checkSignatureWith(signed: InspectedSignature, certificate: X509Certificate) {
  try {
    const key = await importVerifyKey(certificate, signed.Algorithm as SignatureAlgorithm);
    return await signed.checkSignatureValue(key);
  } catch {
    return false;
  }
}

/** What xmldsigjs reads from ds:SignatureMethod, e.g. RSASSA-PKCS1-v1_5 with SHA-256. */
interface SignatureAlgorithm {
  name: string;
  hash?: string | { name: string };
}

/** The signer's public key for the signature method of this signature (RSA or ECDSA). */
async function importVerifyKey(
  certificate: X509Certificate,
  algorithm: SignatureAlgorithm,
): Promise<CryptoKey> {
  const publicKey = certificate.publicKey;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  if (algorithm.name === 'ECDSA') {
    const curve = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[
      publicKey.asymmetricKeyDetails?.namedCurve as 'prime256v1'
    ];
    return webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, true, [
      'verify',
    ]);
  }
  const params = { name: algorithm.name, hash: algorithm.hash ?? 'SHA-256' };
  return webcrypto.subtle.importKey('spki', spki, params, true, ['verify']);
}

function malformedReport(properties: SignatureProperties, reason: string): ValidationReport {
  return {
    valid: false,
    format: properties.signedPropertiesId ? 'xades-bes' : 'xmldsig',
    integrity: 'broken',
    signer: null,
    signingTime: properties.signingTime?.toISOString() ?? null,
    certificate: null,
    references: [],
    problems: [problem('malformed_signature', reason)],
  };
}

function parseSignatureFile(bytes: Uint8Array): Document {
  const text = decodeXml(bytes);
  if (!text.trimStart().startsWith('<')) throw signatureErrors.unsupportedFormat();
  try {
    return parseXmlStrictly(text);
  } catch (error) {
    if (error instanceof XmlParseError) throw signatureErrors.invalidXml({ reason: error.message });
    throw error;
  }
}

/**
 * Honours the encoding the XML declaration names: older ePUAP forms and UPP proofs are not
 * always UTF-8. Canonical XML is UTF-8 whatever the source, so digests come out the same.
 */
function decodeXml(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(bom, bom + 200));
  const declared = /^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    // TextDecoder drops a byte-order mark by default.
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    throw signatureErrors.invalidXml({ reason: `unsupported encoding ${declared}` });
  }
}

function hasSignatureAncestor(element: Element): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) {
    const parent = node as Element;
    if (parent.namespaceURI === XMLDSIG_NS && parent.localName === 'Signature') return true;
  }
  return false;
}
