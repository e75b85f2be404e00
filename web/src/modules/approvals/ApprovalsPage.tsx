import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Alert.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useMyApprovals } from './approvals.api.ts';
import { ApprovalTaskCard } from './ApprovalTaskCard.tsx';

/** Drafts waiting for my approval or opinion (laid out for a phone as well). */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const tasks = useMyApprovals();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('approvals.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <QueryView query={tasks}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('approvals.none')}</Empty>
          ) : (
            <ul className="task-list">
              {rows.map((task) => (
                <ApprovalTaskCard key={task.id} task={task} onDecided={setNotice} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Page>
  );
}
