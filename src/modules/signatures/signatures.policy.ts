import type { Actor } from '../../platform/actor/actor.ts';
import { definePolicy, hasRole } from '../../platform/actor/policy.ts';
import { caseScope } from '../cases/cases.policy.ts';
import type { CredentialKind } from './signatures.schemas.ts';

/**
 * Signing by authorisation (upoważnienie): unit heads and the secretary sign in the cases their
 * grant covers; a domain system may apply the office seal (e.g. certificates it issues).
 */
export const signaturePolicy = definePolicy({
  sign: ['kierownik', 'sekretarz'],
  seal: ['kierownik', 'sekretarz', 'system'],
});

export interface SigningContext {
  kase: { unit_id: string; handler_id: string };
  /** Who approved (or approved on behalf of whom) the last step of the approval round. */
  lastApprovers: ReadonlyArray<{ approver_id: string; decided_by: string | null }>;
}

/**
 * Who may sign an approved document: its case handler (or their substitute), whoever gave the
 * final approval, or a person whose role covers the case. A personal signature is always made
 * with the actor's own certificate, so this only decides whether they may sign here at all.
 */
export function maySignDocument(actor: Actor, kind: CredentialKind, context: SigningContext) {
  if (kind === 'personal' && actor.kind !== 'person') return false;
  const isHandler = actor.deskUserIds.includes(context.kase.handler_id);
  const isLastApprover = context.lastApprovers.some(
    (task) => task.decided_by === actor.userId || actor.deskUserIds.includes(task.approver_id),
  );
  const byRole = signaturePolicy.can(
    actor,
    kind === 'office_seal' ? 'seal' : 'sign',
    caseScope(context.kase),
  );
  return isHandler || isLastApprover || byRole;
}

/** The office seal and the trusted CA list are configured by the administrator. */
export function mayManageOfficeSignatures(actor: Actor) {
  return hasRole(actor, 'administrator');
}
