import type { ActorDeps } from '../../platform/record/transaction.ts';
import { notificationErrors } from './notifications.errors.ts';
import { notificationReaders } from './notifications.policy.ts';

/**
 * Notifications at the actor's desk: their own and those of the people they substitute today
 * (zastępstwo), newest first.
 */
export async function listMyNotifications(deps: ActorDeps, filter: { unreadOnly?: boolean } = {}) {
  let query = deps.db
    .selectFrom('notifications')
    .selectAll()
    .where('office_id', '=', deps.actor.officeId)
    .where('user_id', 'in', notificationReaders(deps.actor));
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    messagePl: n.message_pl,
    message: n.message,
    caseId: n.case_id,
    link: n.link,
    forUserId: n.user_id,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at?.toISOString() ?? null,
  }));
}

/** Marking read is not a change of any case, so it leaves no record row. */
export async function markNotificationRead(deps: ActorDeps, notificationId: string) {
  const updated = await deps.db
    .updateTable('notifications')
    .set({ read_at: deps.clock.now() })
    .where('id', '=', notificationId)
    .where('office_id', '=', deps.actor.officeId)
    .where('user_id', 'in', notificationReaders(deps.actor))
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (updated) return { id: updated.id };
  const exists = await deps.db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', notificationId)
    .where('office_id', '=', deps.actor.officeId)
    .where('user_id', 'in', notificationReaders(deps.actor))
    .executeTakeFirst();
  if (!exists) throw notificationErrors.notFound();
  return { id: exists.id };
}
