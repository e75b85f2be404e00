import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../ui/Page.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { CredentialsSection } from '../signatures/CredentialsSection.tsx';
import { useCurrentUser } from './AuthContext.tsx';

/** My account: who I am, my roles and substitutions, my signing certificates. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const org = useOrgNames();
  return (
    <Page title={t('account.title')}>
      <Section title={t('account.me')} id="me">
        <dl className="dl-grid">
          <dt>{t('account.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('auth.login')}</dt>
          <dd>{me.login}</dd>
          <dt>{t('account.post')}</dt>
          <dd>{me.post}</dd>
          <dt>{t('cases.unit')}</dt>
          <dd>{org.unitLabel(me.unitId)}</dd>
        </dl>
        <h3>{t('account.roles')}</h3>
        <ul className="plain-list">
          {me.roles.map((r, i) => (
            <li key={i}>
              {t(`roles.${r.role as 'kancelaria'}`, { defaultValue: r.role })} ·{' '}
              {t(`scopes.${r.scope as 'desk'}`, { defaultValue: r.scope })} ·{' '}
              {org.unitSymbol(r.unitId)}
              {r.onBehalfOf ? (
                <span className="muted">
                  {' '}
                  · {t('account.onBehalfOf', { name: org.personName(r.onBehalfOf) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <CredentialsSection />
    </Page>
  );
}
