import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { LANGUAGES } from '../i18n/index.ts';
import { may } from '../modules/auth/auth.api.ts';
import { useAuth } from '../modules/auth/AuthContext.tsx';
import { SearchBox } from '../modules/search/SearchBox.tsx';

/** The page frame: skip link, header with the user and language, main navigation, main content. */
export function Layout(props: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, logout } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  const links: { to: string; label: string; show: boolean }[] = me
    ? [
        { to: '/', label: t('nav.desk'), show: true },
        {
          to: '/incoming',
          label: t('nav.incoming'),
          show: may(me, 'incoming.read'),
        },
        {
          to: '/incoming/new',
          label: t('nav.register'),
          show: may(me, 'incoming.register'),
        },
        {
          to: '/cases',
          label: t('nav.cases'),
          show: may(me, 'cases.read'),
        },
        {
          to: '/approvals',
          label: t('nav.approvals'),
          show: may(me, 'cases.work'),
        },
        {
          to: '/deadlines',
          label: t('nav.deadlines'),
          show: may(me, 'cases.work'),
        },
        {
          to: '/case-lists',
          label: t('nav.caseLists'),
          show: may(me, 'cases.read_units'),
        },
        { to: '/outgoing', label: t('nav.outgoing'), show: may(me, 'outgoing.keep_register') },
        { to: '/channels', label: t('nav.channels'), show: may(me, 'channels.view_queues') },
        {
          to: '/archive',
          label: t('nav.archive'),
          show: may(me, 'archive.request_access') || may(me, 'archive.prepare_transfer'),
        },
        { to: '/admin', label: t('nav.admin'), show: may(me, 'org.manage') },
        { to: '/account', label: t('nav.account'), show: true },
      ]
    : [];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="app-brand">
          <NavLink to="/" className="brand-link">
            <span className="brand-mark" aria-hidden="true">
              ≡
            </span>
            {t('app.name')}
          </NavLink>
          <span className="brand-sub">{t('app.tagline')}</span>
        </div>
        {me ? <SearchBox /> : null}
        <div className="app-user">
          <label className="lang-select">
            <span className="visually-hidden">{t('nav.language')}</span>
            <select
              value={i18n.language.startsWith('en') ? 'en' : 'pl'}
              onChange={(e) => void i18n.changeLanguage(e.target.value)}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {language === 'pl' ? 'Polski' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {me ? (
            <>
              <span className="user-name">
                {me.name}
                <span className="muted small"> · {me.post}</span>
              </span>
              <button type="button" className="secondary small" onClick={() => void logout()}>
                {t('nav.logout')}
              </button>
            </>
          ) : null}
        </div>
        {me ? (
          <button
            type="button"
            className="menu-toggle secondary small"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('nav.menu')}
          </button>
        ) : null}
      </header>
      {me ? (
        <nav
          id="main-nav"
          className={`app-nav ${menuOpen ? 'open' : ''}`}
          aria-label={t('nav.label')}
        >
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.to === '/' || l.to === '/incoming'}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1} className="app-main">
        {props.children}
      </main>
      <footer className="app-footer">
        <p className="muted small">{t('app.footer')}</p>
      </footer>
    </>
  );
}
