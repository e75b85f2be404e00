import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { SignatureReport } from '../signatures/SignatureReport.tsx';
import { useProvenance, type Provenance } from './channels.api.ts';

/**
 * "Pochodzenie" of a letter that came through ePUAP or e-Doręczenia: the office mailbox, the
 * service's message id, the proof's time and the signature reports of each file. A letter of
 * those channels typed in by hand has no gateway record; that is said, not shown as an error.
 */
export function ProvenancePanel(props: { incomingId: string }) {
  const { t } = useTranslation();
  const provenance = useProvenance(props.incomingId);
  const registeredByHand =
    provenance.error instanceof ApiError && provenance.error.code === 'channel.message_not_found';
  return (
    <Section title={t('channels.provenance.title')} id="provenance">
      {registeredByHand ? (
        <Empty>{t('channels.provenance.byHand')}</Empty>
      ) : (
        <QueryView query={provenance}>{(data) => <ProvenanceDetails data={data} />}</QueryView>
      )}
    </Section>
  );
}

function ProvenanceDetails(props: { data: Provenance }) {
  const { t } = useTranslation();
  const format = useFormat();
  const p = props.data;
  return (
    <>
      <dl className="dl-grid">
        <dt>{t('channels.column.channel')}</dt>
        <dd>{t(`channels.channel.${p.channel}`)}</dd>
        <dt>{t('channels.column.mailbox')}</dt>
        <dd>
          {p.mailboxAddress ? <code>{p.mailboxAddress}</code> : t('channels.provenance.imported')}
        </dd>
        <dt>{t('channels.provenance.externalId')}</dt>
        <dd>
          <code>{p.externalId}</code>
        </dd>
        <dt>{t('channels.provenance.receivedAt')}</dt>
        <dd>{format.dateTime(p.receivedAt)}</dd>
        <dt>{t('channels.provenance.registeredAt')}</dt>
        <dd>{format.dateTime(p.registeredAt)}</dd>
      </dl>
      <h3>{t('channels.provenance.signatures')}</h3>
      {p.signatures.length === 0 ? (
        <Empty>{t('channels.provenance.noReports')}</Empty>
      ) : (
        <ul className="plain-list">
          {p.signatures.map((file) => (
            <li key={`${file.role}-${file.file}`}>
              <strong>{file.file}</strong>{' '}
              <span className="muted small">({t(`channels.provenance.role.${file.role}`)})</span>
              {file.reports.length === 0 ? (
                <p className="muted">{t('channels.provenance.unsigned')}</p>
              ) : (
                file.reports.map((report, index) => <SignatureReport key={index} report={report} />)
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
