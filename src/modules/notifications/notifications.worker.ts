import type { Logger } from 'pino';
import type { Db, Executor } from '../../platform/db/database.ts';
import { localDate, type Clock } from '../../platform/clock.ts';
import { addWorkingDays } from '../deadlines/calendar.ts';
import { drainOutbox } from '../../platform/outbox/outbox.ts';
import { notificationsForEvent, type NotificationDraft } from './notification-rules.ts';
import type { Mailer } from './notifications.mailer.ts';

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  mailer?: Mailer | null;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface WorkerOptions {
  /** Warn this many working days ahead of a deadline. */
  notifyDays: number;
}

/** One pass of the notification worker: events → notifications, deadline scan, e-mail. */
export async function runNotificationWorker(deps: WorkerDeps, options: WorkerOptions) {
  let fromEvents = 0;
  await drainOutbox(deps.db, {
    name: 'notifications',
    handle: async (trx, events) => {
      for (const event of events) {
        fromEvents += await insertNotifications(
          trx,
          deps.clock.now(),
          await notificationsForEvent(trx, event),
        );
      }
    },
  });
  const fromDeadlines = await scanDeadlines(deps, options.notifyDays);
  const emailed = deps.mailer ? await sendPendingEmails(deps, deps.mailer) : 0;
  return { fromEvents, fromDeadlines, emailed };
}

/**
 * Handlers hear once per due date: when it comes within reach, and when it is missed; for a case
 * to be settled "niezwłocznie" (no due date), once on the day of its reminder.
 */
async function scanDeadlines(deps: WorkerDeps, notifyDays: number) {
  const today = localDate(deps.clock.now());
  const horizon = addWorkingDays(today, notifyDays);
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'office_id', 'sign', 'title', 'handler_id', 'deadline_due'])
    .where('status', '=', 'open')
    .where('deadline_due', 'is not', null)
    .where('deadline_due', '<=', horizon)
    .execute();
  const drafts: NotificationDraft[] = cases.map((kase) => {
    const due = kase.deadline_due!;
    const missed = due < today;
    return {
      officeId: kase.office_id,
      userId: kase.handler_id,
      caseId: kase.id,
      kind: missed ? 'deadline_missed' : 'deadline_soon',
      messagePl: missed
        ? `Przekroczony termin sprawy ${kase.sign} (upłynął ${due})`
        : `Termin sprawy ${kase.sign} upływa ${due}`,
      message: missed
        ? `Deadline missed in case ${kase.sign} (was ${due})`
        : `Case ${kase.sign} is due on ${due}`,
      link: `/cases/${kase.id}`,
      dedupeKey: `${missed ? 'deadline_missed' : 'deadline_soon'}:${kase.id}:${due}`,
    };
  });
  const reminders = await deps.db
    .selectFrom('cases')
    .select(['id', 'office_id', 'sign', 'title', 'handler_id', 'deadline_remind_on'])
    .where('status', '=', 'open')
    .where('deadline_kind', '=', 'immediate')
    .where('deadline_due', 'is', null)
    .where('deadline_remind_on', '<=', today)
    .execute();
  // "Niezwłocznie" (art. 35 § 2 KPA) has no end date to warn about, only a reminder.
  for (const kase of reminders) {
    drafts.push({
      officeId: kase.office_id,
      userId: kase.handler_id,
      caseId: kase.id,
      kind: 'deadline_reminder',
      messagePl: `Sprawa ${kase.sign} jest do załatwienia niezwłocznie (art. 35 § 2 KPA) – przypomnienie`,
      message: `Case ${kase.sign} is to be settled without delay (art. 35 § 2 KPA) – reminder`,
      link: `/cases/${kase.id}`,
      dedupeKey: `deadline_reminder:${kase.id}:${kase.deadline_remind_on}`,
    });
  }
  return insertNotifications(deps.db, deps.clock.now(), drafts);
}

async function insertNotifications(db: Executor, now: Date, drafts: NotificationDraft[]) {
  if (drafts.length === 0) return 0;
  const result = await db
    .insertInto('notifications')
    .values(
      drafts.map((d) => ({
        office_id: d.officeId,
        user_id: d.userId,
        kind: d.kind,
        message_pl: d.messagePl,
        message: d.message,
        case_id: d.caseId,
        link: d.link,
        dedupe_key: d.dedupeKey,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * E-mails unread notifications of the last day to people with an address. A notification is
 * marked before sending: on a crash mid-send a message may be lost, never sent twice in a loop.
 */
async function sendPendingEmails(deps: WorkerDeps, mailer: Mailer) {
  const since = new Date(deps.clock.now().getTime() - 24 * 3600 * 1000);
  const pending = await deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select([
        'notifications.id',
        'notifications.message_pl',
        'notifications.message',
        'notifications.link',
        'users.email',
      ])
      .where('users.email', 'is not', null)
      .where('notifications.emailed_at', 'is', null)
      .where('notifications.read_at', 'is', null)
      .where('notifications.created_at', '>=', since)
      .orderBy('notifications.created_at')
      .limit(100)
      .forUpdate(['notifications'])
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('notifications')
      .set({ emailed_at: deps.clock.now() })
      .where(
        'id',
        'in',
        due.map((n) => n.id),
      )
      .execute();
    return due;
  });
  let sent = 0;
  for (const n of pending) {
    try {
      await mailer.send({
        to: n.email!,
        subject: n.message_pl,
        text: [n.message_pl, n.message, n.link].filter(Boolean).join('\n\n'),
      });
      sent += 1;
    } catch (error) {
      deps.logger?.warn({ err: error, notificationId: n.id }, 'notification e-mail failed');
    }
  }
  return sent;
}
