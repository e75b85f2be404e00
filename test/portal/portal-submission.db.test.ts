import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../support/context.ts';
import {
  decideAsStaff,
  portalDeps,
  SAMPLE_PDF,
  signInAs,
  testFileStore,
  withPortalOutlet,
  buildTaxApplication,
} from './portal-support.ts';
import { getCaseRecord } from '../../src/modules/cases/case-record.usecases.ts';
import { registerOutgoing } from '../../src/modules/dispatch/dispatch.usecases.ts';
import { createSignedDocument } from '../support/signing.ts';
import { loadTrustAnchors } from '../../src/modules/signatures/signing-credentials.usecases.ts';
import { verifySignatures } from '../../src/modules/signatures/verify-signatures.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { formatAccessCode } from '../../src/modules/incoming/access-code.ts';
import {
  submitApplication,
  submissionReference,
  processPendingSubmissions,
} from '../../src/modules/portal/submissions.usecases.ts';
import {
  downloadLetter,
  getMyMatter,
  readMyReceipt,
} from '../../src/modules/portal/matters.usecases.ts';
import { reportUncollectedPortalLetters } from '../../src/modules/portal/portal.worker.ts';
import { PORTAL_RECEIPTS_NS } from '../../src/modules/portal/receipt-document.ts';
import {
  applyDeliveryFiction,
  showOutgoing,
} from '../../src/modules/dispatch/dispatch.usecases.ts';
import { runNotificationWorker } from '../../src/modules/notifications/notifications.worker.ts';
import { listMyNotifications } from '../../src/modules/notifications/notifications.usecases.ts';
import type { FileStore } from '../../src/platform/files/file-store.ts';

