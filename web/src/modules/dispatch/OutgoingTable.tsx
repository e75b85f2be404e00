import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import type { OutgoingItem } from './dispatch.api.ts';
import { OutgoingActions } from './OutgoingActions.tsx';

const STATUS_TONE: Record<OutgoingItem['status'], Tone> = {
  registered: 'neutral',
  sent: 'info',
  delivered: 'success',
  returned: 'danger',
};

/**
 * Rows of the outgoing register (RKW): number, addressee, method, status, delivery and the appeal
 * term it starts. Kancelaria may send an item and record its delivery, also on older items.
 */
export function OutgoingTable(props: {
  rows: OutgoingItem[];
  caption: string;
  showCase?: boolean;
  documentTitle?: (documentId: string | null) => string | undefined;
  canHandle: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dispatch.rkw')}</th>
            <th scope="col">{t('dispatch.addresseeName')}</th>
            <th scope="col">{t('dispatch.method')}</th>
            <th scope="col">{t('dispatch.statusLabel')}</th>
            <th scope="col">{t('dispatch.deliveryColumn')}</th>
            <th scope="col">{t('dispatch.appealDue')}</th>
            {props.showCase ? <th scope="col">{t('cases.case')}</th> : null}
            {props.canHandle ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const documentTitle = props.documentTitle?.(row.documentId);
            return (
              <tr key={row.id}>
                <td>
                  <strong>{row.rkwNumber}</strong>
                  <div className="muted small">{format.dateTime(row.registeredAt)}</div>
                </td>
                <td>
                  {row.addresseeName}
                  {documentTitle ? <div className="muted small">{documentTitle}</div> : null}
                </td>
                <td>{t(`dispatch.methods.${row.method}`)}</td>
                <td>
                  <Badge tone={STATUS_TONE[row.status]}>{t(`dispatch.status.${row.status}`)}</Badge>
                  {row.sentAt ? (
                    <div className="muted small">
                      {t('dispatch.sentOn', { date: format.date(row.sentAt) })}
                    </div>
                  ) : null}
                </td>
                <td>
                  {row.deliveredOn ? (
                    <>
                      {format.date(row.deliveredOn)}
                      {row.deliveryKind ? (
                        <div className="muted small">
                          {t(`dispatch.delivery.${row.deliveryKind}`)}
                          {row.proofName ? ` · ${row.proofName}` : null}
                        </div>
                      ) : null}
                    </>
                  ) : row.notCollectedAt ? (
                    <span className="muted small">{t('dispatch.notCollected')}</span>
                  ) : row.arrivedOn ? (
                    <>
                      {t('dispatch.arrivedOn', { date: format.date(row.arrivedOn) })}
                      {row.fictionDate ? (
                        <div className="muted small">
                          {t('dispatch.fictionOn', { date: format.date(row.fictionDate) })}
                        </div>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{row.appealDue ? format.date(row.appealDue) : '—'}</td>
                {props.showCase ? (
                  <td>
                    <Link to={`/cases/${row.caseId}`}>{t('incoming.openCaseLink')}</Link>
                  </td>
                ) : null}
                {props.canHandle ? (
                  <td>
                    {row.status === 'registered' || row.status === 'sent' ? (
                      <OutgoingActions item={row} />
                    ) : (
                      '—'
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
