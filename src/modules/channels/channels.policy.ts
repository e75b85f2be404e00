import type { Actor } from '../../platform/actor/actor.ts';
import { definePolicy, type ResourceScope } from '../../platform/actor/policy.ts';

/** Mailboxes belong to the whole office: the administrator sets them up, the kancelaria runs the queues. */
export const channelPolicy = definePolicy({
  manageMailboxes: ['administrator'],
  viewQueues: ['administrator', 'kancelaria'],
  retry: ['administrator', 'kancelaria'],
});

/** The office as a resource: its top unit, which only office-wide grants (or grants there) cover. */
export function officeScope(actor: Actor): ResourceScope {
  const roots = [...actor.unitParents].filter(([, parent]) => parent === null).map(([id]) => id);
  return { unitIds: roots, ownerIds: [] };
}
