import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw } from '../../ui/format.ts';
import {
  markSent,
  POSTAL_METHODS,
  recordArrival,
  recordDelivery,
  recordDeliveryFiction,
  type OutgoingItem,
} from './dispatch.api.ts';

type ManualKind = 'receipt' | 'electronic_proof' | 'personal';

/** The proofs a method can have: a signed receipt on paper, a service's proof electronically. */
function kindsFor(method: OutgoingItem['method']): ManualKind[] {
  if (POSTAL_METHODS.includes(method)) return ['receipt'];
  if (method === 'personal') return ['personal'];
  // A portal letter is delivered by its download only, which the portal records itself.
  if (method === 'portal') return [];
  return ['electronic_proof'];
}

/**
 * What kancelaria does with a registered shipment: send it, then record its delivery — the
 * signed return receipt, the e-Doręczenia dowód otrzymania (its arrival day, then collection or
 * the fiction from that day), or a postal letter not collected after the notices (art. 44 KPA).
 */
export function OutgoingActions(props: {
  item: Pick<OutgoingItem, 'id' | 'status' | 'method' | 'rkwNumber'> &
    Partial<Pick<OutgoingItem, 'arrivedOn' | 'fictionDate'>>;
  onDone?: (item: OutgoingItem) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kinds = kindsFor(props.item.method);
  const [kind, setKind] = useState<ManualKind>(kinds[0] ?? 'receipt');
  const [deliveredOn, setDeliveredOn] = useState(todayInWarsaw());
  const [arrivedOn, setArrivedOn] = useState(todayInWarsaw());
  const [firstNoticeOn, setFirstNoticeOn] = useState('');
  const [dateError, setDateError] = useState<string>();
  const postal = POSTAL_METHODS.includes(props.item.method);
  const edoreczenia = props.item.method === 'edoreczenia';

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

  const checkDay = (day: string) => {
    if (!day) return t('validation.required');
    if (day > todayInWarsaw()) return t('validation.notInFuture');
    return undefined;
  };

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
      {props.item.status === 'sent' && kinds.length > 0 ? (
        <details className="action-box">
          <summary>{t('dispatch.recordDelivery')}</summary>
          <form
            noValidate
            aria-label={t('dispatch.recordDeliveryOf', { number: props.item.rkwNumber })}
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              const problem = checkDay(deliveredOn);
              setDateError(problem);
              if (!problem) void run(() => recordDelivery(props.item.id, { kind, deliveredOn }));
            }}
          >
            {kinds.length > 1 ? (
              <SelectField
                label={t('dispatch.deliveryKind')}
                value={kind}
                onChange={(v) => setKind(v as ManualKind)}
                options={kinds.map((k) => ({ value: k, label: t(`dispatch.delivery.${k}`) }))}
              />
            ) : (
              <p className="muted small">{t(`dispatch.delivery.${kinds[0]!}`)}</p>
            )}
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
        </details>
      ) : null}
      {props.item.status === 'sent' && edoreczenia && !props.item.arrivedOn ? (
        <details className="action-box">
          <summary>{t('dispatch.recordArrival')}</summary>
          <form
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              const problem = checkDay(arrivedOn);
              setDateError(problem);
              if (!problem) void run(() => recordArrival(props.item.id, { arrivedOn }));
            }}
          >
            <TextField
              label={t('dispatch.arrivedOnLabel')}
              type="date"
              value={arrivedOn}
              onChange={setArrivedOn}
              max={todayInWarsaw()}
              required
              hint={t('dispatch.arrivalHint')}
              error={dateError}
            />
            <button type="submit" className="small" disabled={busy}>
              {t('dispatch.recordArrival')}
            </button>
          </form>
        </details>
      ) : null}
      {props.item.status === 'sent' && edoreczenia && props.item.fictionDate ? (
        <button
          type="button"
          className="secondary small"
          disabled={busy || props.item.fictionDate > todayInWarsaw()}
          onClick={() => void run(() => recordDeliveryFiction(props.item.id))}
        >
          {t('dispatch.fiction')}
        </button>
      ) : null}
      {props.item.status === 'sent' && postal ? (
        <details className="action-box">
          <summary>{t('dispatch.postalFiction')}</summary>
          <form
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              const problem = checkDay(firstNoticeOn);
              setDateError(problem);
              if (!problem) void run(() => recordDeliveryFiction(props.item.id, { firstNoticeOn }));
            }}
          >
            <TextField
              label={t('dispatch.firstNoticeOn')}
              type="date"
              value={firstNoticeOn}
              onChange={setFirstNoticeOn}
              max={todayInWarsaw()}
              required
              hint={t('dispatch.postalFictionHint')}
              error={dateError}
            />
            <button type="submit" className="small" disabled={busy}>
              {t('dispatch.postalFictionSubmit')}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
