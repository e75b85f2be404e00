import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { markRead, notificationKeys, useNotifications } from './notifications.api.ts';

/** In-app notifications (also those of people I substitute), unread first. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  return (
    <QueryView query={notifications}>
      {(rows) => {
        const sorted = [...rows].sort(
          (a, b) =>
            Number(!!a.readAt) - Number(!!b.readAt) || b.createdAt.localeCompare(a.createdAt),
        );
        if (sorted.length === 0) return <Empty>{t('desk.noNotifications')}</Empty>;
        return (
          <ul className="notification-list">
            {sorted.slice(0, 20).map((n) => (
              <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                <span>
                  {!n.readAt ? <span className="visually-hidden">{t('desk.unread')}: </span> : null}
                  {i18n.language.startsWith('pl') ? n.messagePl : n.message}
                </span>
                <span className="muted small"> {format.dateTime(n.createdAt)}</span>
                <span className="notification-actions">
                  {n.caseId ? <Link to={`/cases/${n.caseId}`}>{t('desk.openCase')}</Link> : null}
                  {!n.readAt ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        void markRead(n.id).then(() =>
                          queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
                        )
                      }
                    >
                      {t('desk.markRead')}
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        );
      }}
    </QueryView>
  );
}
