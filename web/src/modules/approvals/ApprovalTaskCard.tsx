import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { SelectField, TextAreaField } from '../../ui/Field.tsx';
import { contentUrl } from '../documents/documents.api.ts';
import { DocumentPreview } from '../documents/DocumentPreview.tsx';
import { useOrgNames } from '../org/org.api.ts';
import { decide, type ApprovalTask } from './approvals.api.ts';

/** One draft waiting for my decision: preview it, approve, return with a comment, or forward. */
export function ApprovalTaskCard(props: {
  task: ApprovalTask;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const queryClient = useQueryClient();
  const task = props.task;
  const [preview, setPreview] = useState(false);
  const [comment, setComment] = useState('');
  const [forwardTo, setForwardTo] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [forwardError, setForwardError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `task-${task.id}`;

  async function submit(decision: 'approve' | 'return' | 'forward') {
    if (decision === 'return' && !comment.trim()) {
      setCommentError(t('approvals.commentRequired'));
      return;
    }
    if (decision === 'forward' && !forwardTo) {
      setForwardError(t('validation.required'));
      return;
    }
    setCommentError(undefined);
    setForwardError(undefined);
    setBusy(true);
    setError(null);
    try {
      const result = await decide(task.id, {
        decision,
        comment: comment.trim() || undefined,
        forwardTo: decision === 'forward' ? forwardTo : undefined,
      });
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
      await queryClient.invalidateQueries({ queryKey: ['cases', task.caseId] });
      props.onDecided(
        t(`approvals.result.${result.status}`, { title: task.documentTitle, sign: task.caseSign }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card task" aria-labelledby={headingId}>
      <h2 id={headingId} className="task-title">
        {task.documentTitle}
      </h2>
      <p>
        <Link to={`/cases/${task.caseId}`}>{task.caseSign}</Link> ·{' '}
        {t('approvals.stepN', { n: task.stepNo })} ·{' '}
        <Badge tone="warning">{t(`approvals.kind.${task.kind}`)}</Badge>
      </p>
      <div className="button-row">
        <button
          type="button"
          className="secondary small"
          aria-expanded={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? t('documents.hidePreview') : t('documents.preview')}
        </button>
      </div>
      {preview ? (
        <DocumentPreview
          url={contentUrl(task.documentId)}
          title={task.documentTitle}
          fileName={`${task.documentTitle}.pdf`}
        />
      ) : null}
      <ErrorAlert error={error} />
      <TextAreaField
        label={t('approvals.comment')}
        value={comment}
        onChange={setComment}
        error={commentError}
        hint={t('approvals.commentHint')}
      />
      <div className="button-row task-buttons">
        <button type="button" disabled={busy} onClick={() => void submit('approve')}>
          {task.kind === 'opinion' ? t('approvals.giveOpinion') : t('approvals.approve')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void submit('return')}
        >
          {t('approvals.return')}
        </button>
      </div>
      <details className="action-box">
        <summary>{t('approvals.forward')}</summary>
        <SelectField
          label={t('approvals.forwardTo')}
          value={forwardTo}
          onChange={setForwardTo}
          placeholder={t('common.choose')}
          options={org.people
            .filter((p) => p.kind === 'person' && p.id !== task.approverId)
            .map((p) => ({ value: p.id, label: `${p.name} (${p.unitSymbol})` }))}
          error={forwardError}
        />
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void submit('forward')}
        >
          {t('approvals.forwardSubmit')}
        </button>
      </details>
    </li>
  );
}
