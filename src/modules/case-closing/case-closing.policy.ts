import { definePolicy } from '../../platform/actor/policy.ts';
import { casePolicy } from '../cases/cases.policy.ts';

/**
 * Issuing a decision and closing a case are work in the case: whoever may work in it (its
 * handler, the unit's head, the secretary), within the case's scope (`caseScope`).
 */
export const caseClosingPolicy = definePolicy({
  issueDecision: casePolicy.rules.work,
  close: casePolicy.rules.work,
});
