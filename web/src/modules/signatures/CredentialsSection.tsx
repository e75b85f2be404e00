import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../api/transfer.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { FileField, SelectField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, ProgressBar, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import {
  signatureKeys,
  uploadCredential,
  uploadTrustAnchor,
  useSigningCredentials,
  useTrustAnchors,
  type CredentialKind,
} from './signatures.api.ts';

/** Signing certificates (PKCS#12) of the user and, for the administrator, the office seal. */
export function CredentialsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const admin = may(me, 'signatures.manage_office');
  const queryClient = useQueryClient();
  const credentials = useSigningCredentials();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<CredentialKind>('personal');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<{ file?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      file: file ? undefined : t('validation.chooseFile'),
      password: password ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (!file || found.password) return;
    setError(null);
    setNotice(null);
    try {
      setProgress({ loaded: 0, total: file.size });
      const saved = await uploadCredential({ file, password, kind, label }, setProgress);
      setNotice(t('signatures.credentialSaved', { subject: saved.subject }));
      setFile(null);
      setPassword('');
      setInputKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: signatureKeys.credentials });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Section title={t('signatures.credentials')} id="credentials">
      {notice ? <Notice>{notice}</Notice> : null}
      <QueryView query={credentials}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('signatures.noCredentials')}</Empty>
          ) : (
            <ul className="plain-list">
              {rows.map((c) => (
                <li key={c.id}>
                  <strong>{c.label || c.subject}</strong> · {t(`signatures.kind.${c.kind}`)}
                  <br />
                  <span className="muted small">
                    {c.subject} · {t('signatures.validTo', { date: format.date(c.notAfter) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <details className="action-box">
        <summary>{t('signatures.addCredential')}</summary>
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={error} />
          <div className="grid-2">
            <FileField
              label={t('signatures.p12File')}
              accept=".p12,.pfx,application/x-pkcs12"
              onChange={(files) => setFile(files[0] ?? null)}
              inputKey={inputKey}
              required
              error={errors.file}
            />
            <TextField
              label={t('signatures.password')}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="off"
              required
              error={errors.password}
            />
            <TextField label={t('signatures.label')} value={label} onChange={setLabel} />
            {admin ? (
              <SelectField
                label={t('signatures.credential')}
                value={kind}
                onChange={(v) => setKind(v as CredentialKind)}
                options={[
                  { value: 'personal', label: t('signatures.kind.personal') },
                  { value: 'office_seal', label: t('signatures.kind.office_seal') },
                ]}
              />
            ) : null}
          </div>
          {progress ? (
            <ProgressBar
              label={t('signatures.uploading')}
              loaded={progress.loaded}
              total={progress.total}
            />
          ) : null}
          <button type="submit" disabled={!!progress}>
            {t('signatures.saveCredential')}
          </button>
        </form>
      </details>
      {admin ? <TrustAnchors /> : null}
    </Section>
  );
}

function TrustAnchors() {
  const { t } = useTranslation();
  const format = useFormat();
  const anchors = useTrustAnchors();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <h3>{t('signatures.trustAnchors')}</h3>
      <QueryView query={anchors}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('signatures.noAnchors')}</Empty>
          ) : (
            <ul className="plain-list">
              {rows.map((a) => (
                <li key={a.id}>
                  {a.subject}{' '}
                  <span className="muted small">
                    {t('signatures.validTo', { date: format.date(a.notAfter) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <details className="action-box">
        <summary>{t('signatures.addAnchor')}</summary>
        <ErrorAlert error={error} />
        <FileField
          label={t('signatures.certificateFile')}
          accept=".cer,.crt,.pem,.der"
          onChange={(files) => setFile(files[0] ?? null)}
        />
        <button
          type="button"
          disabled={!file}
          onClick={() => {
            if (!file) return;
            setError(null);
            uploadTrustAnchor(file).then(
              () => queryClient.invalidateQueries({ queryKey: signatureKeys.anchors }),
              setError,
            );
          }}
        >
          {t('common.save')}
        </button>
      </details>
    </>
  );
}
