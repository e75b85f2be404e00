import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { getCaseList, caseListToCsv } from './case-list.usecases.ts';
import {
  changeCaseHandler,
  getCase,
  joinIncomingToCase,
  openCase,
  openSubCase,
} from './cases.usecases.ts';

const office = useDemoOffice();
const numberOf = (sign: string) => Number(sign.split('.')[2]);

/** Kancelaria registers a letter and assigns it straight to a person (dekretacja). */
async function letterFor(login: string, overrides: Parameters<typeof buildIncoming>[0] = {}) {
  const kancelaria = await office.as('kancelaria');
  const letter = await registerIncoming(kancelaria, buildIncoming(overrides));
  await assignIncoming(kancelaria, letter.id, { userId: office.demo.people[login]! });
  return letter;
}

describe('cases', () => {
  it('numbers 50 concurrent case openings in one unit and class 1..50 without gaps', async () => {
    const referent = await office.as('referent.fn');
    const opened = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        openCase(referent, {
          unitId: office.demo.units.FN,
          jrwaSymbol: '3110',
          title: `Podatek od nieruchomości ${i}`,
        }),
      ),
    );
    expect(opened.every((c) => /^FN\.3110\.\d+\.2026$/.test(c.sign))).toBe(true);
    expect(opened.map((c) => numberOf(c.sign)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('restarts at 1 in another class and in a new year, while an old-year case keeps its sign', async () => {
    const referent = await office.as('referent.fn');
    const otherClass = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3118',
      title: 'Zaświadczenie',
    });
    expect(otherClass.sign).toBe('FN.3118.1.2026');
    // A clock of its own for the next year: the office's clock stays as the other tests expect.
    const nextYear = await openCase(
      { ...referent, clock: fixedClock('2027-01-04T08:00:00+01:00') },
      { unitId: office.demo.units.FN, jrwaSymbol: '3110', title: 'Podatek 2027' },
    );
    expect(nextYear.sign).toBe('FN.3110.1.2027');
    expect((await getCase(referent, otherClass.id)).sign).toBe('FN.3118.1.2026');
  });

  it('opens cases only in final classes that carry an archival category', async () => {
    const referent = await office.as('referent.fn');
    const open = (jrwaSymbol: string) =>
      openCase(referent, { unitId: office.demo.units.FN, jrwaSymbol, title: 'x' });
    await expect(open('311')).rejects.toMatchObject({ code: 'jrwa.class_not_final' });
    await expect(open('9999')).rejects.toMatchObject({ code: 'jrwa.class_not_found' });
    await expect(open('1213')).rejects.toMatchObject({ code: 'jrwa.class_without_category' });
  });

  it('opens a case from an incoming item, joins a second letter and divides the case', async () => {
    const referent = await office.as('referent.or');
    const first = await letterFor('kierownik.or', { title: 'Skarga na pracownika' });
    const second = await letterFor('referent.or', { title: 'Uzupełnienie skargi' });
    const kase = await openCase(
      { ...referent, actor: await office.demo.actor('kierownik.or') },
      {
        unitId: office.demo.units.OR,
        jrwaSymbol: '0561',
        title: 'Skarga na pracownika',
        incomingId: first.id,
        handlerId: office.demo.people['referent.or']!,
      },
    );
    await expect(
      openCase(referent, {
        unitId: office.demo.units.OR,
        jrwaSymbol: '0561',
        title: 'again',
        incomingId: first.id,
      }),
    ).rejects.toMatchObject({ code: 'case.item_already_in_case' });
    await joinIncomingToCase(referent, kase.id, second.id);
    expect((await getCase(referent, kase.id)).incomingIds.sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const sub1 = await openSubCase(referent, kase.id, { title: 'Wyjaśnienia pracownika' });
    const sub2 = await openSubCase(referent, kase.id, { title: 'Opinia radcy prawnego' });
    expect([sub1.sign, sub2.sign]).toEqual([
      `OR.0561.${numberOf(kase.sign)}.1.2026`,
      `OR.0561.${numberOf(kase.sign)}.2.2026`,
    ]);
  });

  it('lets only the unit head change the handler', async () => {
    const referent = await office.as('referent.fn');
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3118',
      title: 'Zaświadczenie',
    });
    await expect(
      changeCaseHandler(referent, kase.id, office.demo.people['referent2.fn']!),
    ).rejects.toMatchObject({ code: 'case.forbidden' });
    await expect(
      changeCaseHandler(
        await office.as('kierownik.fn'),
        kase.id,
        office.demo.people['referent.or']!,
      ),
    ).rejects.toMatchObject({ code: 'case.handler_outside_unit' });
    await changeCaseHandler(
      await office.as('kierownik.fn'),
      kase.id,
      office.demo.people['referent2.fn']!,
    );
    expect((await getCase(await office.as('kierownik.fn'), kase.id)).handlerId).toBe(
      office.demo.people['referent2.fn'],
    );
  });

  it('lists cases (spis spraw) per year, unit and class, with the initiating letter, as JSON and CSV', async () => {
    const referent = await office.as('referent.usc');
    const letter = await letterFor('referent.usc', {
      title: 'Wniosek o odpis aktu urodzenia',
      senderReference: 'JK/1/2026',
      letterDate: '2026-02-26',
    });
    const symbol = '0562';
    await openCase(referent, {
      unitId: office.demo.units.USC,
      jrwaSymbol: symbol,
      title: 'Odpis aktu urodzenia – Jan Kowalski',
      incomingId: letter.id,
    }).catch(async () => {
      throw new Error(`class ${symbol} must be final in the demo JRWA`);
    });
    const list = await getCaseList(await office.as('kierownik.usc'), {
      year: 2026,
      unitId: office.demo.units.USC,
      jrwaSymbol: symbol,
    });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      number: 1,
      sender: 'Jan Kowalski',
      initiatingLetterSign: 'JK/1/2026',
      initiatingLetterDate: '2026-02-26',
      startedOn: '2026-03-02',
      closedOn: null,
      handler: 'Michał Piotrowski',
    });
    const csv = caseListToCsv(list);
    expect(csv.split('\r\n')[0]).toContain('"Znak sprawy"');
    expect(csv).toContain(`"USC.${symbol}.1.2026"`);
    const empty = await getCaseList(await office.as('kierownik.usc'), {
      year: 2026,
      unitId: office.demo.units.USC,
      jrwaSymbol: symbol,
      from: '2026-03-03',
    });
    expect(empty.rows).toHaveLength(0);
  });
});
