import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { UploadProgress } from '../../api/transfer.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { FileField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { ProgressBar, QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { printPart } from '../../ui/print.ts';
import { AssignmentsPanel } from '../assignments/AssignmentsPanel.tsx';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { JoinCaseForm, OpenCaseForm } from '../cases/OpenCaseForm.tsx';
import { ProvenancePanel } from '../channels/ProvenancePanel.tsx';
import { DocumentPreview } from '../documents/DocumentPreview.tsx';
import { ReadingPanel } from '../ocr/ReadingPanel.tsx';
import {
  attachFile,
  incomingFileUrl,
  incomingKeys,
  useIncoming,
  type IncomingItem,
} from './incoming.api.ts';
import { RpwLabel, RpwReceipt } from './RpwPrintouts.tsx';

interface LocationState {
  registered?: string;
  uploadError?: unknown;
}

/**
 * One incoming item: metadata, provenance (ePUAP, e-Doręczenia), files, printouts, dekretacja and
 * opening a case.
 */
export function IncomingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const item = useIncoming(id);
  const state = (useLocation().state ?? {}) as LocationState;
  return (
    <QueryView query={item}>
      {(data) => (
        <Page title={`${t('incoming.itemTitle')} ${data.rpwNumber}`}>
          {state.registered ? (
            <Notice>{t('incoming.registered', { number: state.registered })}</Notice>
          ) : null}
          <ErrorAlert error={state.uploadError} title={t('incoming.uploadFailed')} />
          <IncomingDetails item={data} />
        </Page>
      )}
    </QueryView>
  );
}

