/**
 * The signature cryptography, loaded on first use. node-forge, pkijs, xml-crypto and pdf-lib cost a
 * process about 50 MB and half a second to load, and most processes (an HTTP worker answering
 * lists) never sign or verify. In the server bundle what this loads is a chunk of its own
 * (bin/server-bundle.js); a use case that signs or verifies calls it where it needs the engine:
 *
 *     const { loadSigningIdentity } = await signatureCrypto();
 */
export function signatureCrypto() {
  return import('./crypto-engine.ts');
}
