import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { Notice } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import { QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { RequestAccessForm } from '../archive/RequestAccessForm.tsx';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { DeadlineClock } from '../deadlines/DeadlineClock.tsx';
import { CaseDispatchList } from '../dispatch/CaseDispatchList.tsx';
import { DocumentsPanel } from '../documents/DocumentsPanel.tsx';
import { incomingKeys } from '../incoming/incoming.api.ts';
import { useOrgNames } from '../org/org.api.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseRecordTable } from './CaseRecordTable.tsx';
import { useCase, type Case } from './cases.api.ts';

/** A case: signature, title, party, deadline clock, documents, record and allowed actions. */
export function CasePage() {
  const { id = '' } = useParams();
  const kase = useCase(id);
  const state = (useLocation().state ?? {}) as { opened?: string };
  const { t } = useTranslation();
  return (
    <QueryView query={kase}>
      {(data) => (
        <Page title={`${t('cases.case')} ${data.sign}`}>
          {state.opened ? <Notice>{t('cases.opened', { sign: state.opened })}</Notice> : null}
          <CaseBody kase={data} />
        </Page>
      )}
    </QueryView>
  );
}

function CaseBody(props: { kase: Case }) {
  const { t } = useTranslation();
  const format = useFormat();
  const org = useOrgNames();
  const kase = props.kase;
  const me = useCurrentUser();
  const canWork = kase.status === 'open' && kase.allowedActions.includes('work');
  // A closed case may be in the archive already; the server answers if it is not.
  const mayAskArchive = kase.status !== 'open' && may(me, 'archive.request_access');
  const letters = useQueries({
    queries: kase.incomingIds.map((incomingId) => ({
      queryKey: incomingKeys.one(incomingId),
      queryFn: () =>
        call(api.GET('/api/v1/incoming/{id}', { params: { path: { id: incomingId } } })),
    })),
  });
  const first = letters[0]?.data;
  const party = first
    ? {
        name: first.sender.name,
        street: first.sender.address.street,
        postalCode: first.sender.address.postalCode,
        town: first.sender.address.town,
        country: first.sender.address.country,
      }
    : undefined;

  return (
    <>
      <div className="two-col">
        <div className="col-main">
          <Section title={t('cases.summary')} id="summary">
            <p className="case-title">{kase.title}</p>
            <dl className="dl-grid">
              <dt>{t('cases.sign')}</dt>
              <dd>
                <strong>{kase.sign}</strong>
              </dd>
              <dt>{t('cases.status')}</dt>
              <dd>
                <Badge tone={kase.status === 'open' ? 'info' : 'neutral'}>
                  {t(`cases.statuses.${kase.status}`)}
                </Badge>
              </dd>
              <dt>{t('cases.party')}</dt>
              <dd>
                {party ? (
                  <>
                    {party.name}
                    <div className="muted small">
                      {[party.street, [party.postalCode, party.town].filter(Boolean).join(' ')]
                        .filter(Boolean)
                        .join(', ')}
                    </div>
                  </>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('cases.unit')}</dt>
              <dd>{org.unitLabel(kase.unitId)}</dd>
              <dt>{t('cases.handler')}</dt>
              <dd>{org.personName(kase.handlerId)}</dd>
              <dt>{t('cases.jrwaClass')}</dt>
              <dd>{kase.jrwaSymbol}</dd>
              <dt>{t('cases.openedAt')}</dt>
              <dd>{format.dateTime(kase.openedAt)}</dd>
              {kase.closedAt ? (
                <>
                  <dt>{t('cases.closedAt')}</dt>
                  <dd>{format.dateTime(kase.closedAt)}</dd>
                  <dt>{t('cases.archivalCategory')}</dt>
                  <dd>{kase.archivalCategory ?? '—'}</dd>
                  {kase.expertReviewFrom ? (
                    <>
                      <dt>{t('cases.expertReviewFrom')}</dt>
                      <dd>{format.date(kase.expertReviewFrom)}</dd>
                    </>
                  ) : (
                    <>
                      <dt>{t('cases.disposalFrom')}</dt>
                      <dd>{format.date(kase.disposalFrom)}</dd>
                    </>
                  )}
                </>
              ) : null}
              {kase.parentCaseId ? (
                <>
                  <dt>{t('cases.parent')}</dt>
                  <dd>
                    <Link to={`/cases/${kase.parentCaseId}`}>{t('cases.parentLink')}</Link>
                  </dd>
                </>
              ) : null}
              <dt>{t('cases.letters')}</dt>
              <dd>
                {kase.incomingIds.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {kase.incomingIds.map((incomingId, index) => {
                      const letter = letters[index]?.data;
                      return (
                        <li key={incomingId}>
                          <Link to={`/incoming/${incomingId}`}>
                            {letter ? `${letter.rpwNumber} – ${letter.title}` : t('common.loading')}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </dd>
            </dl>
          </Section>
          <DocumentsPanel caseId={kase.id} canWork={canWork} party={party} />
        </div>
        <aside className="col-side" aria-label={t('cases.side')}>
          <DeadlineClock caseId={kase.id} canWork={canWork} />
          <CaseActions kase={kase} />
          {mayAskArchive ? <RequestAccessForm caseId={kase.id} /> : null}
        </aside>
      </div>
      {/* Wide tables get the full width. */}
      <CaseDispatchList caseId={kase.id} openedAt={kase.openedAt} />
      <CaseRecordTable caseId={kase.id} />
    </>
  );
}
