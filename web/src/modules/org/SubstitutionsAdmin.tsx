import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw, useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { orgKeys, usePeople, useSubstitutions } from './org.api.ts';

/** Substitutions: who works on whose desk (and holds their roles) from one day to another. */
export function SubstitutionsAdmin() {
  const { t } = useTranslation();
  const people = usePeople();
  const queryClient = useQueryClient();
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
      setAbsent('');
      setSubstitute('');
      setEndsOn('');
      await queryClient.invalidateQueries({ queryKey: orgKeys.substitutions });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <SubstitutionList />
      <Section title={t('admin.addSubstitution')} id="add-substitution">
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
    </>
  );
}

/** Substitutions going on now or planned, by start date. */
function SubstitutionList() {
  const { t } = useTranslation();
  const format = useFormat();
  const substitutions = useSubstitutions();
  const today = todayInWarsaw();
  return (
    <Section title={t('admin.tab.substitutions')} id="substitutions">
      <QueryView query={substitutions}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('admin.noSubstitutions')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('admin.tab.substitutions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.absent')}</th>
                    <th scope="col">{t('admin.substitute')}</th>
                    <th scope="col">{t('admin.from')}</th>
                    <th scope="col">{t('admin.to')}</th>
                    <th scope="col">{t('cases.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id}>
                      <td>{s.absentName}</td>
                      <td>{s.substituteName}</td>
                      <td>{format.date(s.startsOn)}</td>
                      <td>{format.date(s.endsOn)}</td>
                      <td>
                        {s.startsOn <= today
                          ? t('admin.substitutionNow')
                          : t('admin.substitutionPlanned')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Section>
  );
}
