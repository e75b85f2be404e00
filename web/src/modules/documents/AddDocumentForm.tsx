import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../api/transfer.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { FileField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/Loading.tsx';
import {
  addDocument,
  addVersion,
  DOCUMENT_KINDS,
  type AccessLevel,
  type DocumentKind,
} from './documents.api.ts';

/** Adds a document (version 1) from a file: a scan, an attachment or a draft written elsewhere. */
export function AddDocumentForm(props: { caseId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('letter');
  const [title, setTitle] = useState('');
  const [access, setAccess] = useState<AccessLevel>('public');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      title: title.trim() ? undefined : t('validation.required'),
      file: file ? undefined : t('validation.chooseFile'),
    };
    setErrors(found);
    if (found.title || !file) return;
    setError(null);
    try {
      setProgress({ loaded: 0, total: file.size });
      await addDocument(props.caseId, { kind, title: title.trim(), access, file }, setProgress);
      setTitle('');
      setFile(null);
      setInputKey((k) => k + 1);
      await props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('documents.add')}>
      <ErrorAlert error={error} />
      <div className="grid-2">
        <SelectField
          label={t('documents.kindLabel')}
          value={kind}
          onChange={(v) => setKind(v as DocumentKind)}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
        />
        <SelectField
          label={t('incoming.field.access')}
          value={access}
          onChange={(v) => setAccess(v as AccessLevel)}
          options={(['public', 'partly_public', 'non_public'] as const).map((a) => ({
            value: a,
            label: t(`access.${a}`),
          }))}
        />
      </div>
      <TextField
        label={t('documents.title')}
        value={title}
        onChange={setTitle}
        required
        error={errors.title}
      />
      <FileField
        label={t('documents.file')}
        onChange={(files) => setFile(files[0] ?? null)}
        inputKey={inputKey}
        required
        error={errors.file}
      />
      {progress ? (
        <ProgressBar
          label={t('documents.uploading')}
          loaded={progress.loaded}
          total={progress.total}
        />
      ) : null}
      <button type="submit" disabled={!!progress}>
        {t('documents.add')}
      </button>
    </form>
  );
}

export function AddVersionForm(props: { documentId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const [fileError, setFileError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setFileError(t('validation.chooseFile'));
    setFileError(undefined);
    setError(null);
    try {
      setProgress({ loaded: 0, total: file.size });
      await addVersion(props.documentId, { file, note }, setProgress);
      setFile(null);
      setNote('');
      setInputKey((k) => k + 1);
      await props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('documents.addVersion')}>
      <ErrorAlert error={error} />
      <FileField
        label={t('documents.file')}
        onChange={(files) => setFile(files[0] ?? null)}
        inputKey={inputKey}
        required
        error={fileError}
      />
      <TextAreaField label={t('documents.versionNote')} value={note} onChange={setNote} rows={2} />
      {progress ? (
        <ProgressBar
          label={t('documents.uploading')}
          loaded={progress.loaded}
          total={progress.total}
        />
      ) : null}
      <button type="submit" disabled={!!progress}>
        {t('documents.addVersion')}
      </button>
    </form>
  );
}
