import type { TransactionContext } from '../../platform/record/transaction.ts';
import { dispatchErrors } from './dispatch.errors.ts';
import type { dispatchMethods } from './dispatch.schemas.ts';

export type DispatchMethod = (typeof dispatchMethods)[number];

/** The letter an outlet receives, in the transaction that enters it in the outgoing register. */
export interface OutgoingLetter {
  outgoingId: string;
  rkwSign: string;
  caseId: string;
  addresseeName: string;
}

/**
 * Where the letters of one delivery method go when they are registered. Dispatch defines the
 * outlets; the module that delivers plugs its outlet in at the composition root (app.ts), so
 * dispatch depends on none of them: the portal (method `portal`) and the channels gateway
 * (`epuap`, `edoreczenia`). An outlet that delivers at once (the portal, the office's own post
 * office) says so with the record row's description, and the item is sent; one that queues it
 * (a channel: the gateway sends it later and marks it sent then) says `sent: false`. Methods
 * without an outlet wait for the kancelaria (post, personal collection).
 */
export interface DispatchOutlet {
  handOver(
    tx: TransactionContext,
    letter: OutgoingLetter,
  ): Promise<{ sent: true; description: string } | { sent: false }>;
}

export type DispatchOutlets = Partial<Record<DispatchMethod, DispatchOutlet>>;

/** Methods that need an outlet: a letter of theirs cannot wait for anyone else. */
export const METHODS_WITH_OUTLET: ReadonlySet<DispatchMethod> = new Set(['portal']);

export function outletFor(outlets: DispatchOutlets, method: DispatchMethod) {
  const outlet = outlets[method];
  if (!outlet && METHODS_WITH_OUTLET.has(method)) throw dispatchErrors.noOutlet({ method });
  return outlet;
}
