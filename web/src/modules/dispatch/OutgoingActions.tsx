import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw } from '../../ui/format.ts';
import {
  markSent,
  recordDelivery,
  recordDeliveryFiction,
  type OutgoingItem,
} from './dispatch.api.ts';

/** What kancelaria does with a registered shipment: send it, then record its delivery. */
export function OutgoingActions(props: {
  item: Pick<OutgoingItem, 'id' | 'status' | 'method' | 'rkwNumber'>;
  onDone?: (item: OutgoingItem) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<'receipt' | 'electronic_proof' | 'personal'>('receipt');
  const [deliveredOn, setDeliveredOn] = useState(todayInWarsaw());
  const [dateError, setDateError] = useState<string>();

  async function run(action: () => Promise<OutgoingItem>) {
    setBusy(true);
    setError(null);
    try {
      const item = await action();
      // Sending and delivery are written to the case record and start the appeal term.
      await queryClient.invalidateQueries({ queryKey: ['outgoing'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      props.onDone?.(item);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="outgoing-actions">
      <ErrorAlert error={error} />
      {props.item.status === 'registered' ? (
        <button
          type="button"
          className="small"
          disabled={busy}
          aria-label={t('dispatch.markSentOf', { number: props.item.rkwNumber })}
          onClick={() => void run(() => markSent(props.item.id))}
        >
          {t('dispatch.markSent')}
        </button>
      ) : null}
      {props.item.status === 'sent' ? (
        <details className="action-box">
          <summary>{t('dispatch.recordDelivery')}</summary>
          <form
            noValidate
            aria-label={t('dispatch.recordDeliveryOf', { number: props.item.rkwNumber })}
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (!deliveredOn) return setDateError(t('validation.required'));
              if (deliveredOn > todayInWarsaw()) return setDateError(t('validation.notInFuture'));
              setDateError(undefined);
              void run(() => recordDelivery(props.item.id, { kind, deliveredOn }));
            }}
          >
            <SelectField
              label={t('dispatch.deliveryKind')}
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={(['receipt', 'electronic_proof', 'personal'] as const).map((k) => ({
                value: k,
                label: t(`dispatch.delivery.${k}`),
              }))}
            />
            <TextField
              label={t('dispatch.deliveredOn')}
              type="date"
              value={deliveredOn}
              onChange={setDeliveredOn}
              max={todayInWarsaw()}
              required
              error={dateError}
            />
            <button type="submit" className="small" disabled={busy}>
              {t('dispatch.recordDelivery')}
            </button>
          </form>
          {props.item.method === 'edoreczenia' ? (
            <button
              type="button"
              className="secondary small"
              disabled={busy}
              onClick={() => void run(() => recordDeliveryFiction(props.item.id))}
            >
              {t('dispatch.fiction')}
            </button>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
