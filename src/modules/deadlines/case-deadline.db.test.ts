import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { getCaseRecord } from '../record/record.usecases.ts';
import {
  extendCaseDeadline,
  listCaseDeadlines,
  pauseCaseDeadline,
  resumeCaseDeadline,
  setCaseDeadline,
  showCaseDeadline,
} from './case-deadline.usecases.ts';

const office = useDemoOffice('2026-02-02T09:00:00+01:00');

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
});
