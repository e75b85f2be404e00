import { definePolicy } from '../../platform/actor/policy.ts';

/** Structure, people, roles and substitutions: managed by the administrator. */
export const orgPolicy = definePolicy({
  manage: ['administrator'],
});
