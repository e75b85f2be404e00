import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import { QueryView } from '../../ui/Loading.tsx';
import { useDocumentApproval } from './approvals.api.ts';

const TONE: Record<string, Tone> = {
  approved: 'success',
  returned: 'danger',
  current: 'warning',
  forwarded: 'info',
};

/** Every approval round of a document: who, which step, decision and comment. */
export function ApprovalHistory(props: { documentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useDocumentApproval(props.documentId);
  return (
    <QueryView query={history}>
      {(tasks) =>
        tasks.length === 0 ? (
          <p className="muted small">{t('approvals.noHistory')}</p>
        ) : (
          <ol className="plain-list">
            {tasks.map((task) => (
              <li key={task.id}>
                {t('approvals.stepN', { n: task.stepNo })} · {t(`approvals.kind.${task.kind}`)} ·{' '}
                {task.approver}{' '}
                <Badge tone={TONE[task.status] ?? 'neutral'}>
                  {t(`approvals.status.${task.status as 'current'}`, { defaultValue: task.status })}
                </Badge>
                {task.decidedAt ? (
                  <span className="muted small"> {format.dateTime(task.decidedAt)}</span>
                ) : null}
                {task.comment ? <blockquote className="comment">{task.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
        )
      }
    </QueryView>
  );
}
