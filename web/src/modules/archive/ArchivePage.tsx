import { useTranslation } from 'react-i18next';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { DisposalPanel } from './DisposalPanel.tsx';
import { LoansPanel } from './LoansPanel.tsx';
import { RegisterPanel } from './RegisterPanel.tsx';
import { TransfersPanel } from './TransfersPanel.tsx';

/**
 * The archiwum zakładowe: each section shows only when the server's `allowedActions` allow it
 * (the unit head's hand-over lists, the archivist's register and disposal, everyone's loans).
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const transfers = may(me, 'archive.prepare_transfer') || may(me, 'archive.decide_transfer');
  return (
    <Page title={t('archive.title')}>
      {transfers ? (
        <Section title={t('archive.transfers')} id="archive-transfers">
          <TransfersPanel />
        </Section>
      ) : null}
      {may(me, 'archive.read_register') ? (
        <Section title={t('archive.register')} id="archive-register">
          <RegisterPanel />
        </Section>
      ) : null}
      {may(me, 'archive.request_access') ? (
        <Section title={t('archive.loans')} id="archive-loans">
          <LoansPanel />
        </Section>
      ) : null}
      {may(me, 'archive.dispose') ? (
        <Section title={t('archive.disposal')} id="archive-disposal">
          <DisposalPanel />
        </Section>
      ) : null}
    </Page>
  );
}
