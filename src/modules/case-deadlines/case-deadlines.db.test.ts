import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { extractPdfText } from '../../platform/files/pdf-text.ts';
import { addCaseParty } from '../cases/case-parties.usecases.ts';
import { listCaseDocuments, readDocumentVersion } from '../documents/documents.usecases.ts';
import { runNotificationWorker } from '../notifications/notifications.worker.ts';
import { listMyNotifications } from '../notifications/notifications.usecases.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import {
  extendCaseDeadline,
  listCaseDeadlines,
  pauseCaseDeadline,
  resumeCaseDeadline,
  setCaseDeadline,
  showCaseDeadline,
} from './case-deadlines.usecases.ts';

const office = useDemoOffice('2026-02-02T09:00:00+01:00');
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-deadlines-${process.pid}`),
  4 * 1024 * 1024,
);

async function caseFromLetter(receivedAt: string, login = 'referent.fn', unit: 'FN' | 'OR' = 'FN') {
  const kancelaria = await office.as('kancelaria');
  const letter = await registerIncoming(
    kancelaria,
    buildIncoming({ receivedAt, channel: 'edoreczenia' }),
  );
  await assignIncoming(kancelaria, letter.id, { userId: office.demo.people[login]! });
  return openCase(await office.as(login), {
    unitId: office.demo.units[unit],
    jrwaSymbol: unit === 'FN' ? '3110' : '0561',
    title: 'Wymiar podatku',
    incomingId: letter.id,
  });
}

describe('statutory deadline of a case', () => {
  it('starts on the delivery-proof day (a Saturday), is paused for completion and extended with a notice', async () => {
    const referent = await office.as('referent.fn');
    // e-Doręczenia delivery proof on Saturday 31 January 2026: the term runs from that day.
    const kase = await caseFromLetter('2026-01-31T22:15:00+01:00');
    const set = await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    expect(set).toMatchObject({
      startsOn: '2026-01-31',
      rawEnd: '2026-02-28',
      due: '2026-03-02',
      status: 'running',
    });

    const paused = await pauseCaseDeadline(referent, kase.id, {
      reason: 'completion',
      description: 'Wezwanie do uzupełnienia braków (art. 64 § 2 KPA)',
      startsOn: '2026-02-05',
    });
    expect(paused).toMatchObject({ status: 'paused', due: null, pausedSince: '2026-02-05' });
    await expect(
      pauseCaseDeadline(referent, kase.id, {
        reason: 'other',
        description: 'x',
        startsOn: '2026-02-06',
      }),
    ).rejects.toMatchObject({ code: 'deadline.already_paused' });

    const resumed = await resumeCaseDeadline(referent, kase.id, { endsOn: '2026-02-15' });
    // 28 February + 10 days = Tuesday 10 March.
    expect(resumed).toMatchObject({ pausedDays: 10, due: '2026-03-10', status: 'running' });

    await expect(
      extendCaseDeadline(referent, kase.id, { newDue: '2026-03-09', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'deadline.extension_not_later' });
    const extended = await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-04-10',
      reason: 'konieczność uzyskania opinii rzeczoznawcy majątkowego',
    });
    expect(extended.due).toBe('2026-04-10');
    expect(extended.extensions[0]?.noticeText).toMatch(/art\. 36 § 1/);
    expect(extended.extensions[0]?.noticeText).toContain('10.04.2026');
    expect(extended.extensions[0]?.noticeText).toMatch(/ponaglenia/);

    const record = await getCaseRecord(referent, kase.id);
    expect(record.rows.map((r) => r.action).filter((a) => a.startsWith('deadline.'))).toEqual([
      'deadline.set',
      'deadline.paused',
      'deadline.resumed',
      'deadline.extended',
    ]);
  });

  it('lists overdue and due-soon cases against a fixed clock, within the reader scope', async () => {
    const referent = await office.as('referent.fn');
    office.clock.set('2026-02-02T09:00:00+01:00');
    const overdue = await caseFromLetter('2026-01-05T10:00:00+01:00');
    await setCaseDeadline(referent, overdue.id, { kind: 'custom', term: '14d' }); // due Mon 19 Jan
    const soon = await caseFromLetter('2026-01-26T10:00:00+01:00');
    await setCaseDeadline(referent, soon.id, { kind: 'custom', term: '7d' }); // due Mon 2 Feb... 26 Jan + 7 = 2 Feb
    const later = await caseFromLetter('2026-02-02T08:00:00+01:00');
    await setCaseDeadline(referent, later.id, { kind: 'one_month' }); // due Mon 2 Mar
    const orCase = await caseFromLetter('2026-01-02T10:00:00+01:00', 'referent.or', 'OR');
    await setCaseDeadline(await office.as('referent.or'), orCase.id, {
      kind: 'custom',
      term: '7d',
    });

    const overdueForFn = await listCaseDeadlines(await office.as('kierownik.fn'), {
      kind: 'overdue',
    });
    expect(overdueForFn.map((c) => c.sign)).toContain(overdue.sign);
    expect(overdueForFn.map((c) => c.sign)).not.toContain(orCase.sign);
    expect(overdueForFn.find((c) => c.sign === overdue.sign)).toMatchObject({
      due: '2026-01-19',
      status: 'overdue',
      workingDaysLeft: -10,
    });

    const dueSoon = await listCaseDeadlines(referent, {
      kind: 'due_soon',
      withinWorkingDays: 5,
      mine: true,
    });
    expect(dueSoon.map((c) => c.sign)).toContain(soon.sign);
    expect(dueSoon.map((c) => c.sign)).not.toContain(later.sign);
    expect(dueSoon.find((c) => c.sign === soon.sign)).toMatchObject({
      due: '2026-02-02',
      workingDaysLeft: 0,
    });

    office.clock.set('2026-02-24T09:00:00+01:00');
    const weekBefore = await listCaseDeadlines(referent, {
      kind: 'due_soon',
      withinWorkingDays: 5,
    });
    expect(weekBefore.find((c) => c.sign === later.sign)).toMatchObject({
      due: '2026-03-02',
      workingDaysLeft: 4,
    });
    expect((await showCaseDeadline(referent, soon.id)).status).toBe('overdue');
  });

  it('art. 35 § 5 with art. 36: a suspension after an extension still moves the term — started 2026-03-02, 1 month, extended to 2026-04-30, suspended 2026-04-10 to 2026-04-20 → due Mon 2026-05-11', async () => {
    const referent = await office.as('referent.fn');
    office.clock.set('2026-03-02T10:00:00+01:00');
    const kase = await caseFromLetter('2026-03-02T08:30:00+01:00');
    expect(await setCaseDeadline(referent, kase.id, { kind: 'one_month' })).toMatchObject({
      startsOn: '2026-03-02',
      due: '2026-04-02',
    });
    office.clock.set('2026-03-30T10:00:00+02:00');
    await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-04-30',
      reason: 'konieczność przeprowadzenia oględzin nieruchomości',
    });
    office.clock.set('2026-04-10T10:00:00+02:00');
    expect(
      await pauseCaseDeadline(referent, kase.id, {
        reason: 'suspension',
        description: 'Zawieszenie postępowania (art. 97 § 1 pkt 4 KPA)',
        startsOn: '2026-04-10',
      }),
    ).toMatchObject({ status: 'paused', due: null });
    office.clock.set('2026-04-20T10:00:00+02:00');
    const resumed = await resumeCaseDeadline(referent, kase.id, { endsOn: '2026-04-20' });
    expect(resumed).toMatchObject({ due: '2026-05-11', status: 'running' });
    const overdue = await listCaseDeadlines(referent, { kind: 'due_soon', withinWorkingDays: 20 });
    expect(overdue.find((c) => c.sign === kase.sign)?.due).toBe('2026-05-11');
  });

  it('art. 35 § 2: "niezwłocznie" has no day count — no end date, status immediate, and a reminder after the configured working days', async () => {
    const referent = await office.as('referent.fn');
    office.clock.set('2026-03-02T10:00:00+01:00');
    const kase = await caseFromLetter('2026-03-02T08:30:00+01:00');
    await expect(
      setCaseDeadline(referent, kase.id, { kind: 'one_month', remindAfterWorkingDays: 2 }),
    ).rejects.toMatchObject({ code: 'deadline.reminder_only_immediate' });
    const set = await setCaseDeadline(referent, kase.id, {
      kind: 'immediate',
      remindAfterWorkingDays: 2,
    });
    expect(set).toMatchObject({
      kind: 'immediate',
      term: null,
      rawEnd: null,
      baseDue: null,
      due: null,
      status: 'immediate',
      remindOn: '2026-03-04',
    });
    const record = await getCaseRecord(referent, kase.id);
    const row = record.rows.find((r) => r.action === 'deadline.set')!;
    expect(row.description).toContain('niezwłocznie (art. 35 § 2 KPA)');
    expect(row.description).toContain('bez daty końcowej');
    expect(row.description).not.toMatch(/termin upływa/);
    // Never in the overdue list: there is no date to miss.
    office.clock.set('2026-06-01T10:00:00+02:00');
    const overdue = await listCaseDeadlines(referent, { kind: 'overdue' });
    expect(overdue.map((c) => c.sign)).not.toContain(kase.sign);
    // The reminder reaches the handler once.
    await runNotificationWorker({ db: office.database.db, clock: office.clock }, { notifyDays: 0 });
    await runNotificationWorker({ db: office.database.db, clock: office.clock }, { notifyDays: 0 });
    const reminders = (await listMyNotifications(referent)).filter(
      (n) => n.kind === 'deadline_reminder' && n.caseId === kase.id,
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.messagePl).toContain('niezwłocznie (art. 35 § 2 KPA)');
  });

  it('art. 36 § 1: the delay notice goes to every party of the case, and the record row points to the notice document', async () => {
    const referent = { ...(await office.as('referent.fn')), files };
    office.clock.set('2026-03-02T10:00:00+01:00');
    const kase = await caseFromLetter('2026-03-02T08:30:00+01:00');
    await addCaseParty(referent, kase.id, {
      name: 'Anna Nowak',
      address: {
        street: 'ul. Polna 2',
        postalCode: '72-600',
        town: 'Świnoujście',
        country: 'Polska',
      },
    });
    await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    const extended = await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-04-30',
      reason: 'konieczność uzyskania opinii biegłego',
    });
    const [extension] = extended.extensions;
    expect(extension!.noticeText).toContain('Otrzymują:\n1. Jan Kowalski\n2. Anna Nowak');
    const notice = (await listCaseDocuments(referent, kase.id)).find(
      (d) => d.kind === 'delay_notice',
    )!;
    expect(extension!.noticeDocumentId).toBe(notice.id);
    const pdf = (
      await extractPdfText((await readDocumentVersion(referent, notice.id)).content)
    ).pages.join(' ');
    expect(pdf).toContain('Jan Kowalski');
    expect(pdf).toContain('Anna Nowak');
    expect(pdf).toContain('Otrzymują');
    const row = (await getCaseRecord(referent, kase.id)).rows.find(
      (r) => r.action === 'deadline.extended',
    )!;
    expect(row.documentId).toBe(notice.id);
    expect(row.description).toContain('do stron: Jan Kowalski, Anna Nowak');
  });
});
