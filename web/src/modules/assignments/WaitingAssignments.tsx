import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { useMyAssignments } from './assignments.api.ts';

/**
 * Letters waiting at my desk (`GET /assignments/mine`): assigned to me, to people I substitute,
 * or to my unit when I am its head or secretariat. Oldest first, as the API sends them.
 */
export function WaitingAssignments() {
  const { t } = useTranslation();
  const format = useFormat();
  const org = useOrgNames();
  const me = useCurrentUser();
  const waiting = useMyAssignments();
  return (
    <QueryView query={waiting}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>{t('desk.noAssignments')}</Empty>
        ) : (
          <ul className="plain-list">
            {rows.map((a) => (
              <li key={a.id}>
                <Link to={`/incoming/${a.incomingId}`}>
                  {a.item.rpwNumber} – {a.item.title}
                </Link>
                <div className="muted small">
                  {a.item.senderName} · {t('print.received')}: {format.dateTime(a.item.receivedAt)}
                  {!a.userId ? ` · ${t('desk.toUnit', { unit: org.unitSymbol(a.unitId) })}` : ''}
                  {a.userId && a.userId !== me.id
                    ? ` · ${t('account.onBehalfOf', { name: org.personName(a.userId) })}`
                    : ''}
                  {a.method ? ` · ${a.method}` : ''}
                  {a.deadline ? ` · ${t('assignments.deadline')}: ${format.date(a.deadline)}` : ''}
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
