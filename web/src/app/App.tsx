import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { ArchivePage } from '../modules/archive/ArchivePage.tsx';
import { AdminPage } from '../modules/org/AdminPage.tsx';
import { ApprovalsPage } from '../modules/approvals/ApprovalsPage.tsx';
import { useAuth } from '../modules/auth/AuthContext.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { CaseListPage } from '../modules/cases/CaseListPage.tsx';
import { CasePage } from '../modules/cases/CasePage.tsx';
import { CasesPage } from '../modules/cases/CasesPage.tsx';
import { ChannelsPage } from '../modules/channels/ChannelsPage.tsx';
import { DeadlinesPage } from '../modules/deadlines/DeadlinesPage.tsx';
import { OutgoingPage } from '../modules/dispatch/OutgoingPage.tsx';
import { IncomingListPage } from '../modules/incoming/IncomingListPage.tsx';
import { IncomingPage } from '../modules/incoming/IncomingPage.tsx';
import { RegisterIncomingPage } from '../modules/incoming/RegisterIncomingPage.tsx';
import { AccountPage } from '../modules/auth/AccountPage.tsx';
import { SearchPage } from '../modules/search/SearchPage.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Loading } from '../ui/Loading.tsx';
import { DeskPage } from './DeskPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function App() {
  const { token, me, meError, loading } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (!token) {
    return (
      <Layout>
        <LoginPage />
      </Layout>
    );
  }
  if (loading || !me) {
    return (
      <Layout>
        {meError ? <ErrorAlert error={meError} /> : <Loading label={t('auth.loadingUser')} />}
      </Layout>
    );
  }
  return (
    <Layout>
      <ErrorBoundary resetKey={location.pathname}>
        <Routes>
          <Route path="/" element={<DeskPage />} />
          <Route path="/incoming" element={<IncomingListPage />} />
          <Route path="/incoming/new" element={<RegisterIncomingPage />} />
          <Route path="/incoming/:id" element={<IncomingPage />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/deadlines" element={<DeadlinesPage />} />
          <Route path="/case-lists" element={<CaseListPage />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/outgoing" element={<OutgoingPage />} />
          <Route path="/channels" element={<ChannelsPage />} />
          <Route path="/archive" element={<ArchivePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/*" element={<AdminPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}
