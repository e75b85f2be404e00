import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Section } from '../../ui/Page.tsx';
import { addMailbox, CHANNEL_NAMES, channelKeys, type ChannelName } from './channels.api.ts';

interface FieldErrors {
  address?: string;
  name?: string;
  requestsPerSecond?: string;
}

/** The administrator configures an office mailbox: an ePUAP box address or an e-Doręczenia ADE. */
export function AddMailboxForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<ChannelName>('epuap');
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [requestsPerSecond, setRequestsPerSecond] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The same limits as the API's schema (addMailboxSchema), checked before sending.
  function validate(): FieldErrors {
    const rps = requestsPerSecond.trim();
    return {
      address:
        address.trim().length === 0
          ? t('validation.required')
          : address.trim().length < 3 || address.trim().length > 200
            ? t('channels.addressLength')
            : undefined,
      name: name.trim() ? undefined : t('validation.required'),
      requestsPerSecond:
        rps && !(/^\d+$/.test(rps) && Number(rps) >= 1 && Number(rps) <= 1000)
          ? t('channels.requestsPerSecondRange')
          : undefined,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.address || found.name || found.requestsPerSecond) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const mailbox = await addMailbox({
        channel,
        address: address.trim(),
        name: name.trim(),
        requestsPerSecond: requestsPerSecond.trim() ? Number(requestsPerSecond) : undefined,
      });
      setNotice(t('channels.mailboxAdded', { address: mailbox.address }));
      setAddress('');
      setName('');
      setRequestsPerSecond('');
      await queryClient.invalidateQueries({ queryKey: channelKeys.queues });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('channels.addMailbox')} id="add-mailbox">
      {notice ? <Notice>{notice}</Notice> : null}
      <form onSubmit={submit} noValidate aria-label={t('channels.addMailbox')}>
        <ErrorAlert error={error} />
        <div className="grid-2">
          <SelectField
            label={t('channels.column.channel')}
            value={channel}
            onChange={(v) => setChannel(v as ChannelName)}
            options={CHANNEL_NAMES.map((c) => ({ value: c, label: t(`channels.channel.${c}`) }))}
          />
          <TextField
            label={t('channels.address')}
            value={address}
            onChange={setAddress}
            required
            maxLength={200}
            hint={t(`channels.addressHint.${channel}`)}
            error={errors.address}
          />
          <TextField
            label={t('channels.mailboxName')}
            value={name}
            onChange={setName}
            required
            maxLength={200}
            error={errors.name}
          />
          <TextField
            label={t('channels.requestsPerSecond')}
            type="number"
            value={requestsPerSecond}
            onChange={setRequestsPerSecond}
            min={1}
            max={1000}
            inputMode="numeric"
            hint={t('channels.requestsPerSecondHint')}
            error={errors.requestsPerSecond}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('channels.addMailbox')}
        </button>
      </form>
    </Section>
  );
}
