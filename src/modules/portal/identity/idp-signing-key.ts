import fs from 'node:fs';
import path from 'node:path';
import { signatureCrypto } from '../../signatures/crypto.ts';

export interface IdpSigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * A signing key and certificate for the demo and test identity provider, issued by a throw-away
 * CA (src/modules/signatures/throwaway-ca.ts). Never trusted outside a demo or a test run.
 */
export async function createIdpSigningKey(
  commonName = 'Obieg – demonstracyjny dostawca tożsamości',
): Promise<IdpSigningKey> {
  const [{ default: forge }, { createTestCa }] = await Promise.all([
    import('node-forge'),
    signatureCrypto(),
  ]);
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

/**
 * The demo identity provider's key, kept in the data directory: every HTTP worker of `obieg serve`
 * signs and checks with the same key, and a sign-in in flight survives a restart. The first
 * process to write it wins; the others read its file.
 */
export async function demoIdpSigningKey(dataDir: string): Promise<IdpSigningKey> {
  const file = path.join(dataDir, 'demo-idp-key.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as IdpSigningKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = await createIdpSigningKey();
  fs.mkdirSync(dataDir, { recursive: true });
  const scratch = `${file}.${process.pid}`;
  fs.writeFileSync(scratch, JSON.stringify(key), { mode: 0o600 });
  try {
    fs.linkSync(scratch, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(scratch, { force: true });
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as IdpSigningKey;
}
