import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { signDocument, type CredentialKind } from './signatures.api.ts';

/** Signs the approved version (XAdES) with the user's certificate or the office seal. */
export function SignForm(props: { documentId: string; onSigned: () => Promise<void> }) {
  const { t } = useTranslation();
  const [credential, setCredential] = useState<CredentialKind>('personal');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A personal certificate (PKCS#12) is always unlocked with its password; the office seal may
  // be unlocked by the server's own setting (OBIEG_SEAL_PASSWORD).
  const passwordRequired = credential === 'personal';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passwordRequired && !password) return setPasswordError(t('validation.required'));
    setPasswordError(undefined);
    setBusy(true);
    setError(null);
    try {
      await signDocument(props.documentId, { credential, password: password || undefined });
      setPassword('');
      await props.onSigned();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('signatures.sign')}>
      <ErrorAlert error={error} />
      <div className="grid-2">
        <SelectField
          label={t('signatures.credential')}
          value={credential}
          onChange={(v) => setCredential(v as CredentialKind)}
          options={[
            { value: 'personal', label: t('signatures.kind.personal') },
            { value: 'office_seal', label: t('signatures.kind.office_seal') },
          ]}
        />
        <TextField
          label={t('signatures.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="off"
          required={passwordRequired}
          error={passwordError}
          hint={t('signatures.passwordHint')}
        />
      </div>
      <p className="muted small">
        {t('signatures.needCertificate')} <Link to="/account">{t('nav.account')}</Link>
      </p>
      <button type="submit" disabled={busy}>
        {busy ? t('signatures.signing') : t('signatures.sign')}
      </button>
    </form>
  );
}
