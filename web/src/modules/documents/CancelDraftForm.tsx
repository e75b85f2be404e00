import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { cancelDocument } from './documents.api.ts';

/** Withdraws a draft (it stays in the case, marked cancelled); the reason is required. */
export function CancelDraftForm(props: { documentId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setReasonError(t('validation.required'));
    setReasonError(undefined);
    setBusy(true);
    setError(null);
    try {
      await cancelDocument(props.documentId, reason.trim());
      await props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('documents.cancel')}>
      <ErrorAlert error={error} />
      <TextAreaField
        label={t('documents.cancelReason')}
        value={reason}
        onChange={setReason}
        required
        error={reasonError}
        maxLength={1000}
        rows={2}
      />
      <button type="submit" className="danger" disabled={busy}>
        {t('documents.cancelSubmit')}
      </button>
    </form>
  );
}
