import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { useAuth } from './AuthContext.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [form, setForm] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState<{ login?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      login: form.login.trim() ? undefined : t('validation.required'),
      password: form.password ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (found.login || found.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(form.login.trim(), form.password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-wrap">
      <Page title={t('auth.title')}>
        <p className="lead">{t('auth.lead')}</p>
        <form className="card form-narrow" onSubmit={submit} noValidate aria-busy={busy}>
          <ErrorAlert error={error} title={t('auth.failed')} />
          <TextField
            label={t('auth.login')}
            name="login"
            value={form.login}
            onChange={(login) => setForm({ ...form, login })}
            autoComplete="username"
            required
            error={errors.login}
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            value={form.password}
            onChange={(password) => setForm({ ...form, password })}
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <p className="muted small">{t('auth.demoHint')}</p>
      </Page>
    </div>
  );
}
