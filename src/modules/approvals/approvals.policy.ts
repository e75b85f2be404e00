import { definePolicy } from '../../platform/actor/policy.ts';

/**
 * The administrator configures the office's approval paths. Sending a draft along a path is
 * work in its case (casePolicy), and deciding a task is for the approver at the current step
 * or whoever substitutes them (approvals.usecases.ts `decideApproval`).
 */
export const approvalPolicy = definePolicy({
  managePaths: ['administrator'],
});
