import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WaitingAssignments } from '../modules/assignments/WaitingAssignments.tsx';
import { useMyApprovals } from '../modules/approvals/approvals.api.ts';
import { may, substitutionsHeld } from '../modules/auth/auth.api.ts';
import { useCurrentUser } from '../modules/auth/AuthContext.tsx';
import { useCases } from '../modules/cases/cases.api.ts';
import { DeadlineTable } from '../modules/deadlines/DeadlineTable.tsx';
import { NotificationList } from '../modules/notifications/NotificationList.tsx';
import { DocumentsToSign } from '../modules/signatures/DocumentsToSign.tsx';
import { useOrgNames } from '../modules/org/org.api.ts';
import { Empty, QueryView } from '../ui/Loading.tsx';
import { Page, Section } from '../ui/Page.tsx';

/** My desk: what waits for me today, the most urgent first. */
export function DeskPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const org = useOrgNames();
  const caseWorker = may(me, 'cases.work');
  const assigner = may(me, 'assignments.receive');
  const kancelaria = may(me, 'incoming.register');
  // Deadlines of my desk only, unless I read whole units' cases (a head, the secretary).
  const onlyDesk = !may(me, 'cases.read_units');
  const substitutions = substitutionsHeld(me);

  return (
    <Page title={t('desk.title')}>
      <p className="lead">{t('desk.greeting', { name: me.name })}</p>
      {substitutions.length > 0 ? (
        <Section title={t('desk.substitutions')} id="substitutions">
          <ul className="plain-list">
            {substitutions.map((r, i) => (
              <li key={i}>
                {t('desk.substituting', {
                  name: org.personName(r.onBehalfOf),
                  role: t(`roles.${r.role as 'kancelaria'}`, { defaultValue: r.role }),
                  unit: org.unitSymbol(r.unitId),
                })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {kancelaria ? (
        <Section title={t('desk.kancelaria')} id="kancelaria">
          <div className="button-row">
            <Link className="button" to="/incoming/new">
              {t('nav.register')}
            </Link>
            <Link className="button secondary" to="/incoming">
              {t('nav.incoming')}
            </Link>
            {may(me, 'outgoing.keep_register') ? (
              <Link className="button secondary" to="/outgoing">
                {t('dispatch.postalList')}
              </Link>
            ) : null}
          </div>
        </Section>
      ) : null}
      <div className="desk-grid">
        {caseWorker ? (
          <Section title={t('desk.approvals')} id="desk-approvals">
            <MyApprovals />
          </Section>
        ) : null}
        {caseWorker ? (
          <Section title={t('desk.toSign')} id="desk-to-sign">
            <DocumentsToSign />
          </Section>
        ) : null}
        {assigner ? (
          <Section title={t('desk.assignments')} id="desk-assignments">
            <WaitingAssignments />
          </Section>
        ) : null}
      </div>
      {caseWorker ? (
        <>
          <Section title={t('deadlines.overdue')} id="desk-overdue">
            <DeadlineTable
              query={{ kind: 'overdue', mine: onlyDesk }}
              caption={t('deadlines.overdue')}
            />
          </Section>
          <Section title={t('deadlines.dueSoon', { count: 5 })} id="desk-due-soon">
            <DeadlineTable
              query={{ kind: 'due_soon', within: 5, mine: onlyDesk }}
              caption={t('deadlines.dueSoon', { count: 5 })}
            />
          </Section>
          <Section title={t('desk.myCases')} id="desk-cases">
            <MyCases />
          </Section>
        </>
      ) : null}
      <Section title={t('desk.notifications')} id="desk-notifications">
        <NotificationList />
      </Section>
    </Page>
  );
}

function MyApprovals() {
  const { t } = useTranslation();
  const tasks = useMyApprovals();
  return (
    <QueryView query={tasks}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>{t('approvals.none')}</Empty>
        ) : (
          <>
            <ul className="plain-list">
              {rows.map((task) => (
                <li key={task.id}>
                  <Link to="/approvals">{task.documentTitle}</Link>
                  <div className="muted small">
                    {task.caseSign} · {t(`approvals.kind.${task.kind}`)}
                  </div>
                </li>
              ))}
            </ul>
            <Link to="/approvals">{t('desk.allApprovals', { count: rows.length })}</Link>
          </>
        )
      }
    </QueryView>
  );
}

function MyCases() {
  const { t } = useTranslation();
  const cases = useCases({ status: 'open', mine: true });
  return (
    <QueryView query={cases}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>{t('cases.none')}</Empty>
        ) : (
          <ul className="plain-list">
            {rows.slice(0, 15).map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{c.sign}</Link> – {c.title}
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
