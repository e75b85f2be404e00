import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../support/context.ts';
import { buildIncoming } from '../support/factories.ts';
import { portalDeps, testFileStore } from './portal-support.ts';
import { registerIncoming } from '../../src/modules/incoming/incoming.usecases.ts';
import {
  acceptAssignment,
  assignIncoming,
} from '../../src/modules/assignments/assignments.usecases.ts';
import { openCase } from '../../src/modules/cases/cases.usecases.ts';
import {
  extendCaseDeadline,
  pauseCaseDeadline,
  setCaseDeadline,
} from '../../src/modules/case-deadlines/case-deadlines.usecases.ts';
import { lookupStatus } from '../../src/modules/portal/status-lookup.usecases.ts';

const office = useDemoOffice('2026-03-02T09:00:00+01:00');
const files = testFileStore('lookup');

async function paperLetter(title = 'Wniosek o umorzenie zaległości podatkowej') {
  const kancelaria = await office.as('kancelaria');
  return registerIncoming(kancelaria, buildIncoming({ title, channel: 'paper' }));
}

describe('the status lookup without signing in', () => {
  it('shows the progress for the RPW number or case signature with the receipt code, and nothing of the content', async () => {
    const deps = portalDeps(office, files);
    const letter = await paperLetter();
    expect(letter.accessCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    const registered = await lookupStatus(deps, {
      reference: letter.rpwNumber,
      accessCode: letter.accessCode!,
      client: 'a',
    });
    expect(registered).toMatchObject({ status: 'registered', caseSign: null });
    expect(JSON.stringify(registered)).not.toMatch(/Kowalski|umorzenie|Wojska/);

    const kancelaria = await office.as('kancelaria');
    const assignment = await assignIncoming(kancelaria, letter.id, {
      userId: office.demo.people['referent.fn']!,
    });
    const referent = await office.as('referent.fn');
    await acceptAssignment(referent, assignment.id);
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Umorzenie zaległości – Jan Kowalski',
      incomingId: letter.id,
    });
    await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    office.clock.set('2026-03-04T09:00:00+01:00');
    await pauseCaseDeadline(referent, kase.id, {
      reason: 'completion',
      description: 'Wezwanie do uzupełnienia braków',
      startsOn: '2026-03-04',
    });

    // Lower case and spaces as typed from paper; the case signature works as well as the RPW number.
    const waiting = await lookupStatus(deps, {
      reference: ` ${kase.sign.toLowerCase()} `,
      accessCode: letter.accessCode!.toLowerCase().replace('-', ' '),
      client: 'a',
    });
    expect(waiting).toMatchObject({
      status: 'waiting_for_party',
      caseSign: kase.sign,
      deadline: { due: null, pausedSince: '2026-03-04', estimated: false },
    });
    expect(waiting.timeline.map((t) => t.what)).toContain(`Wszczęcie sprawy ${kase.sign}`);
    expect(JSON.stringify(waiting)).not.toMatch(/Kowalski|umorzenie|Dąbrowska/i);
  });

  it('gives the same answer for a wrong code and an unknown case, so nothing can be probed', async () => {
    const deps = portalDeps(office, files);
    const letter = await paperLetter();
    const wrong = lookupStatus(deps, {
      reference: letter.rpwNumber,
      accessCode: 'AAAAA-BBBBB',
      client: 'b',
    });
    await expect(wrong).rejects.toMatchObject({ code: 'portal.lookup_failed', status: 404 });
    const unknown = lookupStatus(deps, {
      reference: 'RPW/999/2026',
      accessCode: letter.accessCode!,
      client: 'b',
    });
    await expect(unknown).rejects.toMatchObject({ code: 'portal.lookup_failed', status: 404 });
    const otherItemsCode = await paperLetter('Inne pismo');
    await expect(
      lookupStatus(deps, {
        reference: letter.rpwNumber,
        accessCode: otherItemsCode.accessCode!,
        client: 'b',
      }),
    ).rejects.toMatchObject({ code: 'portal.lookup_failed' });
  });

  it('stops guessing after the limit, per client and per reference, until the window passes', async () => {
    const deps = portalDeps(office, files, { lookupMaxFailures: 3, lookupWindowMinutes: 15 });
    const target = await paperLetter();
    const other = await paperLetter('Pismo innej osoby');
    for (let i = 0; i < 3; i += 1) {
      await expect(
        lookupStatus(deps, {
          reference: target.rpwNumber,
          accessCode: `WRONG-CODE${i}`,
          client: 'guesser',
        }),
      ).rejects.toMatchObject({ code: 'portal.lookup_failed' });
    }
    // Even the right code is refused now: to the guesser, and for this reference to anyone.
    await expect(
      lookupStatus(deps, {
        reference: target.rpwNumber,
        accessCode: target.accessCode!,
        client: 'guesser',
      }),
    ).rejects.toMatchObject({ code: 'portal.lookup_throttled', status: 429 });
    await expect(
      lookupStatus(deps, {
        reference: other.rpwNumber,
        accessCode: other.accessCode!,
        client: 'guesser',
      }),
    ).rejects.toMatchObject({ code: 'portal.lookup_throttled' });
    await expect(
      lookupStatus(deps, {
        reference: target.rpwNumber,
        accessCode: target.accessCode!,
        client: 'owner',
      }),
    ).rejects.toMatchObject({ code: 'portal.lookup_throttled' });
    await expect(
      lookupStatus(deps, {
        reference: other.rpwNumber,
        accessCode: other.accessCode!,
        client: 'owner',
      }),
    ).resolves.toMatchObject({ status: 'registered' });

    office.clock.advance(16 * 60_000);
    await expect(
      lookupStatus(deps, {
        reference: target.rpwNumber,
        accessCode: target.accessCode!,
        client: 'owner',
      }),
    ).resolves.toMatchObject({ status: 'registered' });
  });

  it('reports an art. 36 notice with the new date', async () => {
    const deps = portalDeps(office, files);
    const letter = await paperLetter();
    const kancelaria = await office.as('kancelaria');
    const assignment = await assignIncoming(kancelaria, letter.id, {
      userId: office.demo.people['referent.fn']!,
    });
    const referent = { ...(await office.as('referent.fn')), files };
    await acceptAssignment(referent, assignment.id);
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Sprawa z opóźnieniem',
      incomingId: letter.id,
    });
    await setCaseDeadline(referent, kase.id, { kind: 'one_month' });
    await extendCaseDeadline(referent, kase.id, {
      newDue: '2026-06-15',
      reason: 'konieczność uzyskania opinii biegłego',
    });
    const status = await lookupStatus(deps, {
      reference: kase.sign,
      accessCode: letter.accessCode!,
      client: 'c',
    });
    expect(status).toMatchObject({
      status: 'in_progress',
      deadline: { due: '2026-06-15' },
      delayNotice: { newDue: '2026-06-15', reason: 'konieczność uzyskania opinii biegłego' },
    });
  });
});
