import { beforeAll, describe, expect, it } from 'vitest';
import { buildIncoming } from '../../../test/support/factories.ts';
import { useTestApi, type Client } from '../../../test/support/http.ts';
import { buildTestPdf, signTestPdf } from '../../../test/support/pades.ts';
import { createTestPki, type TestPki } from './throwaway-ca.ts';

const api = useTestApi();
let pki: TestPki;
const pdf = new TextEncoder().encode('%PDF-1.7\nDecyzja o wymiarze podatku\n');

beforeAll(() => {
  pki = createTestPki();
});

function postForm(client: Client, url: string, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return api.app.request(url, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${client.token}` },
  });
}
const file = (content: Uint8Array, name: string) => new File([new Uint8Array(content)], name);

async function approvedDocument(referent: Client) {
  const opened = await referent.post('/api/v1/cases', {
    unitId: api.demo.units.FN,
    jrwaSymbol: '3110',
    title: 'Wymiar podatku od nieruchomości',
  });
  const caseId = ((await opened.json()) as { id: string }).id;
  const added = await postForm(referent, `/api/v1/cases/${caseId}/documents`, {
    kind: 'decision',
    title: 'Decyzja podatkowa',
    file: file(pdf, 'decyzja.pdf'),
  });
  const { id } = (await added.json()) as { id: string };
  await referent.post(`/api/v1/documents/${id}/approval`, {
    steps: [{ approverIds: [api.demo.people['kierownik.fn']] }],
  });
  const kierownik = await api.login('kierownik.fn');
  const tasks = (await (await kierownik.get('/api/v1/approvals/mine')).json()) as Array<{
    id: string;
  }>;
  await kierownik.post(`/api/v1/approval-tasks/${tasks.at(-1)!.id}/decision`, {
    decision: 'approve',
  });
  return id;
}

describe('signatures over HTTP', () => {
  it('registers a certificate, signs an approved document and verifies a tampered copy', async () => {
    const admin = await api.login('admin');
    const anchor = await postForm(admin, '/api/v1/signature-trust-anchors', {
      file: file(pki.ca.certificate.raw, 'ca.cer'),
    });
    expect(anchor.status).toBe(201);

    const referent = await api.login('referent.fn');
    const credential = await postForm(referent, '/api/v1/signing-credentials', {
      kind: 'personal',
      password: pki.personal.password,
      file: file(pki.personal.p12, 'joanna.p12'),
    });
    expect(credential.status).toBe(201);
    expect(await credential.json()).toMatchObject({
      kind: 'personal',
      notAfter: expect.any(String),
    });

    const documentId = await approvedDocument(referent);
    // The desk's "waiting for my signature": the case handler and the final approver, no one else.
    const waiting = async (client: Client) =>
      (
        (await (await client.get('/api/v1/signatures/mine')).json()) as Array<{
          documentId: string;
          caseSign: string;
        }>
      ).map((d) => d.documentId);
    expect(await waiting(referent)).toEqual([documentId]);
    expect(await waiting(await api.login('kierownik.fn'))).toEqual([documentId]);
    expect(await waiting(await api.login('referent.or'))).toEqual([]);
    const signed = await referent.post(`/api/v1/documents/${documentId}/sign`, {
      credential: 'personal',
      password: pki.personal.password,
    });
    expect(signed.status).toBe(201);
    expect(await waiting(referent)).toEqual([]);
    const signature = (await signed.json()) as { id: string; status: string };
    expect(signature.status).toBe('signed');

    const listed = await referent.get(`/api/v1/documents/${documentId}/signatures`);
    expect(await listed.json()).toMatchObject([{ report: { valid: true, integrity: 'ok' } }]);
    const xades = await referent.get(
      `/api/v1/documents/${documentId}/signatures/${signature.id}/content`,
    );
    const xadesBytes = new Uint8Array(await xades.arrayBuffer());

    const tampered = new Uint8Array(pdf);
    tampered[10] = tampered[10]! ^ 1;
    const verified = await postForm(referent, '/api/v1/signatures/verify', {
      signature: file(xadesBytes, 'decyzja.pdf.xades'),
      content: file(tampered, 'decyzja.pdf'),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      reports: [{ valid: false, integrity: 'broken', certificate: { chain: 'trusted' } }],
    });
  });

  it('verifies a signed PDF without a separate content file', async () => {
    const referent = await api.login('referent.fn');
    const signedPdf = await signTestPdf(await buildTestPdf(), pki.personal);
    const verified = await postForm(referent, '/api/v1/signatures/verify', {
      signature: file(signedPdf, 'wniosek.pdf'),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      reports: [
        { valid: true, format: 'pades', integrity: 'ok', certificate: { chain: 'trusted' } },
      ],
    });
  });

  it('lists signature reports of an incoming item’s attachments to those who see it', async () => {
    const kancelaria = await api.login('kancelaria');
    const registered = await kancelaria.post('/api/v1/incoming', buildIncoming());
    const { id } = (await registered.json()) as { id: string };
    const signedPdf = await signTestPdf(await buildTestPdf(), pki.personal);
    const attached = await postForm(kancelaria, `/api/v1/incoming/${id}/attachments`, {
      file: file(signedPdf, 'wniosek.pdf'),
    });
    expect(attached.status).toBe(201);
    const reports = await kancelaria.get(`/api/v1/incoming/${id}/signature-reports`);
    expect(reports.status).toBe(200);
    expect(await reports.json()).toMatchObject([
      { fileName: 'wniosek.pdf', reports: [{ format: 'pades', integrity: 'ok' }], error: null },
    ]);
    const outsider = await api.login('referent.fn');
    expect((await outsider.get(`/api/v1/incoming/${id}/signature-reports`)).status).toBe(404);
  });

  it('answers coded errors for a wrong password and a file that holds no signature', async () => {
    const referent = await api.login('referent.fn');
    const wrong = await postForm(referent, '/api/v1/signing-credentials', {
      kind: 'personal',
      password: 'zle-haslo',
      file: file(pki.officeSeal.p12, 'seal.p12'),
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ error: { code: 'signature.wrong_password' } });

    const unsigned = await postForm(referent, '/api/v1/signatures/verify', {
      signature: file(pdf, 'decyzja.pdf'),
    });
    expect(unsigned.status).toBe(422);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'signature.no_signature' } });
    const text = await postForm(referent, '/api/v1/signatures/verify', {
      signature: file(new TextEncoder().encode('Zwykły tekst'), 'pismo.txt'),
    });
    expect(await text.json()).toMatchObject({ error: { code: 'signature.unsupported_format' } });
  });
});
