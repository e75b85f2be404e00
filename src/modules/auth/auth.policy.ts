import { definePolicy, type ResourceScope } from '../../platform/actor/policy.ts';

/** API tokens of system accounts are issued by the administrator of the account's unit. */
export const authPolicy = definePolicy({
  issueApiToken: ['administrator'],
});

/** A system account belongs to its unit. */
export const accountScope = (account: { unit_id: string }): ResourceScope => ({
  unitIds: [account.unit_id],
  ownerIds: [],
});
