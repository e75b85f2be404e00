import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useFormat } from '../../ui/format.ts';
import { Empty, Loading } from '../../ui/Loading.tsx';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useIncomingList } from '../incoming/incoming.api.ts';
import { assignmentKeys, isAssignee } from './assignments.api.ts';

/**
 * Incoming items assigned to me (or my unit, as its head) and not yet accepted. The API has no
 * "my assignments" list, so this reads the visible items without a case and their assignments.
 */
export function WaitingAssignments() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const items = useIncomingList(new Date().getFullYear());
  const open = (items.data ?? []).filter((i) => !i.caseId).slice(0, 40);
  const histories = useQueries({
    queries: open.map((item) => ({
      queryKey: assignmentKeys.forItem(item.id),
      queryFn: () =>
        call(api.GET('/api/v1/incoming/{id}/assignments', { params: { path: { id: item.id } } })),
    })),
  });
  if (items.isPending || histories.some((h) => h.isPending)) return <Loading />;
  const waiting = open.flatMap((item, index) =>
    (histories[index]?.data ?? [])
      .filter((a) => a.status === 'pending' && isAssignee(me, a))
      .map((a) => ({ item, assignment: a })),
  );
  if (waiting.length === 0) return <Empty>{t('desk.noAssignments')}</Empty>;
  return (
    <ul className="plain-list">
      {waiting.map(({ item, assignment }) => (
        <li key={assignment.id}>
          <Link to={`/incoming/${item.id}`}>
            {item.rpwNumber} – {item.title}
          </Link>
          <div className="muted small">
            {item.senderName}
            {assignment.method ? ` · ${assignment.method}` : ''}
            {assignment.deadline
              ? ` · ${t('assignments.deadline')}: ${format.date(assignment.deadline)}`
              : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
