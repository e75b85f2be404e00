import { definePolicy } from '../auth/policy.ts';

export const jrwaPolicy = definePolicy({
  import: ['administrator', 'archiwista'],
});
