import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { addDocument, addDocumentVersion, getDocument } from '../documents/documents.usecases.ts';
import { createSubstitution } from '../org/org.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import {
  createApprovalPath,
  decideApproval,
  listDocumentApprovals,
  listMyApprovalTasks,
  sendForApproval,
} from './approvals.usecases.ts';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-approvals-${process.pid}`),
  1024 * 1024,
);
const text = (s: string) => ({ name: 'projekt.txt', content: new TextEncoder().encode(s) });

async function draftDecision(title = 'Decyzja w sprawie podatku od nieruchomości') {
  const referent = { ...(await office.as('referent.fn')), files };
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: 'Wymiar podatku',
  });
  const document = await addDocument(
    referent,
    kase.id,
    { kind: 'decision', title },
    text('Projekt decyzji v1'),
  );
  return { referent, kase, document };
}

async function currentTaskOf(login: string) {
  const tasks = await listMyApprovalTasks(await office.as(login));
  return tasks.at(-1)!;
}

describe('approval (akceptacja)', () => {
  it('walks a two-step path with one return, and records every decision', async () => {
    const admin = await office.as('admin');
    await createApprovalPath(admin, {
      name: 'Decyzje podatkowe FN',
      unitId: office.demo.units.FN,
      documentKind: 'decision',
      steps: [
        { approverIds: [office.demo.people['kierownik.fn']!] },
        { approverIds: [office.demo.people['sekretarz']!] },
      ],
    });
    const { referent, kase, document } = await draftDecision();
    await sendForApproval(referent, document.id, {});
    expect((await getDocument(referent, document.id)).status).toBe('in_approval');

    const kierownik = await office.as('kierownik.fn');
    await expect(
      decideApproval(await office.as('sekretarz'), (await currentTaskOf('kierownik.fn')).id, {
        decision: 'approve',
      }),
    ).rejects.toMatchObject({ code: 'approval.not_your_turn' });
    await expect(
      decideApproval(kierownik, (await currentTaskOf('kierownik.fn')).id, { decision: 'return' }),
    ).rejects.toMatchObject({ code: 'approval.comment_required' });
    expect(
      await decideApproval(kierownik, (await currentTaskOf('kierownik.fn')).id, {
        decision: 'return',
        comment: 'Proszę uzupełnić podstawę prawną',
      }),
    ).toEqual({ status: 'returned' });
    expect((await getDocument(referent, document.id)).status).toBe('draft');

    await addDocumentVersion(
      referent,
      document.id,
      text('Projekt decyzji v2 z podstawą prawną'),
      'uzupełniono podstawę prawną',
    );
    await sendForApproval(referent, document.id, {});
    expect(
      await decideApproval(kierownik, (await currentTaskOf('kierownik.fn')).id, {
        decision: 'approve',
      }),
    ).toEqual({ status: 'next_step' });
    expect(
      await decideApproval(await office.as('sekretarz'), (await currentTaskOf('sekretarz')).id, {
        decision: 'approve',
        comment: 'Bez uwag',
      }),
    ).toEqual({ status: 'approved' });
    expect((await getDocument(referent, document.id)).status).toBe('approved');

    const history = await listDocumentApprovals(referent, document.id);
    expect(history.map((t) => [t.approver, t.status])).toEqual([
      ['Krzysztof Woźniak', 'returned'],
      ['Tomasz Lewandowski', 'cancelled'],
      ['Krzysztof Woźniak', 'approved'],
      ['Tomasz Lewandowski', 'approved'],
    ]);
    const actions = (await getCaseRecord(referent, kase.id)).rows.map((r) => r.action);
    expect(actions).toEqual([
      'case.opened',
      'document.added',
      'document.version_added',
      'approval.requested',
      'approval.returned',
      'document.version_added',
      'approval.requested',
      'approval.approved',
      'approval.approved',
      'document.approved',
    ]);
  });

  it('collects parallel opinions before the next step, and lets a substitute and a forward act', async () => {
    const { referent, document } = await draftDecision('Zaświadczenie');
    const p = office.demo.people;
    await sendForApproval(referent, document.id, {
      steps: [
        { kind: 'opinion', approverIds: [p['referent2.fn']!, p['kierownik.or']!] },
        { approverIds: [p['kierownik.fn']!] },
      ],
    });
    expect(
      await decideApproval(
        await office.as('referent2.fn'),
        (await currentTaskOf('referent2.fn')).id,
        { decision: 'approve', comment: 'Opinia pozytywna' },
      ),
    ).toEqual({ status: 'waiting_for_parallel' });
    const forwarded = await decideApproval(
      await office.as('kierownik.or'),
      (await currentTaskOf('kierownik.or')).id,
      { decision: 'forward', forwardTo: p['sekretarz'] },
    );
    expect(forwarded).toEqual({ status: 'forwarded' });
    expect(
      await decideApproval(await office.as('sekretarz'), (await currentTaskOf('sekretarz')).id, {
        decision: 'approve',
      }),
    ).toEqual({ status: 'next_step' });
    await createSubstitution(await office.as('admin'), {
      absentUserId: p['kierownik.fn']!,
      substituteUserId: p['kierownik.gk']!,
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
    });
    expect(
      await decideApproval(
        await office.as('kierownik.gk'),
        (await currentTaskOf('kierownik.gk')).id,
        { decision: 'approve' },
      ),
    ).toEqual({ status: 'approved' });
  });

  it('refuses to send a document that is not a draft, or without any path', async () => {
    const { referent, document } = await draftDecision('Pismo bez ścieżki');
    await expect(
      sendForApproval(referent, document.id, { pathId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'approval.no_path' });
  });
});
