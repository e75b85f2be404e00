import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { useDeadlineList, type DeadlineListQuery } from './deadlines.api.ts';

/** Cases past their deadline, or due within N working days; the most urgent first. */
export function DeadlineTable(props: { query: DeadlineListQuery; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const org = useOrgNames();
  const list = useDeadlineList(props.query);
  return (
    <QueryView query={list}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>
            {props.query.kind === 'overdue'
              ? t('deadlines.noneOverdue')
              : t('deadlines.noneDueSoon')}
          </Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{props.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.sign')}</th>
                  <th scope="col">{t('cases.caseTitle')}</th>
                  <th scope="col">{t('cases.handler')}</th>
                  <th scope="col">{t('deadlines.due')}</th>
                  <th scope="col">{t('deadlines.workingDays')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0))
                  .map((row) => (
                    <tr key={row.caseId}>
                      <td>
                        <Link to={`/cases/${row.caseId}`}>{row.sign}</Link>
                      </td>
                      <td>{row.title}</td>
                      <td>
                        {row.handler}
                        <span className="muted small"> ({org.unitSymbol(row.unitId)})</span>
                      </td>
                      <td>{format.date(row.due)}</td>
                      <td>
                        {row.workingDaysLeft === null ? (
                          '—'
                        ) : row.workingDaysLeft < 0 || row.status === 'overdue' ? (
                          <Badge tone="danger">
                            {t('deadlines.daysOverdue', { count: Math.abs(row.workingDaysLeft) })}
                          </Badge>
                        ) : (
                          <Badge tone={row.workingDaysLeft <= 2 ? 'warning' : 'info'}>
                            {t('deadlines.daysLeft', { count: row.workingDaysLeft })}
                          </Badge>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryView>
  );
}
