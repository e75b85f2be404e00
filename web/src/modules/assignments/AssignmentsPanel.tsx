import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { incomingKeys, type IncomingItem } from '../incoming/incoming.api.ts';
import { useOrgNames } from '../org/org.api.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { AssignForm } from './AssignForm.tsx';
import {
  acceptAssignment,
  assign,
  assignmentKeys,
  changeAssignment,
  forwardAssignment,
  returnAssignment,
  useAssignments,
  type Assignment,
} from './assignments.api.ts';

const STATUS_TONE: Record<Assignment['status'], Tone> = {
  pending: 'warning',
  accepted: 'success',
  returned: 'danger',
  forwarded: 'info',
};

/** Dekretacja of one incoming item: its history and what the user may do with it. */
export function AssignmentsPanel(props: { item: IncomingItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assignments = useAssignments(props.item.id);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: incomingKeys.one(props.item.id) });
    await queryClient.invalidateQueries({ queryKey: assignmentKeys.mine });
  };

  return (
    <Section title={t('assignments.title')} id="assignments">
      {notice ? <Notice>{notice}</Notice> : null}
      <QueryView query={assignments}>
        {(rows) => (
          <>
            {rows.length === 0 ? <Empty>{t('assignments.none')}</Empty> : null}
            <ol className="assignment-list">
              {rows.map((a) => (
                <AssignmentRow key={a.id} assignment={a} onDone={refresh} />
              ))}
            </ol>
          </>
        )}
      </QueryView>
      {props.item.allowedActions.includes('assign') ? (
        <details className="action-box">
          <summary>{t('assignments.assign')}</summary>
          <AssignForm
            submitLabel={t('assignments.assignSubmit')}
            onSubmit={async (input) => {
              await assign(props.item.id, input);
              await refresh(t('assignments.assigned'));
            }}
          />
        </details>
      ) : null}
    </Section>
  );
}

function AssignmentRow(props: {
  assignment: Assignment;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const format = useFormat();
  const a = props.assignment;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The server says what I may do with this assignment (assignments.policy.ts).
  const mine = a.allowedActions.includes('accept');
  const assignedByMe = a.allowedActions.includes('change');

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await props.onDone(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const target = a.userId
    ? `${org.personName(a.userId)} (${org.unitSymbol(a.unitId)})`
    : org.unitLabel(a.unitId);
  return (
    <li className="assignment">
      <div className="assignment-head">
        <strong>{target}</strong>{' '}
        <Badge tone={STATUS_TONE[a.status]}>{t(`assignments.status.${a.status}`)}</Badge>
      </div>
      <dl className="inline-dl">
        <dt>{t('assignments.assignedBy')}</dt>
        <dd>
          {org.personName(a.assignedBy)}, {format.dateTime(a.assignedAt)}
        </dd>
        {a.method ? (
          <>
            <dt>{t('assignments.method')}</dt>
            <dd>{a.method}</dd>
          </>
        ) : null}
        {a.deadline ? (
          <>
            <dt>{t('assignments.deadline')}</dt>
            <dd>{format.date(a.deadline)}</dd>
          </>
        ) : null}
        {a.comment ? (
          <>
            <dt>{t('assignments.comment')}</dt>
            <dd>{a.comment}</dd>
          </>
        ) : null}
      </dl>
      <ErrorAlert error={error} />
      {mine ? (
        <div className="assignment-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => acceptAssignment(a.id), t('assignments.acceptedNotice'))}
          >
            {t('assignments.accept')}
          </button>
          <details className="action-box">
            <summary>{t('assignments.forward')}</summary>
            <AssignForm
              submitLabel={t('assignments.forwardSubmit')}
              defaultUnitId={a.unitId ?? undefined}
              onSubmit={async (input) => {
                await forwardAssignment(a.id, input);
                await props.onDone(t('assignments.forwardedNotice'));
              }}
            />
          </details>
          <details className="action-box">
            <summary>{t('assignments.return')}</summary>
            <ReturnForm
              onSubmit={(comment) =>
                run(() => returnAssignment(a.id, comment), t('assignments.returnedNotice'))
              }
            />
          </details>
        </div>
      ) : null}
      {assignedByMe ? (
        <details className="action-box">
          <summary>{t('assignments.change')}</summary>
          <ChangeForm
            assignment={a}
            onSubmit={(body) =>
              run(() => changeAssignment(a.id, body), t('assignments.changedNotice'))
            }
          />
        </details>
      ) : null}
    </li>
  );
}

function ReturnForm(props: { onSubmit: (comment: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      aria-label={t('assignments.returnSubmit')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!comment.trim()) return setError(t('validation.required'));
        setError(undefined);
        void props.onSubmit(comment.trim());
      }}
    >
      <TextAreaField
        label={t('assignments.returnComment')}
        value={comment}
        onChange={setComment}
        required
        error={error}
      />
      <button type="submit" className="danger">
        {t('assignments.returnSubmit')}
      </button>
    </form>
  );
}

function ChangeForm(props: {
  assignment: Assignment;
  onSubmit: (body: { method: string | null; deadline: string | null }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState(props.assignment.method ?? '');
  const [deadline, setDeadline] = useState(props.assignment.deadline ?? '');
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void props.onSubmit({ method: method.trim() || null, deadline: deadline || null });
      }}
    >
      <div className="grid-2">
        <TextField label={t('assignments.method')} value={method} onChange={setMethod} />
        <TextField
          label={t('assignments.deadline')}
          type="date"
          value={deadline}
          onChange={setDeadline}
        />
      </div>
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
