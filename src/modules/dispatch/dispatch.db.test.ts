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
import { closeCase, issueDecision } from '../cases/case-closing.usecases.ts';
import { getCase, openCase } from '../cases/cases.usecases.ts';
import { addDocument } from '../documents/documents.usecases.ts';
import { getCaseRecord } from '../record/record.usecases.ts';
import {
  listPostalQueue,
  markSent,
  recordDelivery,
  registerOutgoing,
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

    await expect(
      registerOutgoing(referent, {
        documentId: document.id,
        addressee: { name: 'x' },
        method: 'epuap',
        electronicAddress: 'x@y',
      }),
    ).rejects.toMatchObject({ code: 'dispatch.document_not_ready' });
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
    const actions = (await getCaseRecord(referent, kase.id)).rows.map((r) => r.action);
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
});
