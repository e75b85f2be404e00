import { createHash, type X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { parseCertificate } from './certificates.ts';
import { XADES_NS_PREFIX, XMLDSIG_NS } from './xml-dsig-engine.ts';

/**
 * What a report needs from one `ds:Signature`, read straight from the DOM: xadesjs fills
 * absent properties with defaults (an absent SigningTime reads as the time the library was
 * loaded), and a report must tell "absent" from "present".
 */
export interface SignatureProperties {
  /** Id of xades:SignedProperties; null for a plain XMLDSig signature. */
  signedPropertiesId: string | null;
  signingTime: Date | null;
  /** Certificates in ds:KeyInfo, in document order. */
  certificates: X509Certificate[];
  /** CertDigest of xades:SigningCertificate (or SigningCertificateV2). */
  certificateDigests: Array<{ algorithm: string; value: string }>;
}

const DIGEST_ALGORITHMS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

export function readSignatureProperties(signature: Element): SignatureProperties {
  const signedProperties = findXades(signature, 'SignedProperties')[0] ?? null;
  const signingTimeText = signedProperties
    ? findXades(signedProperties, 'SigningTime')[0]?.textContent?.trim()
    : undefined;
  const signingTime = signingTimeText ? new Date(signingTimeText) : null;
  const certificateDigests = signedProperties
    ? [
        ...findXades(signedProperties, 'SigningCertificate'),
        ...findXades(signedProperties, 'SigningCertificateV2'),
      ].flatMap((list) => findXades(list, 'CertDigest').map(readDigest))
    : [];
  return {
    signedPropertiesId: signedProperties?.getAttribute('Id') ?? null,
    signingTime: signingTime && !Number.isNaN(signingTime.getTime()) ? signingTime : null,
    certificates: readKeyInfoCertificates(signature),
    certificateDigests,
  };
}

/**
 * The signer is the certificate the signed SigningCertificate property names by digest. Without
 * that property (plain XMLDSig) it is the certificate whose key verifies the signature value.
 */
export async function selectSignerCertificate(
  properties: SignatureProperties,
  verifiesSignature: (certificate: X509Certificate) => Promise<boolean>,
): Promise<{ signer: X509Certificate | null; mismatch: boolean }> {
  if (properties.certificateDigests.length > 0) {
    const signer = properties.certificates.find((certificate) =>
      properties.certificateDigests.some(
        ({ algorithm, value }) =>
          DIGEST_ALGORITHMS[algorithm] !== undefined &&
          createHash(DIGEST_ALGORITHMS[algorithm]).update(certificate.raw).digest('base64') ===
            value,
      ),
    );
    return { signer: signer ?? null, mismatch: !signer };
  }
  for (const certificate of properties.certificates) {
    if (await verifiesSignature(certificate)) return { signer: certificate, mismatch: false };
  }
  return { signer: properties.certificates[0] ?? null, mismatch: false };
}

function readDigest(certDigest: Element) {
  const method = childrenNamed(certDigest, XMLDSIG_NS, 'DigestMethod')[0];
  const value = childrenNamed(certDigest, XMLDSIG_NS, 'DigestValue')[0];
  return {
    algorithm: method?.getAttribute('Algorithm') ?? '',
    value: (value?.textContent ?? '').replace(/\s+/g, ''),
  };
}

/** Only this signature's own KeyInfo, not those of countersignatures nested inside it. */
function readKeyInfoCertificates(signature: Element): X509Certificate[] {
  const certificates: X509Certificate[] = [];
  for (const keyInfo of childrenNamed(signature, XMLDSIG_NS, 'KeyInfo')) {
    for (const data of childrenNamed(keyInfo, XMLDSIG_NS, 'X509Data')) {
      for (const node of childrenNamed(data, XMLDSIG_NS, 'X509Certificate')) {
        const base64 = (node.textContent ?? '').replace(/\s+/g, '');
        try {
          certificates.push(parseCertificate(Buffer.from(base64, 'base64')));
        } catch {
          // An unreadable certificate is simply not a candidate; the report says none matched.
        }
      }
    }
  }
  return certificates;
}

/** XAdES elements in any XAdES namespace version (1.3.2 signed properties, 1.4.1 additions). */
function findXades(root: Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName)).filter((element) =>
    (element.namespaceURI ?? '').startsWith(XADES_NS_PREFIX),
  );
}

function childrenNamed(parent: Element, namespace: string, localName: string): Element[] {
  const result: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (
      node.nodeType === 1 &&
      element.namespaceURI === namespace &&
      element.localName === localName
    ) {
      result.push(element);
    }
  }
  return result;
}
