import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import {
  decideApproval,
  listMyApprovalTasks,
  sendForApproval,
} from '../approvals/approvals.usecases.ts';
import { closeCase, issueDecision } from '../case-closing/case-closing.usecases.ts';
import { getCase, openCase } from '../cases/cases.usecases.ts';
import { addDocument } from '../documents/documents.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import { createSignedDocument } from '../../../test/support/signing.ts';
import {
  applyDeliveryFiction,
  listPostalQueue,
  markSent,
  recordArrival,
  recordDelivery,
  registerOutgoing,
  showOutgoing,
} from './dispatch.usecases.ts';

const office = useDemoOffice('2026-03-02T09:00:00+01:00');
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-dispatch-${process.pid}`),
  1024 * 1024,
);

async function approvedDecision() {
  const referent = { ...(await office.as('referent.fn')), files };
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: 'Wymiar podatku od nieruchomości – Jan Kowalski',
  });
  const document = await addDocument(
    referent,
    kase.id,
    { kind: 'decision', title: 'Decyzja ustalająca wysokość podatku' },
    { name: 'decyzja.txt', content: new TextEncoder().encode('Decyzja') },
  );
  await sendForApproval(referent, document.id, {
    steps: [{ approverIds: [office.demo.people['kierownik.fn']!] }],
  });
  const kierownik = await office.as('kierownik.fn');
  await decideApproval(kierownik, (await listMyApprovalTasks(kierownik)).at(-1)!.id, {
    decision: 'approve',
  });
  return { referent, kase, document };
}

describe('dispatch, decisions and closing', () => {
  it('dispatches an approved paper decision by registered post, files the return receipt and starts the appeal term', async () => {
    const { referent, kase, document } = await approvedDecision();
    const issued = await issueDecision(referent, document.id);
    expect(issued.sign).toBe('DEC/1/2026');
    const outgoing = await registerOutgoing(referent, {
      documentId: document.id,
      addressee: {
        name: 'Jan Kowalski',
        address: { street: 'ul. Lipowa 5', postalCode: '00-950', town: 'Demo', country: 'Polska' },
      },
      method: 'post_return_receipt',
      postalClass: 'priority',
    });
    expect(outgoing.rkwNumber).toBe('RKW/1/2026');
    const kancelaria = { ...(await office.as('kancelaria')), files };
    expect((await listPostalQueue(kancelaria)).map((i) => i.rkwNumber)).toContain('RKW/1/2026');
    await markSent(kancelaria, outgoing.id);
    // Return receipt signed on Friday 12 December... here: Thursday 28 May 2026 → 14 days → 11 June.
    const delivered = await recordDelivery(
      kancelaria,
      outgoing.id,
      { kind: 'receipt', deliveredOn: '2026-05-28' },
      { name: 'zwrotka.pdf', content: new TextEncoder().encode('%PDF-1.4 zwrotka') },
    );
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveryKind: 'receipt',
      appealTerm: '14d',
      appealDue: '2026-06-11',
    });

    // Dispatched on paper, it may go to another addressee, but never electronically unsigned.
    await expect(
      registerOutgoing(referent, {
        documentId: document.id,
        addressee: { name: 'x' },
        method: 'epuap',
        electronicAddress: 'x@y',
      }),
    ).rejects.toMatchObject({ code: 'dispatch.electronic_needs_signature' });
    const closed = await closeCase(referent, kase.id);
    expect(closed).toMatchObject({
      closedOn: '2026-03-02',
      archivalCategory: 'B10',
      disposalFrom: '2037-01-01',
    });
    expect(await getCase(referent, kase.id)).toMatchObject({
      status: 'closed',
      archivalCategory: 'B10',
      disposalFrom: '2037-01-01',
    });
    const record = await getCaseRecord(referent, kase.id);
    expect(record.rows.find((r) => r.action === 'outgoing.delivered')?.description).toContain(
      'zwrotne potwierdzenie odbioru podpisane przez adresata',
    );
    const actions = record.rows.map((r) => r.action);
    expect(actions.slice(-5)).toEqual([
      'decision.issued',
      'outgoing.registered',
      'outgoing.sent',
      'outgoing.delivered',
      'case.closed',
    ]);
  });

  it('refuses to close a case with an unresolved draft and refuses electronic dispatch of an unsigned document', async () => {
    const { referent, kase, document } = await approvedDecision();
    await expect(
      registerOutgoing(referent, {
        documentId: document.id,
        addressee: { name: 'Jan Kowalski' },
        method: 'edoreczenia',
        electronicAddress: 'AE:PL-12345-67890-ABCDE-12',
      }),
    ).rejects.toMatchObject({ code: 'dispatch.electronic_needs_signature' });
    await addDocument(
      referent,
      kase.id,
      { kind: 'letter', title: 'Projekt pisma' },
      { name: 'p.txt', content: new TextEncoder().encode('p') },
    );
    await expect(closeCase(referent, kase.id)).rejects.toMatchObject({
      code: 'case.unresolved_drafts',
    });
  });

  it('KPA art. 44: a letter not collected after the notices is delivered at the end of the 14-day storage — first notice 2026-03-02 → delivered 2026-03-16, appeal due 2026-03-30; recorded as such, not as a return receipt', async () => {
    office.clock.set('2026-02-27T09:00:00+01:00');
    const { referent, kase, document } = await approvedDecision();
    const outgoing = await registerOutgoing(referent, {
      documentId: document.id,
      addressee: { name: 'Jan Kowalski', address: { town: 'Demo', country: 'Polska' } },
      method: 'post_return_receipt',
    });
    const kancelaria = { ...(await office.as('kancelaria')), files };
    await markSent(kancelaria, outgoing.id);
    await expect(applyDeliveryFiction(kancelaria, outgoing.id)).rejects.toMatchObject({
      code: 'dispatch.first_notice_required',
    });
    office.clock.set('2026-03-13T09:00:00+01:00');
    await expect(
      applyDeliveryFiction(kancelaria, outgoing.id, { firstNoticeOn: '2026-03-02' }),
    ).rejects.toMatchObject({ code: 'dispatch.fiction_too_early' });
    office.clock.set('2026-03-18T09:00:00+01:00');
    const envelope = {
      name: 'koperta-zwrocona.pdf',
      content: new TextEncoder().encode('%PDF-1.4'),
    };
    const delivered = await applyDeliveryFiction(
      kancelaria,
      outgoing.id,
      { firstNoticeOn: '2026-03-02' },
      envelope,
    );
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveryKind: 'postal_fiction',
      firstNoticeOn: '2026-03-02',
      deliveredOn: '2026-03-16',
      appealDue: '2026-03-30',
      proofName: 'zwrócona przesyłka z adnotacją o zawiadomieniach (art. 44 KPA)',
    });
    const row = (await getCaseRecord(referent, kase.id)).rows.find(
      (r) => r.action === 'outgoing.delivered',
    )!;
    expect(row.description).toContain('art. 44 KPA');
    expect(row.description).toContain('pierwsze zawiadomienie (awizo) 2026-03-02');
    expect(row.description).toContain('zwrócona przesyłka');
    expect(row.description).not.toContain('zwrotne potwierdzenie odbioru');
  });

  it('u.d.e. art. 42 ust. 2: e-Doręczenia to a person runs 14 days from the arrival in the dowód otrzymania, never from our sending — arrival Mon 2026-03-02 → 2026-03-17, appeal due 2026-03-31', async () => {
    office.clock.set('2026-02-27T15:00:00+01:00');
    const signed = await createSignedDocument(office, files, { title: 'Decyzja – e-Doręczenia' });
    const outgoing = await registerOutgoing(await office.as('referent.fn'), {
      documentId: signed.documentId,
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: 'AE:PL-11111-22222-KOWAL-11',
      method: 'edoreczenia',
    });
    const kancelaria = { ...(await office.as('kancelaria')), files };
    await markSent(kancelaria, outgoing.id); // sent on Friday 27 February
    office.clock.set('2026-03-14T09:00:00+01:00');
    // Fourteen days after our sending have passed, but no arrival is known: no fiction.
    await expect(applyDeliveryFiction(kancelaria, outgoing.id)).rejects.toMatchObject({
      code: 'dispatch.arrival_unknown',
    });
    const arrived = await recordArrival(
      kancelaria,
      outgoing.id,
      { arrivedOn: '2026-03-02' },
      { name: 'dowod-otrzymania.xml', content: new TextEncoder().encode('<rem:REMEvidence/>') },
    );
    expect(arrived).toMatchObject({
      status: 'sent',
      arrivedOn: '2026-03-02',
      fictionDate: '2026-03-17',
    });
    office.clock.set('2026-03-16T23:00:00+01:00');
    await expect(applyDeliveryFiction(kancelaria, outgoing.id)).rejects.toMatchObject({
      code: 'dispatch.fiction_too_early',
    });
    office.clock.set('2026-03-17T08:00:00+01:00');
    const delivered = await applyDeliveryFiction(kancelaria, outgoing.id);
    expect(delivered).toMatchObject({
      deliveryKind: 'fiction',
      deliveredOn: '2026-03-17',
      appealDue: '2026-03-31',
      proofName: 'dowód otrzymania',
    });
    const rows = (await getCaseRecord(await office.as('referent.fn'), signed.caseId)).rows;
    expect(rows.find((r) => r.action === 'outgoing.arrived')?.description).toContain(
      'w dniu 2026-03-02 (dowód otrzymania)',
    );
    const row = rows.find((r) => r.action === 'outgoing.delivered')!;
    expect(row.description).toContain('art. 42 ust. 2 u.d.e.');
    expect(row.description).toContain('dowodu otrzymania');
    expect(row.description).not.toContain('UPD');
    // The dowód otrzymania is filed with the letter and the record points to it.
    const item = await office.database.db
      .selectFrom('outgoing_items')
      .select(['proof_file_id', 'arrival_proof_file_id'])
      .where('id', '=', outgoing.id)
      .executeTakeFirstOrThrow();
    expect(item.proof_file_id).toBe(item.arrival_proof_file_id);
    expect(row.documentId).toBe(item.proof_file_id);
  });

  it('u.d.e. art. 42 ust. 2: arrival Sun 2026-03-01 → deemed delivered 2026-03-16', async () => {
    office.clock.set('2026-02-27T15:00:00+01:00');
    const signed = await createSignedDocument(office, files, { title: 'Decyzja – niedziela' });
    const outgoing = await registerOutgoing(await office.as('referent.fn'), {
      documentId: signed.documentId,
      addressee: { name: 'Anna Nowak', kind: 'business' },
      electronicAddress: 'AE:PL-33333-44444-NOWAK-22',
      method: 'edoreczenia',
    });
    const kancelaria = { ...(await office.as('kancelaria')), files };
    await markSent(kancelaria, outgoing.id);
    // The operator's dowód otrzymania issued after the 14 days (art. 41 ust. 1 pkt 3) gives the
    // arrival day; it is recorded with the fiction in one step.
    office.clock.set('2026-03-16T09:00:00+01:00');
    expect(
      await applyDeliveryFiction(kancelaria, outgoing.id, { arrivedOn: '2026-03-01' }),
    ).toMatchObject({
      arrivedOn: '2026-03-01',
      deliveredOn: '2026-03-16',
      appealDue: '2026-03-30',
    });
  });

  it('u.d.e. art. 42 ust. 1 pkt 2: a letter to a public entity (the SKO) is delivered on arrival — arrival 2026-03-02 → delivered 2026-03-02; no fiction', async () => {
    office.clock.set('2026-03-02T08:00:00+01:00');
    const signed = await createSignedDocument(office, files, { title: 'Akta do SKO' });
    const outgoing = await registerOutgoing(await office.as('referent.fn'), {
      documentId: signed.documentId,
      addressee: { name: 'Samorządowe Kolegium Odwoławcze w Szczecinie', kind: 'public_entity' },
      electronicAddress: 'AE:PL-55555-66666-SKOSZ-33',
      method: 'edoreczenia',
    });
    const kancelaria = { ...(await office.as('kancelaria')), files };
    await markSent(kancelaria, outgoing.id);
    office.clock.set('2026-03-02T16:00:00+01:00');
    const delivered = await recordArrival(kancelaria, outgoing.id, { arrivedOn: '2026-03-02' });
    expect(delivered).toMatchObject({
      addresseeKind: 'public_entity',
      status: 'delivered',
      deliveryKind: 'arrival',
      deliveredOn: '2026-03-02',
      fictionDate: null,
      proofName: 'dowód otrzymania',
    });
    await expect(applyDeliveryFiction(kancelaria, outgoing.id)).rejects.toMatchObject({
      code: 'dispatch.public_entity_on_arrival',
    });
    const row = (await getCaseRecord(await office.as('referent.fn'), signed.caseId)).rows.find(
      (r) => r.action === 'outgoing.delivered',
    )!;
    expect(row.description).toContain('podmiotu publicznego (art. 42 ust. 1 pkt 2 u.d.e.)');
    expect(await showOutgoing(kancelaria, outgoing.id)).toMatchObject({
      deliveredOn: '2026-03-02',
    });
  });

  it('refuses an arrival or a notice with a future date or before the sending, and a fiction for ePUAP', async () => {
    office.clock.set('2026-03-02T08:00:00+01:00');
    const signed = await createSignedDocument(office, files, { title: 'Pismo – ePUAP' });
    const referent = await office.as('referent.fn');
    const epuap = await registerOutgoing(referent, {
      documentId: signed.documentId,
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: '/jan.kowalski/domyslna',
      method: 'epuap',
    });
    const kancelaria = { ...(await office.as('kancelaria')), files };
    await markSent(kancelaria, epuap.id);
    await expect(applyDeliveryFiction(kancelaria, epuap.id)).rejects.toMatchObject({
      code: 'dispatch.fiction_not_applicable',
    });
    await expect(
      recordArrival(kancelaria, epuap.id, { arrivedOn: '2026-03-02' }),
    ).rejects.toMatchObject({
      code: 'dispatch.arrival_only_edoreczenia',
    });
    const ed = await registerOutgoing(referent, {
      documentId: signed.documentId,
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: 'AE:PL-11111-22222-KOWAL-11',
      method: 'edoreczenia',
    });
    await markSent(kancelaria, ed.id);
    await expect(
      recordArrival(kancelaria, ed.id, { arrivedOn: '2026-03-03' }),
    ).rejects.toMatchObject({
      code: 'dispatch.date_in_future',
    });
    await expect(
      recordArrival(kancelaria, ed.id, { arrivedOn: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'dispatch.date_before_sending',
    });
  });
});
