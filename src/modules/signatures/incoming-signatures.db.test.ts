import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { buildTestPdf, signTestPdf } from '../../../test/support/pades.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { listIncomingSignatureReports } from './incoming-signatures.usecases.ts';
import { loadSigningIdentity } from './pkcs12.ts';
import { addTrustAnchor } from './signing-credentials.usecases.ts';
import { createTestPki, type TestPki } from './throwaway-ca.ts';
import { signDetached, signXmlEnveloped } from './xades-sign.ts';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-incoming-signatures-${process.pid}`),
  1024 * 1024,
);
const as = async (login: string) => ({ ...(await office.as(login)), files });
const encode = (text: string) => new TextEncoder().encode(text);
const signingTime = new Date('2026-03-02T07:30:00Z');
let pki: TestPki;

beforeAll(async () => {
  pki = createTestPki();
  await addTrustAnchor(await office.as('admin'), pki.ca.certificate.raw);
});

const epuapLetter = `<?xml version="1.0" encoding="UTF-8"?>
<wnio:Dokument xmlns:wnio="http://crd.gov.pl/wzor/2013/12/12/1410/">
  <wnio:TrescDokumentu><wnio:Tytul>Wniosek o wydanie zaświadczenia</wnio:Tytul></wnio:TrescDokumentu>
</wnio:Dokument>`;

async function registerWithAttachments(attachments: Array<{ name: string; content: Uint8Array }>) {
  const kancelaria = await as('kancelaria');
  const { id } = await registerIncoming(kancelaria, buildIncoming({ channel: 'epuap' }));
  const fileIds: Record<string, string> = {};
  for (const attachment of attachments) {
    fileIds[attachment.name] = (await attachIncomingFile(kancelaria, id, attachment)).fileId;
  }
  return { id, fileIds };
}

describe('signature reports on incoming letters', () => {
  it('verifies each attachment: ePUAP XML, a .xades with the file it names, signed and unsigned PDFs', async () => {
    const citizen = await loadSigningIdentity(pki.personal.p12, pki.personal.password);
    const scan = await buildTestPdf('Zalacznik do wniosku');
    const xades = await signDetached({
      identity: citizen,
      content: scan,
      fileName: 'załącznik.pdf',
      mimeType: 'application/pdf',
      signingTime,
    });
    const { id, fileIds } = await registerWithAttachments([
      {
        name: 'wniosek.xml',
        content: encode(await signXmlEnveloped(citizen, epuapLetter, signingTime)),
      },
      { name: 'załącznik.pdf', content: scan },
      { name: 'załącznik.pdf.xades', content: encode(xades) },
      {
        name: 'pełnomocnictwo.pdf',
        content: await signTestPdf(await buildTestPdf(), pki.personal),
      },
      { name: 'opis.txt', content: encode('Bez podpisu') },
      { name: 'formularz.xml', content: encode('<formularz><niedomkniety></formularz>') },
      { name: 'umowa.pdf.p7s', content: new Uint8Array([0x30, 0x80, 0x06, 0x09]) },
    ]);

    const reports = await listIncomingSignatureReports(await as('kancelaria'), id);
    const byName = Object.fromEntries(reports.map((r) => [r.fileName, r]));
    expect(reports.map((r) => r.fileName).sort()).toEqual([
      'formularz.xml',
      'opis.txt',
      'pełnomocnictwo.pdf',
      'umowa.pdf.p7s',
      'wniosek.xml',
      'załącznik.pdf',
      'załącznik.pdf.xades',
    ]);
    expect(byName['wniosek.xml']!.reports).toMatchObject([
      { valid: true, format: 'xades-bes', integrity: 'ok', certificate: { chain: 'trusted' } },
    ]);
    expect(byName['załącznik.pdf']).toMatchObject({ reports: [], error: null });
    expect(byName['załącznik.pdf.xades']).toMatchObject({
      signedFileId: fileIds['załącznik.pdf'],
      reports: [{ valid: true, integrity: 'ok', references: [{ status: 'ok' }, { status: 'ok' }] }],
    });
    expect(byName['pełnomocnictwo.pdf']!.reports).toMatchObject([
      { valid: true, format: 'pades', integrity: 'ok', signingTime: '2026-03-02T08:00:00.000Z' },
    ]);
    expect(byName['pełnomocnictwo.pdf']!.reports[0]!.signer?.subject).toContain(
      'CN=Joanna Dąbrowska',
    );
    expect(byName['opis.txt']).toMatchObject({ reports: [], error: null });
    expect(byName['umowa.pdf.p7s']).toMatchObject({
      reports: [],
      error: { code: 'signature.unsupported_format' },
    });
    expect(byName['formularz.xml']).toMatchObject({
      reports: [],
      error: { code: 'signature.invalid_xml' },
    });
  });

  it('reports a detached signature whose signed file is not attached as unchecked', async () => {
    const citizen = await loadSigningIdentity(pki.personal.p12, pki.personal.password);
    const xades = await signDetached({
      identity: citizen,
      content: encode('Treść'),
      fileName: 'pismo.pdf',
      mimeType: 'application/pdf',
      signingTime,
    });
    const { id } = await registerWithAttachments([
      { name: 'pismo.pdf.xades', content: encode(xades) },
    ]);
    const [entry] = await listIncomingSignatureReports(await as('kancelaria'), id);
    expect(entry).toMatchObject({
      signedFileId: null,
      reports: [{ valid: false, integrity: 'unknown', problems: [{ code: 'content_missing' }] }],
    });
  });

  it('hides the reports of an item outside the user’s scope', async () => {
    const { id } = await registerWithAttachments([
      { name: 'pismo.pdf', content: await signTestPdf(await buildTestPdf(), pki.personal) },
    ]);
    await expect(listIncomingSignatureReports(await as('referent.fn'), id)).rejects.toMatchObject({
      code: 'incoming.not_found',
    });
  });
});