function IncomingDetails(props: { item: IncomingItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const item = props.item;
  const address = item.sender.address;
  const canWorkCases = may(me, 'cases.work');
  return (
    <div className="two-col">
      <div className="col-main">
        <Section title={t('incoming.section.item')} id="item-data">
          <dl className="dl-grid">
            <dt>{t('incoming.field.title')}</dt>
            <dd>{item.title}</dd>
            <dt>{t('incoming.field.senderName')}</dt>
            <dd>
              {item.sender.name}
              <br />
              <span className="muted">
                {[
                  address.street,
                  [address.postalCode, address.town].filter(Boolean).join(' '),
                  address.country,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </span>
            </dd>
            {Object.entries(item.sender.identifiers).map(([kind, value]) => (
              <SenderIdentifier key={kind} kind={kind} value={value} />
            ))}
            <dt>{t('incoming.field.channel')}</dt>
            <dd>{t(`incoming.channel.${item.channel}`)}</dd>
            <dt>{t('incoming.field.receivedAt')}</dt>
            <dd>{format.dateTime(item.receivedAt)}</dd>
            <dt>{t('incoming.field.registeredAt')}</dt>
            <dd>{format.dateTime(item.registeredAt)}</dd>
            <dt>{t('incoming.field.letterDate')}</dt>
            <dd>{item.letterDate}</dd>
            <dt>{t('incoming.field.senderReference')}</dt>
            <dd>{item.senderReference}</dd>
            <dt>{t('incoming.field.kind')}</dt>
            <dd>{item.kind}</dd>
            <dt>{t('incoming.field.attachmentsCount')}</dt>
            <dd>{item.attachmentsCount ?? '—'}</dd>
            <dt>{t('incoming.field.access')}</dt>
            <dd>{t(`access.${item.access}`)}</dd>
            {item.remarks ? (
              <>
                <dt>{t('incoming.field.remarks')}</dt>
                <dd>{item.remarks}</dd>
              </>
            ) : null}
            <dt>{t('incoming.field.case')}</dt>
            <dd>
              {item.caseId && may(me, 'cases.read') ? (
                <Link to={`/cases/${item.caseId}`}>{t('incoming.openCaseLink')}</Link>
              ) : item.caseId ? (
                t('incoming.inCase')
              ) : (
                t('incoming.noCase')
              )}
            </dd>
          </dl>
        </Section>
        {item.channel === 'epuap' || item.channel === 'edoreczenia' ? (
          <ProvenancePanel incomingId={item.id} />
        ) : null}
        <FilesSection item={item} />
        {item.files.length > 0 ? <ReadingPanel incomingId={item.id} /> : null}
        <AssignmentsPanel item={item} />
        {!item.caseId && canWorkCases ? (
          <Section title={t('cases.openFromItem')} id="open-case">
            <OpenCaseForm incomingId={item.id} defaultTitle={item.title} />
            <details className="action-box">
              <summary>{t('cases.joinExisting')}</summary>
              <JoinCaseForm incomingId={item.id} />
            </details>
          </Section>
        ) : null}
      </div>
      <aside className="col-side" aria-label={t('print.label')}>
        <Section title={t('print.label')} id="printouts">
          <RpwLabel item={item} me={me} />
          <div className="button-row">
            <button type="button" onClick={() => printPart('label')}>
              {t('print.printLabel')}
            </button>
            <button type="button" className="secondary" onClick={() => printPart('receipt')}>
              {t('print.printReceipt')}
            </button>
          </div>
        </Section>
        <RpwReceipt item={item} me={me} />
      </aside>
    </div>
  );
}

function SenderIdentifier(props: { kind: string; value: string }) {
  const { t } = useTranslation();
  const known = ['pesel', 'nip', 'regon', 'krs', 'iban', 'edelivery', 'email'] as const;
  const kind = known.find((k) => k === props.kind);
  return (
    <>
      <dt>{kind ? t(`ocr.kind.${kind}`) : props.kind}</dt>
      <dd>
        <code>{props.value}</code>
      </dd>
    </>
  );
}

function FilesSection(props: { item: IncomingItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<{ name: string; value: UploadProgress } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string>();
  const [previewed, setPreviewed] = useState<string | null>(null);

  async function upload() {
    if (files.length === 0) return setFieldError(t('validation.chooseFile'));
    setFieldError(undefined);
    setError(null);
    try {
      for (const file of files) {
        setProgress({ name: file.name, value: { loaded: 0, total: file.size } });
        await attachFile(props.item.id, file, (value) => setProgress({ name: file.name, value }));
      }
      setFiles([]);
      setInputKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: incomingKeys.one(props.item.id) });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Section title={t('incoming.files')} id="files">
      {props.item.files.length === 0 ? (
        <p className="empty">{t('incoming.noFiles')}</p>
      ) : (
        <ul className="file-list">
          {props.item.files.map((f) => (
            <li key={f.fileId}>
              {f.name}{' '}
              <span className="muted small">
                ({f.contentType}, {format.bytes(f.sizeBytes)})
              </span>
              <div className="button-row">
                <button
                  type="button"
                  className="secondary small"
                  aria-expanded={previewed === f.fileId}
                  aria-label={t(
                    previewed === f.fileId ? 'incoming.hideFilePreview' : 'incoming.previewFile',
                    { name: f.name },
                  )}
                  onClick={() => setPreviewed(previewed === f.fileId ? null : f.fileId)}
                >
                  {previewed === f.fileId ? t('documents.hidePreview') : t('documents.preview')}
                </button>
              </div>
              {previewed === f.fileId ? (
                <DocumentPreview
                  url={incomingFileUrl(props.item.id, f.fileId)}
                  title={f.name}
                  fileName={f.name}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.item.allowedActions.includes('attach') ? (
        <details className="action-box">
          <summary>{t('incoming.attach')}</summary>
          <ErrorAlert error={error} />
          <FileField
            label={t('incoming.field.files')}
            multiple
            onChange={setFiles}
            inputKey={inputKey}
            error={fieldError}
          />
          {progress ? (
            <ProgressBar
              label={t('incoming.uploading', { name: progress.name })}
              loaded={progress.value.loaded}
              total={progress.value.total}
            />
          ) : null}
          <button type="button" onClick={() => void upload()} disabled={!!progress}>
            {t('incoming.attachSubmit')}
          </button>
        </details>
      ) : null}
    </Section>
  );
}
