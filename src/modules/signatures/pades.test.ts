import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendUnsignedUpdate,
  buildTestPdf,
  replaceWithDocumentTimestamp,
  signTestPdf,
} from '../../../test/support/pades.ts';
import { createCmsSignature } from './cms-sign.ts';
import { readCmsSignature } from './cms-signed-data.ts';
import { loadSigningIdentity } from './pkcs12.ts';
import { createTestCa, createTestPki, type TestPki } from './throwaway-ca.ts';
import { verifySignature, verifySignatures } from './verify-signatures.ts';

const signingTime = new Date('2026-03-02T08:00:00Z');
let pki: TestPki;
let pdf: Uint8Array;
let signed: Uint8Array;
const trusted = () => ({ trustAnchors: [pki.ca.certificate] });
const codes = (report: { problems: Array<{ code: string }> }) => report.problems.map((p) => p.code);

beforeAll(async () => {
  pki = createTestPki();
  pdf = await buildTestPdf();
  signed = await signTestPdf(pdf, pki.personal, signingTime);
});

describe('PAdES signatures in PDF files', () => {
  it('reports a valid signature: signer, signing time, certificate and a trusted chain', async () => {
    const reports = await verifySignatures(signed, undefined, trusted());
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      valid: true,
      format: 'pades',
      integrity: 'ok',
      signingTime: signingTime.toISOString(),
      certificate: { validAtSigningTime: true, chain: 'trusted' },
      problems: [],
    });
    expect(reports[0]!.signer?.subject).toContain('CN=Joanna Dąbrowska');
    expect(reports[0]!.references[0]!.status).toBe('ok');
    // The approved bytes stay the first revision of the signed file.
    expect(Buffer.from(signed.subarray(0, pdf.byteLength)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('signs a PDF saved with a cross-reference stream (PDF 1.5 object streams)', async () => {
    const compact = await signTestPdf(
      await buildTestPdf('Decyzja', { useObjectStreams: true }),
      pki.officeSeal,
    );
    const report = await verifySignature(compact, undefined, trusted());
    expect(report).toMatchObject({ valid: true, integrity: 'ok' });
    expect(report.signer?.subject).toContain('CN=Urząd Miasta Demo');
  });

  it('finds one changed byte inside the signed range', async () => {
    const tampered = new Uint8Array(signed);
    tampered[12] = tampered[12]! ^ 1;
    const report = await verifySignature(tampered, undefined, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'broken' });
    expect(codes(report)).toContain('digest_mismatch');
  });

  it('reports an unsigned change appended after signing, and a later signature as a warning', async () => {
    const edited = await verifySignature(appendUnsignedUpdate(signed), undefined, trusted());
    expect(edited).toMatchObject({ valid: false, integrity: 'ok' });
    expect(codes(edited)).toEqual(['document_modified_after_signing']);

    const countersigned = await signTestPdf(
      signed,
      pki.officeSeal,
      new Date('2026-03-03T08:00:00Z'),
    );
    const [first, second] = await verifySignatures(countersigned, undefined, trusted());
    expect(first).toMatchObject({ valid: true, integrity: 'ok' });
    expect(codes(first!)).toEqual(['later_revision_signed']);
    expect(second).toMatchObject({ valid: true, integrity: 'ok', problems: [] });
    expect(second!.signer?.subject).toContain('CN=Urząd Miasta Demo');
  });

  it('reports a certificate from an unknown CA as untrusted', async () => {
    const stranger = createTestCa({ commonName: 'Nieznane CA' });
    const outsider = await signTestPdf(pdf, stranger.issue({ commonName: 'Adam Obcy' }));
    const report = await verifySignature(outsider, undefined, trusted());
    expect(report).toMatchObject({
      valid: false,
      integrity: 'ok',
      certificate: { chain: 'untrusted' },
    });
    expect(codes(report)).toEqual(['chain_untrusted']);
  });

  it('reports a certificate that had expired when the PDF was signed', async () => {
    const expired = pki.ca.issue({
      commonName: 'Jan Przeterminowany',
      notAfter: new Date('2026-01-31T00:00:00Z'),
    });
    const report = await verifySignature(await signTestPdf(pdf, expired), undefined, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'ok' });
    expect(report.certificate?.validAtSigningTime).toBe(false);
    expect(codes(report)).toEqual(['certificate_not_valid_at_signing_time']);
  });

  it('reports a truncated file as malformed, and a PDF without signatures as unsigned', async () => {
    const truncated = await verifySignature(
      signed.subarray(0, signed.byteLength - 200),
      undefined,
      trusted(),
    );
    expect(truncated).toMatchObject({ valid: false, integrity: 'broken' });
    expect(codes(truncated)).toEqual(['malformed_signature']);
    await expect(verifySignatures(pdf)).rejects.toMatchObject({ code: 'signature.no_signature' });
  });

  it('verifies a document timestamp against the hash of the signed bytes', async () => {
    const tsa = pki.ca.issue({ commonName: 'Obieg Test TSA', kind: 'office_seal' });
    const genTime = new Date('2026-03-02T09:15:00Z');
    const stamped = await replaceWithDocumentTimestamp(signed, tsa, genTime);
    const report = await verifySignature(stamped, undefined, trusted());
    expect(report).toMatchObject({
      valid: true,
      integrity: 'ok',
      signingTime: genTime.toISOString(),
      problems: [],
    });
    expect(report.signer?.subject).toContain('CN=Obieg Test TSA');
    const tampered = new Uint8Array(stamped);
    tampered[12] = tampered[12]! ^ 1;
    expect(await verifySignature(tampered, undefined, trusted())).toMatchObject({
      integrity: 'broken',
    });
  });

  it('reads the signing time and signer from the CMS signed attributes', async () => {
    const identity = await loadSigningIdentity(pki.personal.p12, pki.personal.password);
    const cms = readCmsSignature(
      await createCmsSignature({ identity, contentDigest: new Uint8Array(32), signingTime }),
    );
    expect(cms.signedAttributes?.signingTime?.toISOString()).toBe(signingTime.toISOString());
    expect(cms.signer?.fingerprint256).toBe(pki.personal.certificate.fingerprint256);
    expect(cms.signedAttributes?.certificateDigests).toHaveLength(1);
  });
});
