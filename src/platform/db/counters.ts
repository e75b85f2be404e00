import { sql } from 'kysely';
import type { Tx } from './database.ts';

export interface CounterKey {
  officeId: string;
  name: string;
  scope: string;
  year: number;
}

/**
 * Takes the next number of a gapless sequence (RPW, case numbers, ...). Must run inside the
 * transaction that uses the number: the upsert locks the counter row until commit, so concurrent
 * registrations queue, and a rollback returns the number, leaving no gap.
 */
export async function takeNextNumber(trx: Tx, key: CounterKey): Promise<number> {
  return takeNumbers(trx, key, 1);
}

/**
 * Takes `count` consecutive numbers at once (bulk registration) and returns the first; the
 * transaction must use all of them, under the same rule as `takeNextNumber`.
 */
export async function takeNumbers(trx: Tx, key: CounterKey, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be ≥ 1: ${count}`);
  const row = await trx
    .insertInto('counters')
    .values({
      office_id: key.officeId,
      name: key.name,
      scope: key.scope,
      year: key.year,
      value: count,
    })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'name', 'scope', 'year'])
        .doUpdateSet({ value: sql<number>`counters.value + ${count}` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}
