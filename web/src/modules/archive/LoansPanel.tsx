import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { decideAccess, returnLoan, useLoans, type ArchiveLoan } from './archive.api.ts';
import { useArchiveAction } from './use-action.ts';

/**
 * Requests to view or borrow archived records: the clerk sees their own with the due date; the
 * archivist decides (a due date for a loan) and records the return.
 */
export function LoansPanel() {
  const { t } = useTranslation();
  const loans = useLoans();
  return (
    <QueryView query={loans}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>{t('archive.noLoans')}</Empty>
        ) : (
          <ul className="plain-list">
            {rows.map((loan) => (
              <LoanRow key={loan.id} loan={loan} />
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}

function LoanRow(props: { loan: ArchiveLoan }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { loan } = props;
  const [dueOn, setDueOn] = useState('');
  const { run, error, busy } = useArchiveAction();
  const decider = may(me, 'archive.decide_access');
  return (
    <li className="card">
      <p>
        <strong>{loan.sign}</strong> · {t(`archive.loanKind.${loan.kind}`)} ·{' '}
        <Badge tone={loan.overdue ? 'danger' : 'neutral'}>
          {loan.overdue ? t('archive.overdue') : t(`archive.loanStatus.${loan.status}`)}
        </Badge>
      </p>
      <p className="muted small">{loan.purpose}</p>
      {loan.dueOn ? <p>{t('archive.dueOn', { date: loan.dueOn })}</p> : null}
      {loan.decisionRemarks ? <p>{loan.decisionRemarks}</p> : null}
      <ErrorAlert error={error} />
      {decider && loan.status === 'requested' ? (
        <div className="inline-form">
          {loan.kind === 'loan' ? (
            <TextField
              label={t('archive.dueOnLabel')}
              type="date"
              value={dueOn}
              onChange={setDueOn}
              required
            />
          ) : null}
          <button
            type="button"
            disabled={busy || (loan.kind === 'loan' && !dueOn)}
            onClick={() =>
              run(() => decideAccess(loan.id, { approve: true, dueOn: dueOn || undefined }))
            }
          >
            {t('archive.approve', { sign: loan.sign })}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => run(() => decideAccess(loan.id, { approve: false }))}
          >
            {t('archive.reject', { sign: loan.sign })}
          </button>
        </div>
      ) : null}
      {decider && loan.status === 'approved' && loan.kind === 'loan' ? (
        <button type="button" disabled={busy} onClick={() => run(() => returnLoan(loan.id))}>
          {t('archive.recordReturn', { sign: loan.sign })}
        </button>
      ) : null}
    </li>
  );
}
