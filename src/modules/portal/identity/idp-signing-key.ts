import forge from 'node-forge';
import { createTestCa } from '../../signatures/throwaway-ca.ts';

export interface IdpSigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * A signing key and certificate for the demo and test identity provider, issued by a throw-away
 * CA (src/modules/signatures/throwaway-ca.ts). Never trusted outside a demo or a test run.
 */
export function createIdpSigningKey(commonName = 'Obieg – demonstracyjny dostawca tożsamości') {
  const ca = createTestCa({ commonName: `${commonName} CA` });
  const issued = ca.issue({ commonName, kind: 'office_seal' });
  const asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(issued.p12));
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, issued.password);
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const bag = p12.getBags({ bagType: keyBag })[keyBag]?.[0];
  if (!bag?.key) throw new Error('the issued PKCS#12 holds no key');
  return {
    privateKeyPem: forge.pki.privateKeyToPem(bag.key),
    certificatePem: issued.certificate.toString(),
  } satisfies IdpSigningKey;
}
