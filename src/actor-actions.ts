import { archivePolicy } from './modules/archive/archive.policy.ts';
import { assignmentPolicy } from './modules/assignments/assignments.policy.ts';
import { casePolicy } from './modules/cases/cases.policy.ts';
import { channelPolicy, officeScope } from './modules/channels/channels.policy.ts';
import { dispatchPolicy } from './modules/dispatch/dispatch.policy.ts';
import { incomingPolicy } from './modules/incoming/incoming.policy.ts';
import { ocrPolicy } from './modules/ocr/ocr.policy.ts';
import { orgPolicy } from './modules/org/org.policy.ts';
import { mayManageOfficeSignatures } from './modules/signatures/signatures.policy.ts';
import type { Actor } from './platform/actor/actor.ts';

/**
 * What the signed-in person may do at all, from the modules' own policies, sent with `/me` as
 * `allowedActions` so that the staff application shows the screens and buttons they allow
 * instead of deriving them from role names. (Actions on one resource come with that resource.)
 * Composed here because it asks the policies of every layer.
 */
export function actorActions(actor: Actor): string[] {
  const cases = casePolicy.visibility(actor, 'read');
  const actions: Array<[string, boolean]> = [
    ['incoming.read', incomingPolicy.holds(actor, 'read')],
    ['incoming.register', incomingPolicy.holds(actor, 'register')],
    ['assignments.receive', assignmentPolicy.holds(actor, 'receive')],
    ['cases.read', casePolicy.holds(actor, 'read')],
    ['cases.read_units', cases.all || cases.unitIds.length > 0],
    ['cases.work', casePolicy.holds(actor, 'work')],
    ['ocr.view_quarantine', ocrPolicy.visibility(actor, 'rerun').all],
    ['outgoing.keep_register', dispatchPolicy.holds(actor, 'keepRegister')],
    ['channels.view_queues', channelPolicy.can(actor, 'viewQueues', officeScope(actor))],
    ['channels.manage_mailboxes', channelPolicy.can(actor, 'manageMailboxes', officeScope(actor))],
    ['signatures.manage_office', mayManageOfficeSignatures(actor)],
    ['org.manage', orgPolicy.holds(actor, 'manage')],
    ['archive.prepare_transfer', archivePolicy.holds(actor, 'prepareTransfer')],
    ['archive.decide_transfer', archivePolicy.holds(actor, 'decideTransfer')],
    ['archive.read_register', archivePolicy.holds(actor, 'readRegister')],
    ['archive.request_access', archivePolicy.holds(actor, 'requestAccess')],
    ['archive.decide_access', archivePolicy.holds(actor, 'decideAccess')],
    ['archive.dispose', archivePolicy.holds(actor, 'dispose')],
  ];
  return actions.filter(([, allowed]) => allowed).map(([action]) => action);
}
