import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { getIncoming, registerIncoming, registerIncomingBatch } from './incoming.usecases.ts';

const office = useDemoOffice();

describe('incoming register (RPW)', () => {
  it('numbers 50 concurrent registrations 1..50 with no gap or duplicate', async () => {
    const kancelaria = await office.as('kancelaria');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registerIncoming(kancelaria, buildIncoming({ title: `Pismo ${i}` })),
      ),
    );
    const numbers = results
      .map((r) => Number(/^RPW\/(\d+)\/2026$/.exec(r.rpwNumber)?.[1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('registers concurrent letters of one person in shared transactions', async () => {
    const kancelaria = await office.as('kancelaria');
    const registered = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        registerIncoming(kancelaria, buildIncoming({ title: `Skan ${i}` })),
      ),
    );
    const transactions = await office.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.count<number>(eb.fn('distinct', ['tx'])).as('n'))
      .where('action', '=', 'incoming.registered')
      .where(
        'subject_id',
        'in',
        registered.map((r) => r.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(transactions.n)).toBeLessThan(12);
  });

  it('fails only the invalid letter of a shared transaction, the others get their numbers', async () => {
    const kancelaria = await office.as('kancelaria');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        registerIncoming(
          kancelaria,
          buildIncoming({
            title: `Skan ${i}`,
            ...(i === 5 ? { receivedAt: '2026-03-03T09:00:00+01:00' } : {}),
          }),
        ),
      ),
    );
    expect(results[5]).toMatchObject({
      status: 'rejected',
      reason: { code: 'incoming.received_in_future' },
    });
    const registered = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(registered).toHaveLength(11);
    const numbers = registered.map((r) => Number(/^RPW\/(\d+)\//.exec(r.rpwNumber)![1]));
    expect(new Set(numbers).size).toBe(11);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBe(10);
  });

  it('keeps the received time apart from the registration time and fills unknowns with "brak danych"', async () => {
    const kancelaria = await office.as('kancelaria');
    const { id } = await registerIncoming(
      kancelaria,
      buildIncoming({ receivedAt: '2026-02-27T14:05:00+01:00', channel: 'edoreczenia' }),
    );
    const item = await getIncoming(kancelaria, id);
    expect(item.receivedAt).toBe('2026-02-27T13:05:00.000Z');
    expect(item.registeredAt).toBe(office.clock.now().toISOString());
    expect(item.letterDate).toBe('brak danych');
    expect(item.senderReference).toBe('brak danych');
    expect(item.type).toBe('Text');
  });

  it('restarts numbering in a new year', async () => {
    // A clock of its own: the office's clock stays where the other tests expect it.
    const kancelaria = {
      ...(await office.as('kancelaria')),
      clock: fixedClock('2027-01-04T08:00:00+01:00'),
    };
    const first = await registerIncoming(
      kancelaria,
      buildIncoming({ receivedAt: '2027-01-04T07:30:00+01:00' }),
    );
    expect(first.rpwNumber).toBe('RPW/1/2027');
  });

  it('rejects a received time in the future and writes nothing', async () => {
    const kancelaria = await office.as('kancelaria');
    const before = await office.database.db
      .selectFrom('incoming_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      registerIncoming(kancelaria, buildIncoming({ receivedAt: '2026-03-03T09:00:00+01:00' })),
    ).rejects.toMatchObject({
      code: 'incoming.received_in_future',
    });
    const after = await office.database.db
      .selectFrom('incoming_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not let a case handler register mail', async () => {
    await expect(
      registerIncoming(await office.as('referent.or'), buildIncoming()),
    ).rejects.toMatchObject({ code: 'incoming.forbidden' });
  });

  describe('bulk registration', () => {
    const countItems = async () =>
      Number(
        (
          await office.database.db
            .selectFrom('incoming_items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('numbers a batch consecutively in the order given, between single registrations, with one audit event each', async () => {
      const kancelaria = await office.as('kancelaria');
      const before = await registerIncoming(kancelaria, buildIncoming());
      const batch = await registerIncomingBatch(
        kancelaria,
        Array.from({ length: 300 }, (_, i) => buildIncoming({ title: `Obwieszczenie ${i}` })),
      );
      const after = await registerIncoming(kancelaria, buildIncoming());
      const number = (sign: string) => Number(/^RPW\/(\d+)\/2026$/.exec(sign)?.[1]);
      const first = number(before.rpwNumber) + 1;
      expect(batch.map((item) => number(item.rpwNumber))).toEqual(
        Array.from({ length: 300 }, (_, i) => first + i),
      );
      expect(number(after.rpwNumber)).toBe(first + 300);
      const item = await getIncoming(kancelaria, batch[7]!.id);
      expect(item).toMatchObject({ title: 'Obwieszczenie 7', rpwNumber: batch[7]!.rpwNumber });
      expect(batch[7]!.accessCode).toMatch(/\S/);
      const events = await office.database.db
        .selectFrom('audit_events')
        .select(['subject_id', 'description'])
        .where('action', '=', 'incoming.registered')
        .where(
          'subject_id',
          'in',
          batch.map((b) => b.id),
        )
        .execute();
      expect(events).toHaveLength(300);
      expect(events.find((e) => e.subject_id === batch[7]!.id)?.description).toContain(
        batch[7]!.rpwNumber,
      );
    });

    it('refuses the whole batch when one letter is invalid, naming it, and takes no number', async () => {
      const kancelaria = await office.as('kancelaria');
      const itemsBefore = await countItems();
      const letters = Array.from({ length: 5 }, () => buildIncoming());
      letters[3] = buildIncoming({ receivedAt: '2026-03-09T09:00:00+01:00' });
      await expect(registerIncomingBatch(kancelaria, letters)).rejects.toMatchObject({
        code: 'incoming.received_in_future',
        details: { index: 3 },
      });
      letters[3] = { ...buildIncoming(), title: '' };
      await expect(registerIncomingBatch(kancelaria, letters)).rejects.toThrow();
      expect(await countItems()).toBe(itemsBefore);
      const next = await registerIncoming(kancelaria, buildIncoming());
      const last = await office.database.db
        .selectFrom('incoming_items')
        .select((eb) => eb.fn.max('rpw_number').as('max'))
        .where('rpw_year', '=', 2026)
        .executeTakeFirstOrThrow();
      expect(next.rpwNumber).toBe(`RPW/${last.max}/2026`);
      const numbers = await office.database.db
        .selectFrom('incoming_items')
        .select('rpw_number')
        .where('rpw_year', '=', 2026)
        .orderBy('rpw_number')
        .execute();
      expect(numbers.map((n) => n.rpw_number)).toEqual(numbers.map((_, i) => i + 1));
    });

    it('refuses an empty batch, one over the limit, and a clerk who may not register', async () => {
      const kancelaria = await office.as('kancelaria');
      await expect(registerIncomingBatch(kancelaria, [])).rejects.toThrow();
      await expect(
        registerIncomingBatch(
          kancelaria,
          Array.from({ length: 1001 }, () => buildIncoming()),
        ),
      ).rejects.toThrow();
      await expect(
        registerIncomingBatch(await office.as('referent.or'), [buildIncoming()]),
      ).rejects.toMatchObject({ code: 'incoming.forbidden' });
    });
  });
});
