import { useTranslation } from 'react-i18next';
import { Barcode } from '../../ui/Barcode.tsx';
import { useFormat } from '../../ui/format.ts';
import type { Me } from '../auth/auth.api.ts';
import type { IncomingItem } from './incoming.api.ts';

/** The RPW label stuck on a paper letter: number as text and as a Code 128 barcode. */
export function RpwLabel(props: { item: IncomingItem; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="rpw-label" data-print-part="label">
      <p className="rpw-label-office">{props.me.officeName}</p>
      <p className="rpw-label-title">{t('print.labelHeading')}</p>
      <Barcode
        value={props.item.rpwNumber}
        label={t('print.barcodeOf', { number: props.item.rpwNumber })}
      />
      <p className="rpw-label-meta">
        {t('print.received')}: {format.dateTime(props.item.receivedAt)}
        {props.item.attachmentsCount !== null
          ? ` · ${t('print.attachments', { count: props.item.attachmentsCount })}`
          : ''}
      </p>
    </div>
  );
}

/** The receipt (potwierdzenie wpływu) handed to a person delivering a letter in person. */
export function RpwReceipt(props: { item: IncomingItem; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const address = props.item.sender.address;
  return (
    <div className="print-only receipt" data-print-part="receipt">
      <p className="receipt-office">{props.me.officeName}</p>
      <h2>{t('print.receiptHeading')}</h2>
      <p>{t('print.receiptLead')}</p>
      <dl>
        <dt>{t('incoming.field.rpwNumber')}</dt>
        <dd>
          <strong>{props.item.rpwNumber}</strong>
        </dd>
        <dt>{t('incoming.field.receivedAt')}</dt>
        <dd>{format.dateTime(props.item.receivedAt)}</dd>
        <dt>{t('incoming.field.senderName')}</dt>
        <dd>
          {props.item.sender.name}
          <br />
          {[
            address.street,
            [address.postalCode, address.town].filter(Boolean).join(' '),
            address.country,
          ]
            .filter(Boolean)
            .join(', ')}
        </dd>
        <dt>{t('incoming.field.title')}</dt>
        <dd>{props.item.title}</dd>
        <dt>{t('incoming.field.attachmentsCount')}</dt>
        <dd>{props.item.attachmentsCount ?? '—'}</dd>
        <dt>{t('print.registeredBy')}</dt>
        <dd>
          {props.me.name}, {props.me.post}
        </dd>
      </dl>
      <Barcode
        value={props.item.rpwNumber}
        label={t('print.barcodeOf', { number: props.item.rpwNumber })}
        height={40}
      />
      <p className="signature-line">{t('print.signature')}</p>
    </div>
  );
}
