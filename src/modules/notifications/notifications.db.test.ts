import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import {
  createApprovalPath,
  decideApproval,
  sendForApproval,
} from '../approvals/approvals.usecases.ts';
import { listMyApprovalTasks } from '../approvals/approvals.usecases.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { setCaseDeadline } from '../case-deadlines/case-deadlines.usecases.ts';
import { addDocument } from '../documents/documents.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import type { MailMessage } from './notifications.mailer.ts';
import { listMyNotifications, markNotificationRead } from './notifications.usecases.ts';
import { runNotificationWorker } from './notifications.worker.ts';
import os from 'node:os';
import path from 'node:path';

const office = useDemoOffice('2026-03-02T09:00:00+01:00');
const files = createDiskFileStore(path.join(os.tmpdir(), `obieg-notify-${process.pid}`), 1 << 20);
const outbox: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void outbox.push(message) };

const runWorker = () =>
  runNotificationWorker({ db: office.database.db, clock: office.clock, mailer }, { notifyDays: 3 });
const kindsFor = async (login: string) =>
  (await listMyNotifications(await office.as(login))).map((n) => n.kind);

describe('notifications', () => {
  it('tells a unit head and secretariat about a new assignment, once, by e-mail when they have an address', async () => {
    await office.database.db
      .updateTable('users')
      .set({ email: 'kierownik.fn@um-demo.example' })
      .where('id', '=', office.demo.people['kierownik.fn']!)
      .execute();
    const kancelaria = await office.as('kancelaria');
    const item = await registerIncoming(kancelaria, buildIncoming());
    await assignIncoming(kancelaria, item.id, { unitId: office.demo.units.FN });

    await runWorker();
    await runWorker();

    const notes = await listMyNotifications(await office.as('kierownik.fn'));
    expect(notes.filter((n) => n.kind === 'assignment')).toHaveLength(1);
    expect(notes[0]!.messagePl).toContain(item.rpwNumber);
    expect(outbox.filter((m) => m.to === 'kierownik.fn@um-demo.example')).toHaveLength(1);
    expect(await kindsFor('referent.or')).toEqual([]);
  });

  it('follows an approval path: each current approver, then the author for the signature', async () => {
    const admin = await office.as('admin');
    await createApprovalPath(admin, {
      name: 'Pisma FN',
      unitId: office.demo.units.FN,
      documentKind: 'letter',
      steps: [
        { approverIds: [office.demo.people['kierownik.fn']!] },
        { approverIds: [office.demo.people['sekretarz']!] },
      ],
    });
    const referent = { ...(await office.as('referent.fn')), files };
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Ulga w podatku rolnym',
    });
    const document = await addDocument(
      referent,
      kase.id,
      { kind: 'letter', title: 'Odpowiedź w sprawie ulgi' },
      { name: 'pismo.txt', content: new TextEncoder().encode('Treść pisma') },
    );
    await sendForApproval(referent, document.id, {});
    await runWorker();
    expect(await kindsFor('kierownik.fn')).toContain('approval_waiting');
    expect(await kindsFor('sekretarz')).not.toContain('approval_waiting');

    const kierownik = await office.as('kierownik.fn');
    const [task] = await listMyApprovalTasks(kierownik);
    await decideApproval(kierownik, task!.id, { decision: 'approve' });
    await runWorker();
    expect(await kindsFor('sekretarz')).toContain('approval_waiting');

    const sekretarz = await office.as('sekretarz');
    const [last] = await listMyApprovalTasks(sekretarz);
    await decideApproval(sekretarz, last!.id, { decision: 'approve' });
    await runWorker();
    expect(await kindsFor('referent.fn')).toContain('signature_waiting');
  });

  it('warns the handler N working days before the deadline and again when it is missed', async () => {
    const referent = await office.as('referent.fn');
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Zwrot nadpłaty',
    });
    await setCaseDeadline(referent, kase.id, {
      kind: 'custom',
      term: '14d',
      startsOn: '2026-03-02',
    });
    // Due on Monday 16 March 2026: three working days before is Wednesday 11 March.
    office.clock.set('2026-03-10T09:00:00+01:00');
    await runWorker();
    const soon = (await listMyNotifications(referent)).filter((n) => n.caseId === kase.id);
    expect(soon.map((n) => n.kind)).toEqual([]);

    office.clock.set('2026-03-11T09:00:00+01:00');
    await runWorker();
    await runWorker();
    office.clock.set('2026-03-17T09:00:00+01:00');
    await runWorker();
    const notes = (await listMyNotifications(referent)).filter((n) => n.caseId === kase.id);
    expect(notes.map((n) => n.kind).sort()).toEqual(['deadline_missed', 'deadline_soon']);
  });

  it('lets only the addressee (or their substitute) mark a notification read', async () => {
    const kierownik = await office.as('kierownik.fn');
    const [note] = await listMyNotifications(kierownik, { unreadOnly: true });
    await expect(
      markNotificationRead(await office.as('referent.or'), note!.id),
    ).rejects.toMatchObject({ code: 'notification.not_found' });
    await markNotificationRead(kierownik, note!.id);
    const unread = await listMyNotifications(kierownik, { unreadOnly: true });
    expect(unread.map((n) => n.id)).not.toContain(note!.id);
  });
});
