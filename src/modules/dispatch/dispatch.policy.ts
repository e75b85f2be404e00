import { definePolicy } from '../../platform/actor/policy.ts';

/**
 * The kancelaria keeps the outgoing register for the whole office: it sees every item, posts
 * them and records deliveries. Everyone else sees and dispatches the items of the cases they may
 * read or work in (casePolicy).
 */
export const dispatchPolicy = definePolicy({
  keepRegister: ['kancelaria'],
});
