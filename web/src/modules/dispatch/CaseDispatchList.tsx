import { useTranslation } from 'react-i18next';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useCaseDocuments } from '../documents/documents.api.ts';
import { useCaseOutgoing } from './dispatch.api.ts';
import { OutgoingTable } from './OutgoingTable.tsx';

/** What was dispatched in a case (RKW), with delivery and the appeal term it started. */
export function CaseDispatchList(props: { caseId: string; openedAt: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const openedYear = Number(props.openedAt.slice(0, 4)) || new Date().getFullYear();
  const outgoing = useCaseOutgoing(props.caseId, openedYear, new Date().getFullYear());
  const documents = useCaseDocuments(props.caseId);
  const titleOf = new Map((documents.data ?? []).map((d) => [d.id, d.title]));
  return (
    <Section title={t('dispatch.caseList')} id="case-dispatch">
      <QueryView query={outgoing}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('dispatch.caseListEmpty')}</Empty>
          ) : (
            <OutgoingTable
              rows={rows}
              caption={t('dispatch.caseList')}
              documentTitle={(id) => (id ? titleOf.get(id) : undefined)}
              canHandle={may(me, 'outgoing.keep_register')}
            />
          )
        }
      </QueryView>
    </Section>
  );
}
