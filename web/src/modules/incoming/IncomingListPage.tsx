import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { QuarantineSection } from '../ocr/QuarantineSection.tsx';
import { PAGE_SIZE, useIncomingList } from './incoming.api.ts';

/** The incoming register (RPW) as far as the user may see it. */
export function IncomingListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [offset, setOffset] = useState(0);
  const yearNumber = /^\d{4}$/.test(year) ? Number(year) : new Date().getFullYear();
  const list = useIncomingList(yearNumber, offset);

  return (
    <Page
      title={t('incoming.listTitle')}
      actions={
        may(me, 'incoming.register') ? (
          <Link className="button" to="/incoming/new">
            {t('nav.register')}
          </Link>
        ) : null
      }
    >
      <div className="filters">
        <TextField
          label={t('common.year')}
          type="number"
          value={year}
          onChange={(v) => {
            setYear(v);
            setOffset(0);
          }}
          min={1900}
          max={2200}
          className="narrow"
        />
      </div>
      <QueryView query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('incoming.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('incoming.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('incoming.field.rpwNumber')}</th>
                    <th scope="col">{t('incoming.field.receivedAt')}</th>
                    <th scope="col">{t('incoming.field.senderName')}</th>
                    <th scope="col">{t('incoming.field.title')}</th>
                    <th scope="col">{t('incoming.field.channel')}</th>
                    <th scope="col">{t('incoming.field.case')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/incoming/${row.id}`}>{row.rpwNumber}</Link>
                      </td>
                      <td>{format.dateTime(row.receivedAt)}</td>
                      <td>{row.senderName}</td>
                      <td>{row.title}</td>
                      <td>
                        {t(`incoming.channel.${row.channel as 'paper'}`, {
                          defaultValue: row.channel,
                        })}
                      </td>
                      <td>
                        {row.caseId && may(me, 'cases.read') ? (
                          <Link to={`/cases/${row.caseId}`}>{t('incoming.openCaseLink')}</Link>
                        ) : row.caseId ? (
                          t('incoming.inCase')
                        ) : (
                          <span className="muted">{t('incoming.noCase')}</span>
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
      <Pager
        offset={offset}
        pageSize={PAGE_SIZE}
        shown={list.data?.length ?? 0}
        onChange={setOffset}
      />
      {may(me, 'ocr.view_quarantine') ? <QuarantineSection /> : null}
    </Page>
  );
}