const office = useDemoOffice('2026-03-02T09:15:00+01:00');
const files = testFileStore('submission');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('an application submitted through the portal', () => {
  it('is registered in the RPW (channel portal), assigned to the form unit and acknowledged with a sealed potwierdzenie złożenia pisma that verifies', async () => {
    const deps = portalDeps(office, files);
    const { session } = await signInAs(deps);
    const result = await submitApplication(
      deps,
      session,
      'podatek-od-nieruchomosci',
      buildTaxApplication(),
      [{ name: 'IN-1.pdf', content: SAMPLE_PDF }],
    );
    expect(result).toMatchObject({ ok: true, status: 'registered' });
    if (!result.ok) return;

    const submission = await office.database.db
      .selectFrom('portal_submissions')
      .selectAll()
      .where('id', '=', result.submissionId)
      .executeTakeFirstOrThrow();
    const item = await office.database.db
      .selectFrom('incoming_items')
      .selectAll()
      .where('id', '=', submission.incoming_id!)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      rpw_sign: 'RPW/1/2026',
      channel: 'portal',
      sender_name: 'Jan Kowalski',
      title: 'Wniosek w sprawie podatku od nieruchomości',
      attachments_count: 1,
      sender_reference: submissionReference(result.submissionId),
    });
    expect(item.received_at.toISOString()).toBe('2026-03-02T08:15:00.000Z');
    expect(item.access_code).toMatch(/^[A-Z2-9]{10}$/);

    // Routed to the Finance unit (the form's unit), by the portal's system account.
    const assignments = await office.database.db
      .selectFrom('assignments')
      .innerJoin('users', 'users.id', 'assignments.assigned_by')
      .select(['assignments.unit_id', 'assignments.status', 'users.login', 'users.kind'])
      .where('incoming_id', '=', item.id)
      .execute();
    expect(assignments).toEqual([
      { unit_id: office.demo.units.FN, status: 'pending', login: 'portal.demo', kind: 'system' },
    ]);

    // The application document, its printout and the attachment are the item's files.
    const itemFiles = await office.database.db
      .selectFrom('incoming_files')
      .innerJoin('files', 'files.id', 'incoming_files.file_id')
      .select(['files.original_name', 'files.sha256'])
      .where('incoming_id', '=', item.id)
      .orderBy('files.original_name')
      .execute();
    expect(itemFiles.map((f) => f.original_name)).toEqual([
      'IN-1.pdf',
      'wniosek.pdf',
      'wniosek.xml',
    ]);
    expect(itemFiles[0]!.sha256).toBe(sha256(SAMPLE_PDF));
    const applicationXml = (await files.get(submission.document_sha256)).toString('utf8');
    expect(itemFiles[2]!.sha256).toBe(submission.document_sha256);
    expect(applicationXml).toContain(`sha256="${sha256(SAMPLE_PDF)}"`);
    expect(applicationXml).toContain('rozłożenie podatku lub zaległości na raty');

    // The portal's own receipt, not an imitation of ePUAP's UPP: the office's namespace and name
    // ("potwierdzenie złożenia pisma"); sealed XML that verifies, and its PDF.
    const receipt = await readMyReceipt(deps, session, result.submissionId, 'xml');
    const xml = new TextDecoder().decode(receipt.content);
    expect(receipt.fileName).toBe('potwierdzenie-zlozenia-RPW-1-2026.xml');
    expect(xml).toContain(`<pp:PotwierdzenieZlozeniaPisma xmlns:pp="${PORTAL_RECEIPTS_NS}">`);
    expect(xml).not.toContain('crd.gov.pl');
    // Outside the seal's signature, whose base64 may hold any three letters by chance.
    const unsigned = xml.replace(/<(\w+:)?Signature\b[\s\S]*<\/(\w+:)?Signature>/, '');
    expect(unsigned).toContain('<pp:NumerRPW>');
    expect(unsigned).not.toMatch(/UPP|UPD/);
    expect(xml).toContain('<pp:NumerRPW>RPW/1/2026</pp:NumerRPW>');
    expect(xml).toContain('<pp:DataWplywu>2026-03-02T09:15:00+01:00</pp:DataWplywu>');
    expect(xml).toContain(`<pp:Skrot algorytm="SHA-256">${submission.document_sha256}</pp:Skrot>`);
    expect(xml).toContain(`<pp:KodDostepu>${formatAccessCode(item.access_code!)}</pp:KodDostepu>`);
    const [report] = await verifySignatures(receipt.content, undefined, {
      trustAnchors: await loadTrustAnchors(office.database.db, office.demo.officeId),
    });
    expect(report).toMatchObject({
      valid: true,
      integrity: 'ok',
      certificate: { chain: 'trusted' },
    });
    const tampered = xml.replace('RPW/1/2026', 'RPW/9/2026');
    const [tamperedReport] = await verifySignatures(new TextEncoder().encode(tampered));
    expect(tamperedReport).toMatchObject({ valid: false, integrity: 'broken' });
    const pdf = await readMyReceipt(deps, session, result.submissionId, 'pdf');
    const text = (await extractPdfText(pdf.content)).pages.join(' ');
    expect(text).toContain('Potwierdzenie złożenia pisma');
    expect(text).not.toMatch(/UPP|poświadczenie przedłożenia/);
    expect(text).toContain('RPW/1/2026');
    expect(text).toContain(formatAccessCode(item.access_code!));
    expect(text).toContain(submission.document_sha256);

    const matter = await getMyMatter(deps, session, result.submissionId);
    expect(matter.progress).toMatchObject({
      status: 'assigned',
      deadline: { estimated: true, due: '2026-04-02' },
    });
  });

  it('is refused with a message per field for a bad postal code, NIP check digit, missing fields or file type', async () => {
    const deps = portalDeps(office, files);
    const { session } = await signInAs(deps);
    const before = await countSubmissions();
    const result = await submitApplication(
      deps,
      session,
      'podatek-od-nieruchomosci',
      buildTaxApplication({ postalCode: '72600', nip: '123-456-32-19', justification: ' ' }),
      [
        {
          name: 'archiwum.zip',
          content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        },
      ],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'attachments',
      'justification',
      'nip',
      'postalCode',
    ]);
    expect(result.errors.nip).toContain('cyfra kontrolna');
    expect(result.errors.attachments).toContain('format');
    const required = await submitApplication(
      deps,
      session,
      'warunki-zabudowy',
      { street: 'Polna 1', postalCode: '72-600', town: 'Demo' },
      [],
    );
    expect(required.ok === false && required.errors.attachments).toContain('wymagany załącznik');
    expect(await countSubmissions()).toBe(before);
  });

  it('completes a registration cut short after the RPW entry, without registering it twice', async () => {
    const failing = failOnceOn(files, sha256(SAMPLE_PDF));
    const deps = portalDeps(office, failing);
    const { session } = await signInAs(deps);
    const result = await submitApplication(
      deps,
      session,
      'pismo-ogolne',
      {
        street: 'ul. Polna 2',
        postalCode: '72-600',
        town: 'Świnoujście',
        subject: 'Przycięcie drzewa przy ul. Polnej',
        content: 'Proszę o przycięcie gałęzi zasłaniających znak drogowy.',
      },
      [{ name: 'zdjecie.pdf', content: SAMPLE_PDF }],
    );
    expect(result).toMatchObject({ ok: true, status: 'received' });
    if (!result.ok) return;
    const stuck = await office.database.db
      .selectFrom('portal_submissions')
      .select(['status', 'incoming_id', 'last_error'])
      .where('id', '=', result.submissionId)
      .executeTakeFirstOrThrow();
    expect(stuck).toMatchObject({ status: 'received', last_error: 'disk hiccup' });
    expect(stuck.incoming_id).not.toBeNull();

    expect(await processPendingSubmissions(deps)).toMatchObject({ registered: 1 });
    const items = await office.database.db
      .selectFrom('incoming_items')
      .select('id')
      .where('sender_reference', '=', submissionReference(result.submissionId))
      .execute();
    expect(items).toHaveLength(1);
    const attached = await office.database.db
      .selectFrom('incoming_files')
      .select('file_id')
      .where('incoming_id', '=', items[0]!.id)
      .execute();
    expect(attached).toHaveLength(3);
    const assignments = await office.database.db
      .selectFrom('assignments')
      .select(['unit_id'])
      .where('incoming_id', '=', items[0]!.id)
      .execute();
    expect(assignments).toEqual([{ unit_id: office.demo.units.KA }]);
    expect((await getMyMatter(deps, session, result.submissionId)).receiptReady).toBe(true);
  });

  it('receives the decision through the portal: the first download is the delivery, recorded in the case with the appeal term', async () => {
    office.clock.set('2026-03-03T10:00:00+01:00');
    const deps = portalDeps(office, files);
    const { session, submitted, decided } = await submittedAndDecided(deps);

    const matter = await getMyMatter(deps, session, submitted.submissionId);
    expect(matter.progress).toMatchObject({
      status: 'decided',
      caseSign: decided.caseSign,
      deadline: { due: '2026-04-03', estimated: false },
    });
    expect(matter.letters).toMatchObject([
      {
        outgoingId: decided.outgoingId,
        downloadedAt: null,
        deliveredOn: null,
      },
    ]);
    expect(matter.letters[0]).not.toHaveProperty('fictionDate');

    office.clock.set('2026-03-05T18:30:00+01:00');
    const letter = await downloadLetter(deps, session, decided.outgoingId);
    expect(letter.contentType).toBe('application/pdf');
    const outgoing = await office.database.db
      .selectFrom('outgoing_items')
      .selectAll()
      .where('id', '=', decided.outgoingId)
      .executeTakeFirstOrThrow();
    expect(outgoing).toMatchObject({
      status: 'delivered',
      delivered_on: '2026-03-05',
      delivery_kind: 'electronic_proof',
      appeal_term: '14d',
      appeal_due: '2026-03-19',
    });
    const proof = await office.database.db
      .selectFrom('files')
      .select(['sha256', 'original_name'])
      .where('id', '=', outgoing.proof_file_id!)
      .executeTakeFirstOrThrow();
    const proofXml = await files.get(proof.sha256);
    // The portal's own "potwierdzenie odbioru w portalu", not an ePUAP UPD.
    expect(proof.original_name).toMatch(/^potwierdzenie-odbioru-w-portalu-RKW-/);
    expect(proofXml.toString('utf8')).toContain(
      `<pp:PotwierdzenieOdbioruWPortalu xmlns:pp="${PORTAL_RECEIPTS_NS}">`,
    );
    expect(proofXml.toString('utf8')).not.toMatch(/UPD|crd\.gov\.pl/);
    expect(proofXml.toString('utf8')).toContain(
      '<pp:DataPobrania>2026-03-05T18:30:00+01:00</pp:DataPobrania>',
    );
    expect((await verifySignatures(new Uint8Array(proofXml)))[0]).toMatchObject({
      integrity: 'ok',
    });

    const record = await getCaseRecord(await office.as('referent.fn'), decided.caseId);
    const delivered = record.rows.find((r) => r.action === 'outgoing.delivered');
    expect(delivered?.description).toContain('w dniu 2026-03-05');
    expect(delivered?.description).toContain('potwierdzenie odbioru w portalu');
    expect(delivered?.description).toContain('upływa 2026-03-19');
    expect(record.rows.map((r) => r.action)).toContain('portal.receipt_issued');

    const after = await getMyMatter(deps, session, submitted.submissionId);
    expect(after.progress).toMatchObject({
      status: 'delivered',
      delivery: { deliveredOn: '2026-03-05', appealDue: '2026-03-19' },
    });
    office.clock.set('2026-03-06T08:00:00+01:00');
    await downloadLetter(deps, session, decided.outgoingId);
    const again = await office.database.db
      .selectFrom('outgoing_items')
      .select('delivered_on')
      .where('id', '=', decided.outgoingId)
      .executeTakeFirstOrThrow();
    expect(again.delivered_on).toBe('2026-03-05');

    // Another citizen never sees or downloads it.
    const other = await signInAs(deps, { name: 'Anna Wiśniewska', pesel: '85071545685' });
    await expect(downloadLetter(deps, other.session, decided.outgoingId)).rejects.toMatchObject({
      code: 'portal.not_found',
    });
    await expect(getMyMatter(deps, other.session, submitted.submissionId)).rejects.toMatchObject({
      code: 'portal.not_found',
    });
  });

  it('KPA art. 39 § 1: a portal letter is delivered only when downloaded — no 14-day fiction; not collected, the handler is told to send it by e-Doręczenia or post', async () => {
    office.clock.set('2026-04-01T10:00:00+02:00');
    const deps = portalDeps(office, files);
    const { decided } = await submittedAndDecided(deps);
    const kancelaria = await office.as('kancelaria');

    // The day the e-Doręczenia fiction would have struck (2026-04-16): still not delivered.
    office.clock.set('2026-04-14T12:00:00+02:00');
    expect(await reportUncollectedPortalLetters(deps)).toBe(0);
    office.clock.set('2026-04-16T06:00:00+02:00');
    await expect(applyDeliveryFiction(kancelaria, decided.outgoingId)).rejects.toMatchObject({
      code: 'dispatch.fiction_not_applicable',
    });
    expect(await reportUncollectedPortalLetters(deps)).toBe(1);
    expect(await reportUncollectedPortalLetters(deps)).toBe(0); // told once
    expect(await showOutgoing(kancelaria, decided.outgoingId)).toMatchObject({
      status: 'sent',
      deliveredOn: null,
      fictionDate: null,
      appealDue: null,
      notCollectedAt: '2026-04-16T04:00:00.000Z',
    });

    // The handler hears it from the notification worker (outbox), with what to do.
    await runNotificationWorker({ db: office.database.db, clock: office.clock }, { notifyDays: 0 });
    const notes = await listMyNotifications(await office.as('referent.fn'), {});
    expect(notes.map((n) => n.messagePl)).toContainEqual(
      expect.stringMatching(
        /nie pobrano w portalu: nie jest doręczone – doręcz je przez e-Doręczenia lub pocztą/,
      ),
    );
    const record = await getCaseRecord(await office.as('referent.fn'), decided.caseId);
    expect(record.rows.find((r) => r.action === 'outgoing.not_collected')?.description).toContain(
      'w portalu nie ma fikcji doręczenia',
    );

    // The same decision goes out again by e-Doręczenia; its appeal term runs from that delivery.
    const again = await registerOutgoing(await office.as('referent.fn'), {
      documentId: decided.documentId,
      addressee: { name: 'Jan Kowalski' },
      method: 'edoreczenia',
      electronicAddress: 'AE:PL-11111-22222-KOWAL-11',
    });
    expect(again.rkwNumber).toMatch(/^RKW\/\d+\/2026$/);
  });

  it('cannot be the dispatch method of a case whose party does not use the portal', async () => {
    const signed = await createSignedDocument(office, files);
    await expect(
      registerOutgoing(withPortalOutlet(await office.as('referent.fn')), {
        documentId: signed.documentId,
        addressee: { name: 'Jan Kowalski' },
        method: 'portal',
      }),
    ).rejects.toMatchObject({ code: 'portal.no_recipient' });
  });
});

/** A citizen signs in and submits a tax application without files; the staff decide it. */
async function submittedAndDecided(deps: ReturnType<typeof portalDeps>) {
  const { session } = await signInAs(deps);
  const submitted = await submitApplication(
    deps,
    session,
    'podatek-od-nieruchomosci',
    buildTaxApplication(),
    [],
  );
  if (!submitted.ok) throw new Error('not submitted');
  const { incoming_id } = await office.database.db
    .selectFrom('portal_submissions')
    .select('incoming_id')
    .where('id', '=', submitted.submissionId)
    .executeTakeFirstOrThrow();
  const decided = await decideAsStaff(office, files, incoming_id!);
  return { session, submitted, decided };
}

async function countSubmissions() {
  const row = await office.database.db
    .selectFrom('portal_submissions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A file store whose first read of one blob fails, as a disk or network share might. */
function failOnceOn(store: FileStore, sha: string): FileStore {
  let failed = false;
  return {
    put: (content) => store.put(content),
    remove: (hash) => store.remove(hash),
    get: async (hash) => {
      if (hash === sha && !failed) {
        failed = true;
        throw new Error('disk hiccup');
      }
      return store.get(hash);
    },
  };
}
