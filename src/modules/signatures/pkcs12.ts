import { createPrivateKey, webcrypto, type X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { parseCertificate, wasIssuedBy } from './certificates.ts';
import { signatureErrors } from './signatures.errors.ts';

export type CryptoKey = webcrypto.CryptoKey;

/** A private key with its certificate, ready to sign (a personal signature or an office seal). */
export interface SigningIdentity {
  privateKey: CryptoKey;
  /** The WebCrypto signing algorithm matching the key (RSA PKCS#1 v1.5 or ECDSA, SHA-256). */
  algorithm: { name: string; hash?: string };
  certificate: X509Certificate;
  /** The issuers of `certificate` found in the file, nearest first (may include the root). */
  chain: X509Certificate[];
}

const CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/**
 * Opens a PKCS#12 file (.p12/.pfx) and returns the signing key as a non-extractable WebCrypto
 * key, the certificate that matches it and the rest of the chain. A wrong password gives
 * `signature.wrong_password`; a damaged file or one without exactly one key,
 * `signature.invalid_pkcs12`.
 */
export async function loadSigningIdentity(
  p12: Uint8Array,
  password: string,
): Promise<SigningIdentity> {
  const { keys, certificates } = readPkcs12Bags(p12, password);
  if (keys.length !== 1) {
    throw signatureErrors.invalidPkcs12({
      reason: `expected one private key, found ${keys.length}`,
    });
  }
  const keyDer = keys[0]!;
  const keyObject = createPrivateKey({ key: Buffer.from(keyDer), format: 'der', type: 'pkcs8' });
  const certificate = certificates.find((candidate) => candidate.checkPrivateKey(keyObject));
  if (!certificate) {
    throw signatureErrors.invalidPkcs12({ reason: 'no certificate matches the private key' });
  }
  const algorithm = signingAlgorithm(keyObject);
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    keyDer,
    algorithm.importParams,
    false,
    ['sign'],
  );
  const others = certificates.filter((candidate) => candidate !== certificate);
  return {
    privateKey,
    algorithm: algorithm.signParams,
    certificate,
    chain: orderChain(certificate, others),
  };
}

interface Pkcs12Bags {
  keys: Uint8Array[];
  certificates: X509Certificate[];
}

function readPkcs12Bags(p12: Uint8Array, password: string): Pkcs12Bags {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(p12));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const reason = (error as Error).message;
    // forge reports a failed MAC check (or an undecryptable key bag) this way.
    if (/password/i.test(reason)) throw signatureErrors.wrongPassword();
    throw signatureErrors.invalidPkcs12({ reason });
  }
  const keys: Uint8Array[] = [];
  const certificates: X509Certificate[] = [];
  for (const safeContents of pfx.safeContents) {
    for (const bag of safeContents.safeBags) {
      if (bag.type === forge.pki.oids.certBag) {
        certificates.push(parseCertificate(certificateDer(bag)));
      } else if (
        bag.type === forge.pki.oids.pkcs8ShroudedKeyBag ||
        bag.type === forge.pki.oids.keyBag
      ) {
        keys.push(privateKeyInfoDer(bag));
      }
    }
  }
  return { keys, certificates };
}

/**
 * forge parses RSA certificates into objects and keeps others (EC) as ASN.1; either way we need
 * the DER. Re-encoding reuses forge's captured to-be-signed part, so the bytes stay the same for
 * the usual signature algorithms (sha*WithRSAEncryption with NULL parameters).
 */
function certificateDer(bag: forge.pkcs12.Bag): Uint8Array {
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  return forge.util.binary.raw.decode(forge.asn1.toDer(asn1).getBytes());
}

function privateKeyInfoDer(bag: forge.pkcs12.Bag): Uint8Array {
  const asn1 = bag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))
    : bag.asn1;
  return forge.util.binary.raw.decode(forge.asn1.toDer(asn1).getBytes());
}

function signingAlgorithm(key: ReturnType<typeof createPrivateKey>) {
  if (key.asymmetricKeyType === 'rsa') {
    const params = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { importParams: params, signParams: params };
  }
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (key.asymmetricKeyType === 'ec' && curve) {
    return {
      importParams: { name: 'ECDSA', namedCurve: curve },
      signParams: { name: 'ECDSA', hash: 'SHA-256' },
    };
  }
  throw signatureErrors.invalidPkcs12({
    reason: `unsupported key type ${key.asymmetricKeyType ?? 'unknown'}`,
  });
}

/** Orders issuers from the signer's issuer upwards; unrelated certificates go last. */
function orderChain(certificate: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const remaining = [...others];
  for (let current = certificate; ;) {
    const index = remaining.findIndex((candidate) => wasIssuedBy(current, candidate));
    if (index < 0 || current.subject === current.issuer) break;
    current = remaining.splice(index, 1)[0]!;
    chain.push(current);
  }
  return [...chain, ...remaining];
}
