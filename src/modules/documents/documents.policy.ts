import { definePolicy } from '../../platform/actor/policy.ts';
import { casePolicy } from '../cases/cases.policy.ts';

/**
 * A document is read by whoever may read its case and worked on (versions, approval, signing,
 * dispatch) by whoever may work in it, within the case's scope (`caseScope`); what may be done
 * in each state is the lifecycle's (`offeredActions`).
 */
export const documentPolicy = definePolicy({
  read: casePolicy.rules.read,
  work: casePolicy.rules.work,
});
