import { beforeAll, describe, expect, it } from 'vitest';
import { loadSigningIdentity, type SigningIdentity } from './pkcs12.ts';
import { createTestCa, createTestPki, type TestIdentity, type TestPki } from './throwaway-ca.ts';
import { signDetached, signXmlEnveloped } from './xades-sign.ts';
import { verifySignature, verifySignatures } from './verify-signatures.ts';

const signingTime = new Date('2026-03-02T08:00:00Z');
const content = new TextEncoder().encode('%PDF-1.7\nDecyzja w sprawie podatku od nieruchomości\n');

let pki: TestPki;
let personal: SigningIdentity;
const open = (identity: TestIdentity) => loadSigningIdentity(identity.p12, identity.password);
const sign = (identity: SigningIdentity, bytes = content, at = signingTime) =>
  signDetached({
    identity,
    content: bytes,
    fileName: 'decyzja podatkowa.pdf',
    mimeType: 'application/pdf',
    signingTime: at,
  });
const encode = (text: string) => new TextEncoder().encode(text);
const trusted = () => ({ trustAnchors: [pki.ca.certificate] });

beforeAll(async () => {
  pki = createTestPki();
  personal = await open(pki.personal);
});

function epuapLetter(title = 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wnio:Dokument xmlns:wnio="http://crd.gov.pl/wzor/2013/12/12/1410/" xmlns:str="http://crd.gov.pl/xml/schematy/struktura/2009/11/16/" xmlns:meta="http://crd.gov.pl/xml/schematy/meta/2009/11/16/" xmlns:oso="http://crd.gov.pl/xml/schematy/osoba/2009/11/16/">
  <wnio:OpisDokumentu><meta:Data typDaty="utworzony">2026-03-01</meta:Data></wnio:OpisDokumentu>
  <wnio:DaneDokumentu>
    <str:Naglowek><str:NazwaDokumentu>Pismo ogólne do podmiotu publicznego</str:NazwaDokumentu></str:Naglowek>
    <str:Nadawcy><meta:Podmiot><oso:Osoba><oso:Imie>Jan</oso:Imie><oso:Nazwisko>Kowalski</oso:Nazwisko></oso:Osoba></meta:Podmiot></str:Nadawcy>
  </wnio:DaneDokumentu>
  <wnio:TrescDokumentu format="text/xml" kodowanie="XML">
    <wnio:MiejscowoscDokumentu>Świnoujście</wnio:MiejscowoscDokumentu>
    <wnio:Tytul>${title}</wnio:Tytul>
    <wnio:Informacje>Proszę o wydanie zaświadczenia.</wnio:Informacje>
  </wnio:TrescDokumentu>
</wnio:Dokument>`;
}

/** Enough of windows-1250 for the Polish letters in the sample letter. */
function encodeWindows1250(text: string): Uint8Array {
  const polish: Record<string, number> = { ó: 0xf3, Ś: 0x8c, ś: 0x9c, ę: 0xea, ą: 0xb9, ł: 0xb3 };
  return Uint8Array.from(Array.from(text), (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (polish[char] === undefined) throw new Error(`no windows-1250 byte for ${char}`);
    return polish[char];
  });
}

describe('XAdES-BES signatures', () => {
  it('signs a file detached and reports signer, time, certificate and a trusted chain', async () => {
    const xades = await sign(personal);
    expect(xades).toContain('URI="decyzja%20podatkowa.pdf"');
    const report = await verifySignature(encode(xades), content, trusted());
    expect(report).toMatchObject({
      valid: true,
      format: 'xades-bes',
      integrity: 'ok',
      signingTime: signingTime.toISOString(),
      certificate: { validAtSigningTime: true, chain: 'trusted' },
      problems: [],
    });
    expect(report.signer?.subject).toBe(
      'SERIALNUMBER=PNOPL-80010112345, CN=Joanna Dąbrowska, C=PL',
    );
    expect(report.signer?.issuer).toBe('CN=Obieg Test Root CA, O=Obieg Test, C=PL');
    expect(report.signer?.serial).toBe(pki.personal.certificate.serialNumber.toUpperCase());
  });

  it('finds a single changed byte of the signed file', async () => {
    const xades = await sign(personal);
    const changed = new Uint8Array(content);
    changed[20] = changed[20]! ^ 1;
    const report = await verifySignature(encode(xades), changed, trusted());
    expect(report.valid).toBe(false);
    expect(report.integrity).toBe('broken');
    expect(report.problems.map((p) => p.code)).toContain('digest_mismatch');
  });

  it('finds a tampered signing time and a tampered signature value', async () => {
    const xades = await sign(personal);
    const backdated = xades.replace('2026-03-02T08:00:00.000Z', '2026-02-02T08:00:00.000Z');
    expect(backdated).not.toBe(xades);
    const report = await verifySignature(encode(backdated), content, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'broken' });
    expect(report.references.find((r) => r.uri.startsWith('#'))?.status).toBe('broken');

    const value = /<ds:SignatureValue>([^<]+)</.exec(xades)![1]!;
    const flipped = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
    const forged = await verifySignature(encode(xades.replace(value, flipped)), content, trusted());
    expect(forged.integrity).toBe('broken');
    expect(forged.problems.map((p) => p.code)).toContain('signature_value_invalid');
  });

  it('reports integrity unknown when the signed file is not supplied', async () => {
    const report = await verifySignature(encode(await sign(personal)), undefined, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'unknown' });
    expect(report.problems.map((p) => p.code)).toEqual(['content_missing']);
  });

  it('reports a certificate that had expired when the file was signed', async () => {
    const expired = await open(
      pki.ca.issue({
        commonName: 'Jan Przeterminowany',
        notAfter: new Date('2026-01-31T00:00:00Z'),
      }),
    );
    const report = await verifySignature(encode(await sign(expired)), content, trusted());
    expect(report.valid).toBe(false);
    expect(report.integrity).toBe('ok');
    expect(report.certificate?.validAtSigningTime).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['certificate_not_valid_at_signing_time']);
  });

  it('reports a certificate from an unknown CA as untrusted instead of failing', async () => {
    const stranger = createTestCa({ commonName: 'Nieznane CA' });
    const outsider = await open(stranger.issue({ commonName: 'Adam Obcy' }));
    const report = await verifySignature(encode(await sign(outsider)), content, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'ok' });
    expect(report.certificate?.chain).toBe('untrusted');
    expect(report.problems.map((p) => p.code)).toEqual(['chain_untrusted']);
  });

  it('verifies an enveloped signature inside an ePUAP letter and finds a changed title', async () => {
    const seal = await open(pki.officeSeal);
    const signed = await signXmlEnveloped(seal, epuapLetter(), signingTime);
    const reports = await verifySignatures(encode(signed), undefined, trusted());
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ valid: true, integrity: 'ok', problems: [] });
    expect(reports[0]!.signer?.subject).toContain('CN=Urząd Miasta Demo');

    const altered = signed.replace('o niezaleganiu w podatkach', 'o zaleganiu w podatkach');
    const report = await verifySignature(encode(altered), undefined, trusted());
    expect(report).toMatchObject({ valid: false, integrity: 'broken' });
  });

  it('reads an ePUAP letter saved in windows-1250, as older forms are', async () => {
    const seal = await open(pki.officeSeal);
    const signed = await signXmlEnveloped(seal, epuapLetter(), signingTime);
    const legacy = signed.replace('encoding="UTF-8"', 'encoding="windows-1250"');
    const report = await verifySignature(encodeWindows1250(legacy), undefined, trusted());
    expect(report).toMatchObject({ valid: true, integrity: 'ok' });
  });

  it('refuses a wrong PKCS#12 password and files that hold no signature', async () => {
    await expect(loadSigningIdentity(pki.personal.p12, 'zle-haslo')).rejects.toMatchObject({
      code: 'signature.wrong_password',
    });
    await expect(verifySignature(encode('Decyzja w sprawie podatku'))).rejects.toMatchObject({
      code: 'signature.unsupported_format',
    });
    await expect(verifySignature(content)).rejects.toMatchObject({
      code: 'signature.no_signature',
    });
    await expect(verifySignature(encode('<pismo><tytul></pismo>'))).rejects.toMatchObject({
      code: 'signature.invalid_xml',
    });
    await expect(verifySignature(encode(epuapLetter()))).rejects.toMatchObject({
      code: 'signature.no_signature',
    });
  });
});
