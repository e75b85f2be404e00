import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from './support/context.ts';
import { buildIncoming } from './support/factories.ts';
import { createDiskFileStore } from '../src/platform/files/file-store.ts';
import {
  decideApproval,
  listMyApprovalTasks,
  sendForApproval,
} from '../src/modules/approvals/approvals.usecases.ts';
import {
  acceptAssignment,
  assignIncoming,
} from '../src/modules/assignments/assignments.usecases.ts';
import { closeCase, issueDecision } from '../src/modules/case-closing/case-closing.usecases.ts';
import { openCase } from '../src/modules/cases/cases.usecases.ts';
import {
  extendCaseDeadline,
  pauseCaseDeadline,
  resumeCaseDeadline,
  setCaseDeadline,
} from '../src/modules/case-deadlines/case-deadlines.usecases.ts';
import {
  addDocumentVersion,
  getDocument,
  listCaseDocuments,
  readDocumentVersion,
} from '../src/modules/documents/documents.usecases.ts';
import {
  applyDeliveryFiction,
  markSent,
  recordArrival,
  registerOutgoing,
} from '../src/modules/dispatch/dispatch.usecases.ts';
import { registerIncoming } from '../src/modules/incoming/incoming.usecases.ts';
import { getCaseRecord } from '../src/modules/cases/case-record.usecases.ts';
import { verifyRecordChains } from '../src/modules/cases/case-record.verify.ts';
import {
  listDocumentSignatures,
  readSignatureFile,
  signDocument,
  verifyUploadedSignature,
} from '../src/modules/signatures/signatures.usecases.ts';
import { createTestPki } from '../src/modules/signatures/throwaway-ca.ts';
import { enrolTestSigner } from './support/signing.ts';
import { runSearchIndexer } from '../src/modules/search/search-indexer.ts';
import { searchEverything } from '../src/modules/search/search.usecases.ts';
import { createDraftFromTemplate } from '../src/modules/templates/template-drafts.usecases.ts';
import { extractPdfText } from '../src/platform/files/pdf-text.ts';

const office = useDemoOffice('2026-03-09T08:00:00+01:00');
const files = createDiskFileStore(path.join(os.tmpdir(), `obieg-walk-${process.pid}`), 8 << 20);
const as = async (login: string) => ({ ...(await office.as(login)), files });

