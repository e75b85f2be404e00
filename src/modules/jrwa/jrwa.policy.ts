import { definePolicy } from '../../platform/actor/policy.ts';

export const jrwaPolicy = definePolicy({
  import: ['administrator', 'archiwista'],
});
