import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextAreaField } from '../../ui/Field.tsx';
import { Section } from '../../ui/Page.tsx';
import { requestAccess } from './archive.api.ts';
import { useArchiveAction } from './use-action.ts';

/** A clerk asks the archivist to view or borrow a closed case kept in the archive. */
export function RequestAccessForm(props: { caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'view' | 'loan'>('view');
  const [purpose, setPurpose] = useState('');
  const [sent, setSent] = useState(false);
  const { run, error, busy } = useArchiveAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const loan = await run(() => requestAccess({ caseId: props.caseId, kind, purpose }));
    if (loan) {
      setSent(true);
      setPurpose('');
    }
  }

  return (
    <Section title={t('archive.requestAccess')} id="archive-request">
      {sent ? <Notice kind="success">{t('archive.requestSent')}</Notice> : null}
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit}>
        <SelectField
          label={t('archive.requestKind')}
          value={kind}
          onChange={(v) => setKind(v === 'loan' ? 'loan' : 'view')}
          options={[
            { value: 'view', label: t('archive.loanKind.view') },
            { value: 'loan', label: t('archive.loanKind.loan') },
          ]}
        />
        <TextAreaField
          label={t('archive.purpose')}
          value={purpose}
          onChange={setPurpose}
          maxLength={1000}
          required
        />
        <button type="submit" disabled={busy || !purpose.trim()}>
          {t('archive.sendRequest')}
        </button>
      </form>
    </Section>
  );
}
