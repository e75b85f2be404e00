import { definePolicy } from '../auth/policy.ts';

/** Templates and the letterhead are office-wide settings: the administrator manages them. */
export const templatePolicy = definePolicy({
  manage: ['administrator'],
});
