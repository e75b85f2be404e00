import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useJrwaClasses } from '../jrwa/jrwa.api.ts';
import { useOrgNames } from '../org/org.api.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { caseKeys, joinIncoming, openCase, useCases } from './cases.api.ts';

/** Opens a case from an incoming item (or joins the item to one of my open cases). */
export function OpenCaseForm(props: { incomingId: string; defaultTitle: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const org = useOrgNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const classes = useJrwaClasses(true);
  const [unitId, setUnitId] = useState(me.unitId);
  const [filter, setFilter] = useState('');
  const [jrwaSymbol, setJrwaSymbol] = useState('');
  const [title, setTitle] = useState(props.defaultTitle);
  const [errors, setErrors] = useState<{ jrwa?: string; title?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const needle = filter.trim().toLowerCase();
  const options = (classes.data ?? [])
    .filter(
      (c) =>
        !needle ||
        c.symbol.startsWith(needle) ||
        c.title.toLowerCase().includes(needle) ||
        c.symbol === jrwaSymbol,
    )
    .slice(0, 300)
    .map((c) => ({ value: c.symbol, label: `${c.symbol} – ${c.title} (${c.category ?? '—'})` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      jrwa: jrwaSymbol ? undefined : t('validation.required'),
      title: title.trim() ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (found.jrwa || found.title) return;
    setBusy(true);
    setError(null);
    try {
      const created = await openCase({
        unitId,
        jrwaSymbol,
        title: title.trim(),
        incomingId: props.incomingId,
      });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['incoming'] });
      navigate(`/cases/${created.id}`, { state: { opened: created.sign } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={t('cases.open')}>
      <ErrorAlert error={error} />
      <div className="grid-2">
        <SelectField
          label={t('cases.unit')}
          value={unitId}
          onChange={setUnitId}
          options={org.units.map((u) => ({ value: u.id, label: `${u.symbol} – ${u.name}` }))}
          required
        />
        <TextField
          label={t('cases.jrwaFilter')}
          value={filter}
          onChange={setFilter}
          type="search"
          hint={t('cases.jrwaFilterHint')}
        />
      </div>
      <SelectField
        label={t('cases.jrwaClass')}
        value={jrwaSymbol}
        onChange={setJrwaSymbol}
        placeholder={classes.isPending ? t('common.loading') : t('common.choose')}
        options={options}
        required
        error={errors.jrwa}
      />
      <TextField
        label={t('cases.caseTitle')}
        value={title}
        onChange={setTitle}
        required
        error={errors.title}
        maxLength={500}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('cases.open')}
      </button>
    </form>
  );
}

export function JoinCaseForm(props: { incomingId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const cases = useCases({ status: 'open', mine: true });
  const [caseId, setCaseId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!caseId) return setFieldError(t('validation.required'));
    setFieldError(undefined);
    try {
      await joinIncoming(caseId, props.incomingId);
      await queryClient.invalidateQueries({ queryKey: ['incoming'] });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      navigate(`/cases/${caseId}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <SelectField
        label={t('cases.joinTo')}
        value={caseId}
        onChange={setCaseId}
        placeholder={cases.isPending ? t('common.loading') : t('common.choose')}
        options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.sign} – ${c.title}` }))}
        error={fieldError}
        required
      />
      <button type="submit">{t('cases.join')}</button>
    </form>
  );
}
