import { sql } from 'kysely';
import type { Tx } from './database.ts';

/**
 * Takes the next number of a gapless sequence (RPW, case numbers, ...). Must run inside the
 * transaction that uses the number: the upsert locks the counter row until commit, so concurrent
 * registrations queue, and a rollback returns the number, leaving no gap.
 */
export async function takeNextNumber(
  trx: Tx,
  key: { officeId: string; name: string; scope: string; year: number },
): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ office_id: key.officeId, name: key.name, scope: key.scope, year: key.year, value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'name', 'scope', 'year'])
        .doUpdateSet({ value: sql<number>`counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
