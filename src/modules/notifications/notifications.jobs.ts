import type { Settings } from '../../config.ts';
import type { PeriodicJob } from '../../platform/jobs/jobs.ts';
import { createSmtpMailer } from './notifications.mailer.ts';
import { runNotificationWorker, type WorkerDeps } from './notifications.worker.ts';

type NotificationSettings = Pick<
  Settings,
  'OBIEG_NOTIFY_INTERVAL_S' | 'OBIEG_NOTIFY_DAYS' | 'SMTP_URL' | 'SMTP_FROM'
>;

/** Notifications from the outbox and the deadline scan, e-mailed when SMTP is set. */
export function notificationJobs(
  deps: Omit<WorkerDeps, 'mailer'>,
  settings: NotificationSettings,
): PeriodicJob[] {
  const workerDeps = { ...deps, mailer: createSmtpMailer(settings.SMTP_URL, settings.SMTP_FROM) };
  return [
    {
      name: 'notification worker',
      intervalSeconds: settings.OBIEG_NOTIFY_INTERVAL_S,
      run: () => runNotificationWorker(workerDeps, { notifyDays: settings.OBIEG_NOTIFY_DAYS }),
    },
  ];
}
