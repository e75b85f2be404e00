import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { getIncoming, registerIncoming } from './incoming.usecases.ts';

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
    const kancelaria = await office.as('kancelaria');
    office.clock.set('2027-01-04T08:00:00+01:00');
    try {
      const first = await registerIncoming(
        kancelaria,
        buildIncoming({ receivedAt: '2027-01-04T07:30:00+01:00' }),
      );
      expect(first.rpwNumber).toBe('RPW/1/2027');
    } finally {
      office.clock.set('2026-03-02T09:00:00+01:00');
    }
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
});
