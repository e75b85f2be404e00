import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildTestPdf } from '../../../test/support/pades.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { addDocument, getDocument } from '../documents/documents.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import { addSigningCredential, listSigningCredentials } from './signing-credentials.usecases.ts';
import {
  listDocumentSignatures,
  readSignatureFile,
  signDocument,
  verifyUploadedSignature,
} from './signatures.usecases.ts';
import { createTestPki, type TestPki } from './throwaway-ca.ts';
import {
  createApprovedDocument,
  createSignedDocument,
  enrolTestSigner,
} from '../../../test/support/signing.ts';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-signatures-${process.pid}`),
  1024 * 1024,
);
let pki: TestPki;
const as = async (login: string) => ({ ...(await office.as(login)), files });

beforeAll(async () => {
  pki = createTestPki();
  await enrolTestSigner(office, pki);
});

describe('signing approved documents', () => {
  it('signs the approved version with the handler’s certificate, marks it signed and records it', async () => {
    const { caseId, documentId, signature, content } = await createSignedDocument(office, files, {
      pki,
    });
    const referent = await as('referent.fn');
    expect(signature).toMatchObject({
      version: 1,
      format: 'xades-bes',
      fileName: 'decyzja.pdf.xades',
      signingTime: '2026-03-02T08:00:00.000Z',
      status: 'signed',
    });
    expect((await getDocument(referent, documentId)).status).toBe('signed');
    const last = (await getCaseRecord(referent, caseId)).rows.at(-1)!;
    expect(last).toMatchObject({ action: 'document.signed', documentId });
    expect(last.description).toContain('Joanna Dąbrowska');

    const [listed] = await listDocumentSignatures(referent, documentId);
    expect(listed!.report).toMatchObject({
      valid: true,
      integrity: 'ok',
      certificate: { chain: 'trusted', validAtSigningTime: true },
    });
    const xades = await readSignatureFile(referent, documentId, signature.id);
    const [report] = await verifyUploadedSignature(referent, xades.content, content);
    expect(report!.valid).toBe(true);
    const tampered = new Uint8Array(content);
    tampered[0] = 0x25 ^ 1;
    const [broken] = await verifyUploadedSignature(referent, xades.content, tampered);
    expect(broken!.integrity).toBe('broken');
  });

  it('signs an approved PDF in PAdES, keeping the approved version as the first revision', async () => {
    const content = await buildTestPdf('Decyzja w sprawie podatku od nieruchomosci');
    const { caseId, documentId } = await createApprovedDocument(office, files, { content });
    const referent = await as('referent.fn');
    const signature = await signDocument(referent, documentId, {
      credential: 'personal',
      password: pki.personal.password,
      format: 'pades',
    });
    expect(signature).toMatchObject({
      format: 'pades',
      fileName: 'decyzja.podpisany.pdf',
      status: 'signed',
    });
    const [listed] = await listDocumentSignatures(referent, documentId);
    expect(listed).toMatchObject({
      format: 'pades',
      report: { valid: true, format: 'pades', integrity: 'ok', problems: [] },
    });
    const file = await readSignatureFile(referent, documentId, signature.id);
    expect(file.contentType).toBe('application/pdf');
    expect(
      Buffer.from(file.content.subarray(0, content.byteLength)).equals(Buffer.from(content)),
    ).toBe(true);
    const last = (await getCaseRecord(referent, caseId)).rows.at(-1)!;
    expect(last.description).toContain('(PAdES)');
  });

  it('signs only PDF versions in PAdES', async () => {
    const { documentId } = await createApprovedDocument(office, files, {
      fileName: 'pismo.txt',
      content: new TextEncoder().encode('Pismo w pliku tekstowym'),
    });
    await expect(
      signDocument(await as('referent.fn'), documentId, {
        credential: 'personal',
        password: pki.personal.password,
        format: 'pades',
      }),
    ).rejects.toMatchObject({ code: 'signature.not_pdf' });
    expect((await getDocument(await as('referent.fn'), documentId)).status).toBe('approved');
  });

  it('refuses to sign a draft, and writes nothing', async () => {
    const referent = await as('referent.fn');
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Sprawa z projektem',
    });
    const draft = await addDocument(
      referent,
      kase.id,
      { kind: 'letter', title: 'Projekt pisma' },
      { name: 'pismo.txt', content: new TextEncoder().encode('Projekt') },
    );
    const rowsBefore = (await getCaseRecord(referent, kase.id)).rows.length;
    await expect(
      signDocument(referent, draft.id, { credential: 'personal', password: pki.personal.password }),
    ).rejects.toMatchObject({ code: 'signature.document_not_approved' });
    expect((await getDocument(referent, draft.id)).status).toBe('draft');
    expect((await getCaseRecord(referent, kase.id)).rows).toHaveLength(rowsBefore);
    expect(await listDocumentSignatures(referent, draft.id)).toEqual([]);
  });

  it('leaves the document approved after a wrong password or a refused signer', async () => {
    const { documentId } = await createApprovedDocument(office, files);
    await expect(
      signDocument(await as('referent.fn'), documentId, {
        credential: 'personal',
        password: 'zle-haslo',
      }),
    ).rejects.toMatchObject({ code: 'signature.wrong_password' });
    await expect(
      signDocument(await as('referent.fn'), documentId, { credential: 'personal' }),
    ).rejects.toMatchObject({ code: 'signature.password_required' });
    // The unit head of another unit does not see the case at all.
    await expect(
      signDocument(await as('kierownik.gk'), documentId, { credential: 'personal', password: 'x' }),
    ).rejects.toMatchObject({ code: 'document.not_found' });
    // The last approver may sign, but has no certificate of their own.
    await expect(
      signDocument(await as('kierownik.fn'), documentId, { credential: 'personal', password: 'x' }),
    ).rejects.toMatchObject({ code: 'signature.no_credential' });
    expect((await getDocument(await as('referent.fn'), documentId)).status).toBe('approved');
  });

  it('seals a document with the office seal, whose password comes from the settings', async () => {
    await expect(
      addSigningCredential(
        await office.as('referent.fn'),
        { kind: 'office_seal', password: pki.officeSeal.password },
        pki.officeSeal.p12,
      ),
    ).rejects.toMatchObject({ code: 'signature.forbidden' });
    await addSigningCredential(
      await office.as('admin'),
      { kind: 'office_seal', password: pki.officeSeal.password, label: 'Pieczęć UM Demo' },
      pki.officeSeal.p12,
    );
    const { documentId } = await createApprovedDocument(office, files, { title: 'Zaświadczenie' });
    const referent = await as('referent.fn');
    await expect(
      signDocument(referent, documentId, { credential: 'office_seal' }),
    ).rejects.toMatchObject({ code: 'signature.seal_password_missing' });
    const sealed = await signDocument(
      { ...referent, sealPassword: pki.officeSeal.password },
      documentId,
      { credential: 'office_seal' },
    );
    expect(sealed.signerSubject).toContain('CN=Urząd Miasta Demo');
    const [listed] = await listDocumentSignatures(referent, documentId);
    expect(listed).toMatchObject({ credentialKind: 'office_seal', report: { valid: true } });
    const kinds = (await listSigningCredentials(referent)).map((c) => c.kind);
    expect(kinds.sort()).toEqual(['office_seal', 'personal']);
  });
});

describe('registering signing certificates', () => {
  it('rejects a wrong password, an expired or non-signing certificate and a duplicate', async () => {
    const referent = await office.as('referent2.fn');
    const add = (p12: Uint8Array, password: string) =>
      addSigningCredential(referent, { kind: 'personal', password }, p12);
    await expect(add(pki.personal.p12, 'zle-haslo')).rejects.toMatchObject({
      code: 'signature.wrong_password',
    });
    const expired = pki.ca.issue({
      commonName: 'Anna Nowak',
      notAfter: new Date('2026-01-31T00:00:00Z'),
    });
    await expect(add(expired.p12, expired.password)).rejects.toMatchObject({
      code: 'signature.certificate_expired',
    });
    const encryption = pki.ca.issue({ commonName: 'Anna Nowak', kind: 'encryption' });
    await expect(add(encryption.p12, encryption.password)).rejects.toMatchObject({
      code: 'signature.not_signing_certificate',
    });
    await expect(add(pki.personal.p12, pki.personal.password)).rejects.toMatchObject({
      code: 'signature.credential_exists',
    });
  });
});
