import { definePolicy } from '../../platform/actor/policy.ts';
import { casePolicy } from '../cases/cases.policy.ts';

/**
 * A case's deadline is read by whoever may read the case and kept (set, paused, resumed,
 * extended) by whoever may work in it, within the case's scope (`caseScope`).
 */
export const caseDeadlinePolicy = definePolicy({
  read: casePolicy.rules.read,
  keep: casePolicy.rules.work,
});
