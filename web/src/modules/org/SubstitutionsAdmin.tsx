import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw } from '../../ui/format.ts';
import { Section } from '../../ui/Page.tsx';
import { usePeople } from './org.api.ts';

/** Substitutions: who works on whose desk (and holds their roles) from one day to another. */
export function SubstitutionsAdmin() {
  const { t } = useTranslation();
  const people = usePeople();
  const [absentUserId, setAbsent] = useState('');
  const [substituteUserId, setSubstitute] = useState('');
  const [startsOn, setStartsOn] = useState(todayInWarsaw());
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const options = (people.data ?? [])
    .filter((p) => p.kind === 'person')
    .map((p) => ({ value: p.id, label: `${p.name} (${p.unitSymbol})` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      absent: absentUserId ? undefined : t('validation.required'),
      substitute: !substituteUserId
        ? t('validation.required')
        : substituteUserId === absentUserId
          ? t('admin.samePerson')
          : undefined,
      startsOn: startsOn ? undefined : t('validation.required'),
      endsOn: !endsOn
        ? t('validation.required')
        : endsOn < startsOn
          ? t('validation.endBeforeStart')
          : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setError(null);
    try {
      await call(
        api.POST('/api/v1/org/substitutions', {
          body: { absentUserId, substituteUserId, startsOn, endsOn },
        }),
      );
      setNotice(t('admin.substitutionCreated'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Section title={t('admin.tab.substitutions')} id="substitutions">
      <p className="muted">{t('admin.substitutionsLead')}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        <div className="grid-2">
          <SelectField
            label={t('admin.absent')}
            value={absentUserId}
            onChange={setAbsent}
            placeholder={t('common.choose')}
            options={options}
            required
            error={errors.absent}
          />
          <SelectField
            label={t('admin.substitute')}
            value={substituteUserId}
            onChange={setSubstitute}
            placeholder={t('common.choose')}
            options={options}
            required
            error={errors.substitute}
          />
          <TextField
            label={t('admin.from')}
            type="date"
            value={startsOn}
            onChange={setStartsOn}
            required
            error={errors.startsOn}
          />
          <TextField
            label={t('admin.to')}
            type="date"
            value={endsOn}
            onChange={setEndsOn}
            required
            error={errors.endsOn}
          />
        </div>
        <button type="submit">{t('admin.addSubstitution')}</button>
      </form>
    </Section>
  );
}
