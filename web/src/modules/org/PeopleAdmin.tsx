import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { orgKeys, usePeople, useUnits } from './org.api.ts';

type Role = Schemas['CreateUser']['roles'][number];
const ROLES: readonly Role['role'][] = [
  'kancelaria',
  'sekretariat',
  'kierownik',
  'prowadzacy',
  'sekretarz',
  'archiwista',
  'administrator',
  'system',
];
const SCOPES: readonly Role['scope'][] = ['desk', 'unit', 'subordinate', 'office'];

/** People of the office with their units; adding a user with roles and scopes. */
export function PeopleAdmin() {
  const { t } = useTranslation();
  const people = usePeople();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [unitId, setUnitId] = useState('');
  const [post, setPost] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([{ role: 'prowadzacy', scope: 'desk' }]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unitSymbol = (id: string) => units.data?.find((u) => u.id === id)?.symbol ?? '…';
  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.symbol} – ${u.name}`,
  }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      login: login.trim() ? undefined : t('validation.required'),
      name: name.trim() ? undefined : t('validation.required'),
      unitId: unitId ? undefined : t('validation.required'),
      password: password.length >= 12 ? undefined : t('validation.passwordLength'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setError(null);
    try {
      const created = await call(
        api.POST('/api/v1/org/people', {
          body: {
            login: login.trim(),
            name: name.trim(),
            password,
            unitId,
            post: post.trim() || undefined,
            email: email.trim() || undefined,
            kind: 'person',
            roles,
          },
        }),
      );
      setNotice(t('admin.userCreated', { login: created.login }));
      setLogin('');
      setName('');
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: orgKeys.people });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Section title={t('admin.tab.people')} id="people">
        <QueryView query={people}>
          {(rows) => (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('admin.tab.people')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('account.name')}</th>
                    <th scope="col">{t('auth.login')}</th>
                    <th scope="col">{t('account.post')}</th>
                    <th scope="col">{t('cases.unit')}</th>
                    <th scope="col">{t('account.roles')}</th>
                    <th scope="col">{t('admin.kind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>{p.login}</td>
                      <td>{p.post ?? '—'}</td>
                      <td>{p.unitSymbol}</td>
                      <td>
                        {p.roles.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="role-list">
                            {p.roles.map((r) => (
                              <li key={`${r.role}-${r.scope}-${r.unitId}`}>
                                {t(`roles.${r.role as 'kancelaria'}`, { defaultValue: r.role })}{' '}
                                <span className="muted small">
                                  ({t(`scopes.${r.scope as 'desk'}`, { defaultValue: r.scope })}
                                  {r.scope === 'office' ? '' : `, ${unitSymbol(r.unitId)}`})
                                </span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>{t(`admin.personKind.${p.kind}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
      <Section title={t('admin.addUser')} id="add-user">
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={error} />
          <div className="grid-2">
            <TextField
              label={t('auth.login')}
              value={login}
              onChange={setLogin}
              required
              error={errors.login}
              autoComplete="off"
            />
            <TextField
              label={t('account.name')}
              value={name}
              onChange={setName}
              required
              error={errors.name}
            />
            <TextField
              label={t('auth.password')}
              type="password"
              value={password}
              onChange={setPassword}
              required
              error={errors.password}
              autoComplete="new-password"
              hint={t('admin.passwordHint')}
            />
            <SelectField
              label={t('cases.unit')}
              value={unitId}
              onChange={setUnitId}
              placeholder={t('common.choose')}
              options={unitOptions}
              required
              error={errors.unitId}
            />
            <TextField label={t('account.post')} value={post} onChange={setPost} />
            <TextField label={t('admin.email')} type="email" value={email} onChange={setEmail} />
          </div>
          <fieldset className="steps">
            <legend>{t('account.roles')}</legend>
            <ol>
              {roles.map((r, index) => (
                <li key={index} className="grid-3">
                  <SelectField
                    label={t('admin.role', { n: index + 1 })}
                    value={r.role}
                    onChange={(role) =>
                      setRoles(
                        roles.map((x, i) =>
                          i === index ? { ...x, role: role as Role['role'] } : x,
                        ),
                      )
                    }
                    options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                  />
                  <SelectField
                    label={t('admin.scope', { n: index + 1 })}
                    value={r.scope}
                    onChange={(scope) =>
                      setRoles(
                        roles.map((x, i) =>
                          i === index ? { ...x, scope: scope as Role['scope'] } : x,
                        ),
                      )
                    }
                    options={SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope}`) }))}
                  />
                  <SelectField
                    label={t('admin.roleUnit', { n: index + 1 })}
                    value={r.unitId ?? ''}
                    onChange={(id) =>
                      setRoles(
                        roles.map((x, i) => (i === index ? { ...x, unitId: id || undefined } : x)),
                      )
                    }
                    placeholder={t('admin.userUnit')}
                    options={unitOptions}
                  />
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="secondary small"
              onClick={() => setRoles([...roles, { role: 'prowadzacy', scope: 'desk' }])}
            >
              {t('admin.addRole')}
            </button>
          </fieldset>
          <button type="submit">{t('admin.addUser')}</button>
        </form>
      </Section>
    </>
  );
}
