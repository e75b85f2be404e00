import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { Page } from '../../ui/Page.tsx';
import { ApprovalPathsAdmin } from '../approvals/ApprovalPathsAdmin.tsx';
import { JrwaAdmin } from '../jrwa/JrwaAdmin.tsx';
import { TemplatesAdmin } from '../templates/TemplatesAdmin.tsx';
import { PeopleAdmin } from './PeopleAdmin.tsx';
import { SubstitutionsAdmin } from './SubstitutionsAdmin.tsx';
import { UnitsAdmin } from './UnitsAdmin.tsx';

const TABS = ['units', 'people', 'substitutions', 'jrwa', 'approval-paths', 'templates'] as const;

/** Administration: organisation, file plan, approval paths and letter templates. */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.title')}>
      <nav aria-label={t('admin.sections')} className="tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab}>
              <NavLink to={`/admin/${tab}`}>{t(`admin.tab.${tab}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="units" replace />} />
        <Route path="units" element={<UnitsAdmin />} />
        <Route path="people" element={<PeopleAdmin />} />
        <Route path="substitutions" element={<SubstitutionsAdmin />} />
        <Route path="jrwa" element={<JrwaAdmin />} />
        <Route path="approval-paths" element={<ApprovalPathsAdmin />} />
        <Route path="templates" element={<TemplatesAdmin />} />
      </Routes>
    </Page>
  );
}
