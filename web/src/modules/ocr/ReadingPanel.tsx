import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../api/transfer.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { incomingKeys } from '../incoming/incoming.api.ts';
import {
  acceptProposal,
  dismissProposal,
  ocrKeys,
  rerunOcr,
  searchablePdfUrl,
  useLetterReading,
  type LetterReading,
  type Proposal,
  type ReadFile,
} from './ocr.api.ts';

const STATUS_TONE: Record<ReadFile['status'], Tone> = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  quarantined: 'danger',
};

/**
 * "Rozpoznawanie tekstu": how far OCR of the letter's files is (queued, running, done with its
 * confidence, quarantined pages with their error), a re-run per file, the searchable PDF, and the
 * identifiers found in the text, each accepted or dismissed with one click.
 */
export function ReadingPanel(props: { incomingId: string }) {
  const { t } = useTranslation();
  const reading = useLetterReading(props.incomingId);
  return (
    <Section title={t('ocr.title')} id="reading">
      <QueryView query={reading}>
        {(data) => <ReadingDetails incomingId={props.incomingId} data={data} />}
      </QueryView>
    </Section>
  );
}

function ReadingDetails(props: { incomingId: string; data: LetterReading }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, incomingId } = props;

  async function act(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ocrKeys.reading(incomingId) });
      await queryClient.invalidateQueries({ queryKey: incomingKeys.one(incomingId) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const open = data.proposals.filter((p) => p.status === 'proposed');
  const decided = data.proposals.filter((p) => p.status !== 'proposed');
  return (
    <>
      <ErrorAlert error={error} />
      {data.files.length === 0 ? (
        <Empty>{t('ocr.nothing')}</Empty>
      ) : (
        <ul className="file-list" aria-live="polite">
          {data.files.map((file) => (
            <li key={file.fileId}>
              <strong>{file.name}</strong>{' '}
              <Badge tone={STATUS_TONE[file.status]}>{t(`ocr.status.${file.status}`)}</Badge>{' '}
              <FileSummary file={file} />
              {file.pages.some((p) => p.status === 'quarantined') ? (
                <ul className="small">
                  {file.pages
                    .filter((p) => p.status === 'quarantined')
                    .map((p) => (
                      <li key={p.page}>
                        {t('ocr.quarantinedPage', { page: p.page, attempts: p.attempts })}{' '}
                        <span className="muted">{p.lastError}</span>
                      </li>
                    ))}
                </ul>
              ) : null}
              <div className="button-row">
                {file.searchableFileId ? (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      void downloadFile(
                        searchablePdfUrl(incomingId, file.fileId),
                        `${file.name}.przeszukiwalny.pdf`,
                      ).catch(setError)
                    }
                  >
                    {t('ocr.searchablePdf')}
                  </button>
                ) : null}
                {data.allowedActions.includes('rerun') &&
                (file.status === 'done' || file.status === 'quarantined') ? (
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy !== null}
                    aria-label={t('ocr.rerunFile', { name: file.name })}
                    onClick={() => void act(file.fileId, () => rerunOcr(incomingId, file.fileId))}
                  >
                    {t('ocr.rerun')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('ocr.proposals')}</h3>
      {open.length === 0 ? (
        <Empty>{t('ocr.noProposals')}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('ocr.proposalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ocr.column.kind')}</th>
                <th scope="col">{t('ocr.column.value')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((p) => (
                <tr key={p.id}>
                  <td>{t(`ocr.kind.${p.kind}`)}</td>
                  <td>
                    <ProposalValue proposal={p} />
                  </td>
                  <td>
                    {data.allowedActions.includes('decide') ? (
                      <div className="button-row">
                        <button
                          type="button"
                          className="small"
                          disabled={busy !== null}
                          aria-label={t(acceptLabel(p), { value: p.value })}
                          onClick={() => void act(p.id, () => acceptProposal(incomingId, p.id))}
                        >
                          {t(acceptLabel(p) === 'ocr.joinCase' ? 'ocr.join' : 'ocr.accept')}
                        </button>
                        <button
                          type="button"
                          className="secondary small"
                          disabled={busy !== null}
                          aria-label={t('ocr.dismissValue', { value: p.value })}
                          onClick={() => void act(p.id, () => dismissProposal(incomingId, p.id))}
                        >
                          {t('ocr.dismiss')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {decided.length > 0 ? (
        <details>
          <summary>{t('ocr.decided', { count: decided.length })}</summary>
          <ul className="small">
            {decided.map((p) => (
              <li key={p.id}>
                {t(`ocr.kind.${p.kind}`)} {p.value}:{' '}
                {t(p.status === 'accepted' ? 'ocr.decision.accepted' : 'ocr.decision.dismissed')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

const acceptLabel = (p: Proposal) =>
  p.kind === 'case_sign' || p.kind === 'rpw' ? 'ocr.joinCase' : 'ocr.acceptValue';

function ProposalValue(props: { proposal: Proposal }) {
  const { t } = useTranslation();
  const p = props.proposal;
  return (
    <>
      <code>{p.value}</code>
      {p.relatedCase ? (
        <>
          {' '}
          <span className="muted small">
            {t('ocr.relatedCase')}{' '}
            <Link to={`/cases/${p.relatedCase.id}`}>{p.relatedCase.sign}</Link>
          </span>
        </>
      ) : null}
      {p.relatedLetter && !p.relatedCase ? (
        <>
          {' '}
          <span className="muted small">
            {t('ocr.relatedLetter')}{' '}
            <Link to={`/incoming/${p.relatedLetter.id}`}>{p.relatedLetter.rpwNumber}</Link>
          </span>
        </>
      ) : null}
    </>
  );
}

function FileSummary(props: { file: ReadFile }) {
  const { t } = useTranslation();
  const file = props.file;
  const parts: string[] = [];
  if (file.method) parts.push(t(`ocr.method.${file.method}`));
  if (file.pageCount) parts.push(t('ocr.pages', { count: file.pageCount }));
  if (file.confidence !== null) parts.push(t('ocr.confidence', { value: file.confidence }));
  if (file.run > 1) parts.push(t('ocr.run', { run: file.run }));
  return <span className="muted small">{parts.join(' · ')}</span>;
}
