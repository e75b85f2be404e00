import type { Db, Tx } from '../../platform/db/database.ts';

/**
 * Use cases own their transaction (`runInTransaction`). The gateway must commit a registration
 * (registerIncoming, attachIncomingFile, markSent, recordDelivery…) together with the change of
 * its own queue row, or a crash between the two would register a message twice. This handle lets
 * those use cases run inside the gateway's transaction: their `db.transaction()` joins `trx`
 * instead of opening a new one, so everything commits or rolls back as one.
 */
export function joinTransaction(trx: Tx): Db {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(work: (inner: Tx) => Promise<T>) => work(trx) });
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  }) as unknown as Db;
}
