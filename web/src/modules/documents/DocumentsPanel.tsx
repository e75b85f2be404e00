import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { ApprovalHistory } from '../approvals/ApprovalHistory.tsx';
import { SendForApprovalForm } from '../approvals/SendForApprovalForm.tsx';
import { DispatchForm, type Party } from '../dispatch/DispatchForm.tsx';
import { SignatureList } from '../signatures/SignatureList.tsx';
import { SignForm } from '../signatures/SignForm.tsx';
import { DraftFromTemplateForm } from '../templates/DraftFromTemplateForm.tsx';
import { AddDocumentForm, AddVersionForm } from './AddDocumentForm.tsx';
import { CancelDraftForm } from './CancelDraftForm.tsx';
import { contentUrl, issueDecision, useCaseDocuments, type CaseDocument } from './documents.api.ts';
import { DocumentPreview } from './DocumentPreview.tsx';

const STATUS_TONE: Record<CaseDocument['status'], Tone> = {
  draft: 'neutral',
  in_approval: 'warning',
  approved: 'info',
  signed: 'success',
  dispatched: 'success',
  cancelled: 'danger',
};

/** Documents of a case with versions, preview and the drafting → approval → signature → dispatch flow. */
export function DocumentsPanel(props: {
  caseId: string;
  canWork: boolean;
  party?: Party | undefined;
}) {
  const { t } = useTranslation();
  const documents = useCaseDocuments(props.caseId);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['cases', props.caseId] });
    await queryClient.invalidateQueries({ queryKey: ['approvals'] });
    await queryClient.invalidateQueries({ queryKey: ['signatures'] });
    await queryClient.invalidateQueries({ queryKey: ['outgoing'] });
  };
  return (
    <Section title={t('documents.listTitle')} id="documents">
      {notice ? <Notice>{notice}</Notice> : null}
      <QueryView query={documents}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('documents.none')}</Empty>
          ) : (
            <ul className="document-list">
              {rows.map((doc) => (
                <DocumentCard key={doc.id} document={doc} party={props.party} onChanged={refresh} />
              ))}
            </ul>
          )
        }
      </QueryView>
      {props.canWork ? (
        <>
          <details className="action-box">
            <summary>{t('templates.createDraft')}</summary>
            <DraftFromTemplateForm
              caseId={props.caseId}
              onCreated={() => refresh(t('templates.created'))}
            />
          </details>
          <details className="action-box">
            <summary>{t('documents.addFromFile')}</summary>
            <AddDocumentForm caseId={props.caseId} onDone={() => refresh(t('documents.added'))} />
          </details>
        </>
      ) : null}
    </Section>
  );
}

function DocumentCard(props: {
  document: CaseDocument;
  party?: Party | undefined;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const doc = props.document;
  const [previewVersion, setPreviewVersion] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingId = `doc-${doc.id}`;
  const current = doc.versions.find((v) => v.version === doc.currentVersion);
  const shown = doc.versions.find((v) => v.version === previewVersion);
  // The API lists what my role may do with the document in its state (`allowedActions`).
  const allowed = new Set(doc.allowedActions);

  return (
    <li className="document" aria-labelledby={headingId}>
      <div className="document-head">
        <h3 id={headingId}>{doc.title}</h3>
        <Badge tone={STATUS_TONE[doc.status]}>{t(`documents.status.${doc.status}`)}</Badge>
      </div>
      <p className="muted small">
        {t(`documents.kind.${doc.kind}`)} · {t('documents.version', { n: doc.currentVersion })} ·{' '}
        {format.dateTime(doc.createdAt)}
        {doc.templateId ? ` · ${t('documents.fromTemplate')}` : ''}
      </p>
      <div className="button-row">
        {current ? (
          <button
            type="button"
            className="secondary small"
            aria-expanded={previewVersion !== null}
            onClick={() => setPreviewVersion(previewVersion === null ? current.version : null)}
          >
            {previewVersion === null ? t('documents.preview') : t('documents.hidePreview')}
          </button>
        ) : null}
      </div>
      {shown ? (
        <DocumentPreview
          url={contentUrl(doc.id, shown.version)}
          title={`${doc.title} (${t('documents.version', { n: shown.version })})`}
          fileName={shown.fileName}
        />
      ) : null}
      <details>
        <summary>{t('documents.versions', { count: doc.versions.length })}</summary>
        <table className="compact">
          <caption className="visually-hidden">
            {t('documents.versions', { count: doc.versions.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.versionNo')}</th>
              <th scope="col">{t('documents.file')}</th>
              <th scope="col">{t('documents.author')}</th>
              <th scope="col">{t('documents.created')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {doc.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>
                  {v.fileName}
                  {v.note ? <div className="muted small">{v.note}</div> : null}
                </td>
                <td>{v.author}</td>
                <td>{format.dateTime(v.createdAt)}</td>
                <td>
                  <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setPreviewVersion(v.version)}
                  >
                    {t('documents.previewVersion', { n: v.version })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <details>
        <summary>{t('approvals.history')}</summary>
        <ApprovalHistory documentId={doc.id} />
      </details>
      <SignatureList documentId={doc.id} />
      <ErrorAlert error={error} />
      {allowed.has('send_for_approval') ? (
        <details className="action-box">
          <summary>{t('approvals.sendForApproval')}</summary>
          <SendForApprovalForm
            documentId={doc.id}
            onSent={() => props.onChanged(t('approvals.sent', { title: doc.title }))}
          />
        </details>
      ) : null}
      {allowed.has('add_version') ? (
        <details className="action-box">
          <summary>{t('documents.addVersion')}</summary>
          <AddVersionForm
            documentId={doc.id}
            onDone={() => props.onChanged(t('documents.versionAdded'))}
          />
        </details>
      ) : null}
      {allowed.has('sign') ? (
        <details className="action-box">
          <summary>{t('signatures.sign')}</summary>
          <SignForm documentId={doc.id} onSigned={() => props.onChanged(t('signatures.signed'))} />
        </details>
      ) : null}
      {allowed.has('dispatch') ? (
        <details className="action-box">
          <summary>{t('dispatch.dispatch')}</summary>
          <DispatchForm
            key={props.party?.name ?? ''}
            documentId={doc.id}
            signed={doc.status === 'signed'}
            party={props.party}
            onDone={(rkw) => props.onChanged(t('dispatch.registered', { number: rkw }))}
          />
        </details>
      ) : null}
      {allowed.has('issue_decision') ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setError(null);
            issueDecision(doc.id).then(
              (issued) => props.onChanged(t('documents.issued', { sign: issued.sign })),
              setError,
            );
          }}
        >
          {t('documents.issue')}
        </button>
      ) : null}
      {allowed.has('cancel') ? (
        <details className="action-box">
          <summary>{t('documents.cancel')}</summary>
          <CancelDraftForm
            documentId={doc.id}
            onDone={() => props.onChanged(t('documents.cancelled', { title: doc.title }))}
          />
        </details>
      ) : null}
    </li>
  );
}
