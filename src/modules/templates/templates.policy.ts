import { definePolicy } from '../../platform/actor/policy.ts';

/** Templates and the letterhead are office-wide settings: the administrator manages them. */
export const templatePolicy = definePolicy({
  manage: ['administrator'],
});
