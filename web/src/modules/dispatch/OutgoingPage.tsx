import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Alert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { printPart } from '../../ui/print.ts';
import { usePostalList, type OutgoingItem } from './dispatch.api.ts';
import { OutgoingActions } from './OutgoingActions.tsx';

interface Address {
  street?: string;
  postalCode?: string;
  town?: string;
  country?: string;
}

function addressLine(address: unknown): string {
  const a = (address ?? {}) as Address;
  return [a.street, [a.postalCode, a.town].filter(Boolean).join(' '), a.country]
    .filter(Boolean)
    .join(', ');
}

/** Kancelaria's outgoing mail: the postal list (książka nadawcza) to print and hand over. */
export function OutgoingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePostalList();
  const [sent, setSent] = useState<OutgoingItem[]>([]);
  return (
    <Page title={t('dispatch.title')}>
      <Section
        title={t('dispatch.postalList')}
        id="postal-list"
        actions={
          <button
            type="button"
            className="secondary small"
            onClick={() => printPart('postal-list')}
          >
            {t('dispatch.printList')}
          </button>
        }
      >
        <QueryView query={list}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty>{t('dispatch.emptyList')}</Empty>
            ) : (
              <div className="table-wrap" data-print-part="postal-list">
                <table>
                  <caption>
                    {t('dispatch.postalListCaption', {
                      date: format.date(new Date().toISOString()),
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dispatch.no')}</th>
                      <th scope="col">{t('dispatch.rkw')}</th>
                      <th scope="col">{t('dispatch.addresseeName')}</th>
                      <th scope="col">{t('dispatch.address')}</th>
                      <th scope="col">{t('dispatch.method')}</th>
                      <th scope="col">{t('dispatch.postalClass')}</th>
                      <th scope="col">{t('dispatch.cost')}</th>
                      <th scope="col" className="no-print">
                        {t('common.actions')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, index) => (
                      <tr key={row.id}>
                        <td>{index + 1}</td>
                        <td>{row.rkwNumber}</td>
                        <td>{row.addresseeName}</td>
                        <td>{addressLine(row.address)}</td>
                        <td>
                          {t(`dispatch.methods.${row.method as 'post'}`, {
                            defaultValue: row.method,
                          })}
                        </td>
                        <td>
                          {row.postalClass
                            ? t(`dispatch.${row.postalClass as 'priority'}`, {
                                defaultValue: row.postalClass,
                              })
                            : '—'}
                        </td>
                        <td>{format.money(row.costGrosz)}</td>
                        <td className="no-print">
                          <OutgoingActions
                            item={{
                              id: row.id,
                              status: 'registered',
                              method: row.method as 'post',
                            }}
                            onDone={(item) => setSent((s) => [item, ...s])}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </Section>
      {sent.length > 0 ? (
        <Section title={t('dispatch.sentNow')} id="sent-now">
          <Notice kind="info">{t('dispatch.sentNowHint')}</Notice>
          <ul className="plain-list">
            {sent.map((item) => (
              <li key={item.id}>
                <strong>{item.rkwNumber}</strong> · {item.addresseeName} ·{' '}
                {t(`dispatch.status.${item.status}`)}
                <OutgoingActions
                  item={item}
                  onDone={(next) => setSent((s) => s.map((x) => (x.id === next.id ? next : x)))}
                />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Page>
  );
}
