import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UploadProgress } from '../../api/transfer.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { FileField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import {
  emptyIncomingForm,
  toRegisterIncoming,
  validateIncoming,
  type IncomingForm,
  type IncomingFormErrors,
} from './incoming-form.ts';
import {
  ACCESS_LEVELS,
  attachFile,
  CHANNELS,
  incomingKeys,
  registerIncoming,
} from './incoming.api.ts';

const FIELD_ORDER: (keyof IncomingForm)[] = [
  'channel',
  'receivedAt',
  'title',
  'senderName',
  'street',
  'postalCode',
  'town',
  'country',
  'letterDate',
  'sentDate',
  'attachmentsCount',
];

/** Kancelaria: registers a paper letter (with its scan) or an electronic one in the RPW. */
export function RegisterIncomingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<IncomingForm>(emptyIncomingForm);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<IncomingFormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ name: string; value: UploadProgress } | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const set =
    <K extends keyof IncomingForm>(key: K) =>
    (value: IncomingForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateIncoming(form, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await registerIncoming(toRegisterIncoming(form));
      let uploadError: unknown = null;
      for (const file of files) {
        try {
          setProgress({ name: file.name, value: { loaded: 0, total: file.size } });
          await attachFile(created.id, file, (value) => setProgress({ name: file.name, value }));
        } catch (e) {
          uploadError = e;
          break;
        }
      }
      await queryClient.invalidateQueries({ queryKey: incomingKeys.all });
      navigate(`/incoming/${created.id}`, {
        state: { registered: created.rpwNumber, uploadError },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const errorList = FIELD_ORDER.filter((f) => errors[f]);
  const paper = form.channel === 'paper';
  return (
    <Page title={t('incoming.registerTitle')}>
      <p className="lead">{t('incoming.registerLead')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy} className="form">
        {errorList.length > 0 ? (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
            <p>
              <strong>{t('validation.summary', { count: errorList.length })}</strong>
            </p>
            <ul>
              {errorList.map((f) => (
                <li key={f}>
                  {t(`incoming.field.${f}`)}: {errors[f]}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorAlert error={error} />

        <fieldset className="card">
          <legend>{t('incoming.section.item')}</legend>
          <div className="grid-2">
            <SelectField
              label={t('incoming.field.channel')}
              value={form.channel}
              onChange={(v) => set('channel')(v as IncomingForm['channel'])}
              options={CHANNELS.map((c) => ({ value: c, label: t(`incoming.channel.${c}`) }))}
              required
            />
            <TextField
              label={t('incoming.field.receivedAt')}
              type="datetime-local"
              value={form.receivedAt}
              onChange={set('receivedAt')}
              required
              error={errors.receivedAt}
            />
          </div>
          <TextField
            label={t('incoming.field.title')}
            value={form.title}
            onChange={set('title')}
            required
            error={errors.title}
            hint={t('incoming.hint.title')}
          />
          <div className="grid-3">
            <TextField
              label={t('incoming.field.kind')}
              value={form.kind}
              onChange={set('kind')}
              error={errors.kind}
              hint={t('incoming.hint.kind')}
            />
            <TextField
              label={t('incoming.field.letterDate')}
              value={form.letterDate}
              onChange={set('letterDate')}
              error={errors.letterDate}
              hint={t('incoming.hint.partialDate')}
              placeholder="2026-03-02"
            />
            <TextField
              label={t('incoming.field.sentDate')}
              value={form.sentDate}
              onChange={set('sentDate')}
              error={errors.sentDate}
              hint={t('incoming.hint.partialDate')}
            />
            <TextField
              label={t('incoming.field.senderReference')}
              value={form.senderReference}
              onChange={set('senderReference')}
              error={errors.senderReference}
            />
            <TextField
              label={t('incoming.field.attachmentsCount')}
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={form.attachmentsCount}
              onChange={set('attachmentsCount')}
              error={errors.attachmentsCount}
            />
            <TextField
              label={t('incoming.field.deliveryMethod')}
              value={form.deliveryMethod}
              onChange={set('deliveryMethod')}
              error={errors.deliveryMethod}
              hint={paper ? t('incoming.hint.deliveryPaper') : undefined}
            />
            <SelectField
              label={t('incoming.field.access')}
              value={form.access}
              onChange={(v) => set('access')(v as IncomingForm['access'])}
              options={ACCESS_LEVELS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
            />
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('incoming.section.sender')}</legend>
          <TextField
            label={t('incoming.field.senderName')}
            value={form.senderName}
            onChange={set('senderName')}
            required
            error={errors.senderName}
            autoComplete="off"
          />
          <div className="grid-2">
            <TextField
              label={t('incoming.field.street')}
              value={form.street}
              onChange={set('street')}
              error={errors.street}
            />
            <TextField
              label={t('incoming.field.postalCode')}
              value={form.postalCode}
              onChange={set('postalCode')}
              error={errors.postalCode}
              placeholder="00-950"
              inputMode="numeric"
            />
            <TextField
              label={t('incoming.field.town')}
              value={form.town}
              onChange={set('town')}
              required
              error={errors.town}
            />
            <TextField
              label={t('incoming.field.country')}
              value={form.country}
              onChange={set('country')}
              required
              error={errors.country}
            />
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{paper ? t('incoming.section.scan') : t('incoming.section.files')}</legend>
          <FileField
            label={paper ? t('incoming.field.scan') : t('incoming.field.files')}
            multiple
            accept={paper ? 'application/pdf,image/*' : undefined}
            onChange={setFiles}
            hint={t('incoming.hint.files')}
          />
          {files.length > 0 ? (
            <ul className="file-list">
              {files.map((f) => (
                <li key={f.name}>{f.name}</li>
              ))}
            </ul>
          ) : null}
          <TextAreaField
            label={t('incoming.field.remarks')}
            value={form.remarks}
            onChange={set('remarks')}
            error={errors.remarks}
          />
        </fieldset>

        {progress ? (
          <ProgressBar
            label={t('incoming.uploading', { name: progress.name })}
            loaded={progress.value.loaded}
            total={progress.value.total}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('incoming.register')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setForm(emptyIncomingForm());
              setErrors({});
            }}
            disabled={busy}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>
    </Page>
  );
}
