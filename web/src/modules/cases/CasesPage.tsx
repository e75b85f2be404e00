import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge.tsx';
import { CheckboxField, SelectField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { useCases } from './cases.api.ts';

/** Cases the user may see, open ones first by default. */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const org = useOrgNames();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const [mine, setMine] = useState(false);
  const cases = useCases({ status: status || undefined, mine });
  return (
    <Page title={t('cases.listTitle')}>
      <div className="filters">
        <SelectField
          label={t('cases.status')}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'open', label: t('cases.statuses.open') },
            { value: 'closed', label: t('cases.statuses.closed') },
            { value: '', label: t('common.all') },
          ]}
        />
        <CheckboxField label={t('cases.onlyMine')} checked={mine} onChange={setMine} />
      </div>
      <QueryView query={cases}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('cases.none')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('cases.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.sign')}</th>
                    <th scope="col">{t('cases.caseTitle')}</th>
                    <th scope="col">{t('cases.handler')}</th>
                    <th scope="col">{t('cases.openedAt')}</th>
                    <th scope="col">{t('cases.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/cases/${row.id}`}>{row.sign}</Link>
                      </td>
                      <td>{row.title}</td>
                      <td>
                        {org.personName(row.handlerId)}
                        <span className="muted small"> ({org.unitSymbol(row.unitId)})</span>
                      </td>
                      <td>{format.date(row.openedAt)}</td>
                      <td>
                        <Badge tone={row.status === 'open' ? 'info' : 'neutral'}>
                          {t(`cases.statuses.${row.status as 'open'}`, {
                            defaultValue: row.status,
                          })}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Page>
  );
}