describe('a case from an e-Doręczenia letter to a closed case', () => {
  it('walks registration, dekretacja, deadline, pause, extension, drafting, approval, signature, dispatch, fiction, appeal and closing, each in the record', async () => {
    // Registered on Monday; the delivery proof (UPD) of the e-Doręczenia letter is Saturday's.
    const kancelaria = await as('kancelaria');
    const item = await registerIncoming(
      kancelaria,
      buildIncoming({
        title: 'Wniosek o umorzenie zaległości w podatku od nieruchomości',
        channel: 'edoreczenia',
        receivedAt: '2026-03-07T14:12:00+01:00',
      }),
    );
    const assignment = await assignIncoming(kancelaria, item.id, {
      userId: office.demo.people['referent.fn']!,
      method: 'do załatwienia',
    });
    const referent = await as('referent.fn');
    await acceptAssignment(referent, assignment.id);
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Umorzenie zaległości podatkowej – Jan Kowalski',
      incomingId: item.id,
    });
    expect(kase.sign).toBe('FN.3110.1.2026');

    // One month from the Saturday of the delivery proof (art. 35 § 3, art. 57 § 3).
    const set = await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    expect(set).toMatchObject({ startsOn: '2026-03-07', due: '2026-04-07' });

    // Waiting 10 days for the party to complete the application is not counted (art. 35 § 5).
    office.clock.set('2026-03-10T10:00:00+01:00');
    await pauseCaseDeadline(referent, kase.id, {
      reason: 'completion',
      description: 'Wezwanie do uzupełnienia braków formalnych (art. 64 § 2 KPA)',
      startsOn: '2026-03-10',
    });
    office.clock.set('2026-03-20T10:00:00+01:00');
    const resumed = await resumeCaseDeadline(referent, kase.id, { endsOn: '2026-03-20' });
    expect(resumed).toMatchObject({ pausedDays: 10, due: '2026-04-17' });

    // Art. 36: a new date, with a delay notice drafted from the office's template.
    const extended = await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-05-15',
      reason: 'konieczność uzyskania opinii rzeczoznawcy majątkowego',
    });
    expect(extended.due).toBe('2026-05-15');
    const notice = (await listCaseDocuments(referent, kase.id)).find(
      (d) => d.kind === 'delay_notice',
    );
    expect(notice?.status).toBe('draft');
    const noticePdf = await readDocumentVersion(referent, notice!.id);
    const noticeText = (await extractPdfText(noticePdf.content)).pages.join(' ');
    expect(noticeText).toContain('15 maja 2026');
    expect(noticeText).toContain('ponaglenie');
    // The notice goes out on paper by registered post: approved by the head, signed by hand.
    const kierownik = await office.as('kierownik.fn');
    await sendForApproval(referent, notice!.id, {
      steps: [{ approverIds: [office.demo.people['kierownik.fn']!] }],
    });
    await decideApproval(kierownik, (await listMyApprovalTasks(kierownik)).at(-1)!.id, {
      decision: 'approve',
    });
    const noticeOut = await registerOutgoing(referent, {
      documentId: notice!.id,
      addressee: {
        name: 'Jan Kowalski',
        address: {
          street: 'ul. Wojska Polskiego 1',
          postalCode: '72-600',
          town: 'Świnoujście',
          country: 'Polska',
        },
      },
      method: 'post_return_receipt',
      postalClass: 'priority',
    });
    expect(noticeOut.rkwNumber).toBe('RKW/1/2026');
    await markSent(kancelaria, noticeOut.id);

    // The decision drafted from the template, returned once by the head of unit, then approved.
    const draft = await createDraftFromTemplate(referent, kase.id, {
      templateCode: 'decision',
      title: 'Decyzja o umorzeniu zaległości podatkowej',
      fields: {
        legal_basis: 'art. 67a § 1 pkt 3 Ordynacji podatkowej',
        ruling: 'umorzyć zaległość w podatku od nieruchomości za 2025 r. w kwocie 1 240,00 zł',
        reasoning: 'Strona wykazała ważny interes podatnika.',
        appeal_body: 'Samorządowego Kolegium Odwoławczego w Szczecinie',
      },
    });
    const steps = [
      { approverIds: [office.demo.people['kierownik.fn']!] },
      { approverIds: [office.demo.people['sekretarz']!] },
    ];
    await sendForApproval(referent, draft.id, { steps });
    const firstTask = (await listMyApprovalTasks(kierownik)).at(-1)!;
    await decideApproval(kierownik, firstTask.id, {
      decision: 'return',
      comment: 'Proszę wskazać kwotę odsetek',
    });
    const corrected = await readDocumentVersion(referent, draft.id);
    await addDocumentVersion(
      referent,
      draft.id,
      { name: 'decyzja-v2.pdf', content: corrected.content },
      'Uzupełniono kwotę odsetek',
    );
    await sendForApproval(referent, draft.id, { steps });
    await decideApproval(kierownik, (await listMyApprovalTasks(kierownik)).at(-1)!.id, {
      decision: 'approve',
    });
    const sekretarz = await office.as('sekretarz');
    await decideApproval(sekretarz, (await listMyApprovalTasks(sekretarz)).at(-1)!.id, {
      decision: 'approve',
    });
    expect((await getDocument(referent, draft.id)).status).toBe('approved');

    // Signed by the handler with a personal certificate (XAdES-BES over the approved PDF).
    const pki = createTestPki();
    await enrolTestSigner(office, pki);
    const signed = await signDocument(referent, draft.id, {
      credential: 'personal',
      password: pki.personal.password,
    });
    expect((await getDocument(referent, draft.id)).status).toBe('signed');
    const [signature] = await listDocumentSignatures(referent, draft.id);
    expect(signature!.report).toMatchObject({ valid: true, integrity: 'ok' });
    const xades = await readSignatureFile(referent, draft.id, signed.id);
    const approvedPdf = await readDocumentVersion(referent, draft.id);
    const tampered = new Uint8Array(approvedPdf.content);
    tampered[tampered.length - 20]! ^= 1;
    const [tamperedReport] = await verifyUploadedSignature(referent, xades.content, tampered);
    expect(tamperedReport).toMatchObject({ valid: false, integrity: 'broken' });

    // Dispatched by e-Doręczenia on 20 April, in the addressee's box the same day (dowód
    // otrzymania), never collected: deemed delivered the day after the 14 days from that arrival
    // (u.d.e. art. 42 ust. 2), and the 14-day appeal term runs from that date.
    await issueDecision(referent, draft.id);
    office.clock.set('2026-04-20T09:00:00+02:00');
    const outgoing = await registerOutgoing(referent, {
      documentId: draft.id,
      addressee: { name: 'Jan Kowalski' },
      method: 'edoreczenia',
      electronicAddress: 'AE:PL-51234-56789-ABCDE-21',
    });
    await markSent(kancelaria, outgoing.id);
    await recordArrival(kancelaria, outgoing.id, { arrivedOn: '2026-04-20' });
    office.clock.set('2026-05-04T09:00:00+02:00');
    await expect(applyDeliveryFiction(kancelaria, outgoing.id)).rejects.toMatchObject({
      code: 'dispatch.fiction_too_early',
    });
    office.clock.set('2026-05-05T09:00:00+02:00');
    const delivered = await applyDeliveryFiction(kancelaria, outgoing.id);
    expect(delivered).toMatchObject({
      deliveryKind: 'fiction',
      deliveredOn: '2026-05-05',
      appealDue: '2026-05-19',
    });

    office.clock.set('2026-05-20T09:00:00+02:00');
    const closed = await closeCase(referent, kase.id);
    expect(closed).toMatchObject({
      closedOn: '2026-05-20',
      archivalCategory: 'B10',
      disposalFrom: '2037-01-01',
    });

    const record = await getCaseRecord(referent, kase.id);
    expect(record.rows.map((r) => r.action)).toEqual([
      'incoming.registered',
      'assignment.created',
      'assignment.accepted',
      'case.opened',
      'case.incoming_joined',
      'deadline.set',
      'deadline.paused',
      'deadline.resumed',
      'document.added', // the delay notice, drafted from the template with the extension
      'document.version_added',
      'deadline.extended',
      'approval.requested',
      'approval.approved',
      'document.approved',
      'outgoing.registered',
      'outgoing.sent',
      'document.added', // the decision
      'document.version_added',
      'approval.requested',
      'approval.returned',
      'document.version_added',
      'approval.requested',
      'approval.approved',
      'approval.approved',
      'document.approved',
      'document.signed',
      'decision.issued',
      'outgoing.registered',
      'outgoing.sent',
      'outgoing.arrived',
      'outgoing.delivered',
      'case.closed',
    ]);
    const first = record.rows[0]!;
    expect(first).toMatchObject({ person: 'Anna Nowak', documentId: item.rpwNumber });
    const fiction = record.rows.find((r) => r.description.includes('art. 42 ust. 2 u.d.e.):'))!;
    expect(fiction.description).toContain('wpłynęła 2026-04-20 wg dowodu otrzymania');
    expect(fiction.description).toContain('2026-05-19');
    const times = record.rows.map((r) => r.at);
    expect([...times].sort()).toEqual(times);
    // Found again by full-text search, by words of the signed decision's PDF.
    await runSearchIndexer({ db: office.database.db, clock: office.clock, files });
    const found = await searchEverything(referent, { q: 'umorzyc zaleglosc 1 240' });
    expect(found.map((h) => [h.type, h.id])).toContainEqual(['document', draft.id]);
    expect((await verifyRecordChains(office.database.db)).broken).toEqual([]);
  });
});
