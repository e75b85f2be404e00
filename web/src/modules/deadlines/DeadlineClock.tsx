import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { todayInWarsaw, useFormat } from '../../ui/format.ts';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import {
  DEADLINE_KINDS,
  deadlineKeys,
  extendDeadline,
  pauseDeadline,
  PAUSE_REASONS,
  resumeDeadline,
  setDeadline,
  useCaseDeadline,
  type CaseDeadline,
  type DeadlineKind,
  type PauseReason,
} from './deadlines.api.ts';

const STATUS_TONE: Record<CaseDeadline['status'], Tone> = {
  running: 'info',
  paused: 'warning',
  overdue: 'danger',
  immediate: 'info',
  none: 'neutral',
};

/** The KPA deadline clock of a case: due date, working days left, pauses and extensions. */
export function DeadlineClock(props: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const deadline = useCaseDeadline(props.caseId);
  return (
    <Section title={t('deadlines.clock')} id="deadline">
      <QueryView query={deadline}>
        {(d) => <ClockBody deadline={d} caseId={props.caseId} canWork={props.canWork} />}
      </QueryView>
    </Section>
  );
}

function ClockBody(props: { deadline: CaseDeadline; caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = props.deadline;
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const done = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: deadlineKeys.forCase(props.caseId) });
    await queryClient.invalidateQueries({ queryKey: ['cases', props.caseId, 'record'] });
    await queryClient.invalidateQueries({ queryKey: deadlineKeys.all });
  };
  const lastExtension = d.extensions.at(-1);
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="clock">
        <p className="clock-main">
          <Badge tone={STATUS_TONE[d.status]}>{t(`deadlines.status.${d.status}`)}</Badge>{' '}
          {d.due ? (
            <>
              <span>
                {t('deadlines.due')}: <strong>{format.date(d.due)}</strong>
              </span>
              {d.workingDaysLeft !== null ? (
                <span className="clock-days">
                  {d.workingDaysLeft < 0
                    ? t('deadlines.daysOverdue', { count: -d.workingDaysLeft })
                    : t('deadlines.daysLeft', { count: d.workingDaysLeft })}
                </span>
              ) : null}
            </>
          ) : d.status === 'immediate' ? (
            <span>
              {t('deadlines.immediateNote')}
              {d.remindOn ? (
                <span className="clock-days">
                  {t('deadlines.remindOn')}: {format.date(d.remindOn)}
                </span>
              ) : null}
            </span>
          ) : (
            <span>{t('deadlines.noDeadline')}</span>
          )}
        </p>
        {d.kind ? (
          <dl className="inline-dl">
            <dt>{t('deadlines.kindLabel')}</dt>
            <dd>{t(`deadlines.kind.${d.kind}`)}</dd>
            <dt>{t('deadlines.startsOn')}</dt>
            <dd>{format.date(d.startsOn)}</dd>
            {d.baseDue && d.baseDue !== d.due ? (
              <>
                <dt>{t('deadlines.baseDue')}</dt>
                <dd>{format.date(d.baseDue)}</dd>
              </>
            ) : null}
            <dt>{t('deadlines.pausedDays')}</dt>
            <dd>{d.pausedDays}</dd>
          </dl>
        ) : null}
      </div>
      {d.pauses.length > 0 ? (
        <>
          <h3>{t('deadlines.pauses')}</h3>
          <ul className="plain-list">
            {d.pauses.map((p) => (
              <li key={p.id}>
                {t(`deadlines.reason.${p.reason}`)}: {format.date(p.startsOn)} –{' '}
                {p.endsOn ? format.date(p.endsOn) : t('deadlines.ongoing')}
                <span className="muted"> · {p.description}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.extensions.length > 0 ? (
        <>
          <h3>{t('deadlines.extensions')}</h3>
          <ul className="plain-list">
            {d.extensions.map((e) => (
              <li key={e.id}>
                {e.previousDue ? format.date(e.previousDue) : t('deadlines.previousImmediate')} →{' '}
                <strong>{format.date(e.newDue)}</strong>
                <span className="muted"> · {e.reason}</span>
              </li>
            ))}
          </ul>
          {lastExtension ? (
            <details>
              <summary>{t('deadlines.noticeText')}</summary>
              <pre className="notice-text">{lastExtension.noticeText}</pre>
            </details>
          ) : null}
        </>
      ) : null}
      {props.canWork ? <ClockActions deadline={d} caseId={props.caseId} onDone={done} /> : null}
    </>
  );
}

function ClockActions(props: {
  deadline: CaseDeadline;
  caseId: string;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const d = props.deadline;
  const [error, setError] = useState<unknown>(null);
  const run = (action: () => Promise<unknown>, message: string) => async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await action();
      await props.onDone(message);
    } catch (e) {
      setError(e);
    }
  };
  const [kind, setKind] = useState<DeadlineKind>('one_month');
  const [term, setTerm] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [remindAfter, setRemindAfter] = useState('');
  const [reason, setReason] = useState<PauseReason>('completion');
  const [description, setDescription] = useState('');
  const [pauseStart, setPauseStart] = useState(todayInWarsaw());
  const [resumeOn, setResumeOn] = useState(todayInWarsaw());
  const [newDue, setNewDue] = useState('');
  const [extendReason, setExtendReason] = useState('');

  return (
    <div className="clock-actions">
      <ErrorAlert error={error} />
      <details className="action-box">
        <summary>{d.kind ? t('deadlines.change') : t('deadlines.set')}</summary>
        <form
          onSubmit={run(
            () =>
              setDeadline(props.caseId, {
                kind,
                term: kind === 'custom' ? term.trim() : undefined,
                startsOn: startsOn || undefined,
                remindAfterWorkingDays:
                  kind === 'immediate' && remindAfter.trim() ? Number(remindAfter) : undefined,
              }),
            t('deadlines.saved'),
          )}
        >
          <div className="grid-3">
            <SelectField
              label={t('deadlines.kindLabel')}
              value={kind}
              onChange={(v) => setKind(v as DeadlineKind)}
              options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`deadlines.kind.${k}`) }))}
            />
            {kind === 'custom' ? (
              <TextField
                label={t('deadlines.term')}
                value={term}
                onChange={setTerm}
                hint={t('deadlines.termHint')}
                required
              />
            ) : null}
            {kind === 'immediate' ? (
              <TextField
                label={t('deadlines.remindAfter')}
                type="number"
                value={remindAfter}
                onChange={setRemindAfter}
                hint={t('deadlines.remindAfterHint')}
              />
            ) : null}
            <TextField
              label={t('deadlines.startsOn')}
              type="date"
              value={startsOn}
              onChange={setStartsOn}
              hint={t('deadlines.startsOnHint')}
            />
          </div>
          <button type="submit">{t('common.save')}</button>
        </form>
      </details>
      {d.kind && d.status !== 'paused' ? (
        <details className="action-box">
          <summary>{t('deadlines.pause')}</summary>
          <form
            onSubmit={run(
              () =>
                pauseDeadline(props.caseId, {
                  reason,
                  description: description.trim(),
                  startsOn: pauseStart,
                }),
              t('deadlines.paused'),
            )}
          >
            <div className="grid-2">
              <SelectField
                label={t('deadlines.reasonLabel')}
                value={reason}
                onChange={(v) => setReason(v as PauseReason)}
                options={PAUSE_REASONS.map((r) => ({
                  value: r,
                  label: t(`deadlines.reason.${r}`),
                }))}
              />
              <TextField
                label={t('deadlines.pauseFrom')}
                type="date"
                value={pauseStart}
                onChange={setPauseStart}
                required
              />
            </div>
            <TextAreaField
              label={t('deadlines.description')}
              value={description}
              onChange={setDescription}
              required
            />
            <button type="submit">{t('deadlines.pauseSubmit')}</button>
          </form>
        </details>
      ) : null}
      {d.status === 'paused' ? (
        <details className="action-box">
          <summary>{t('deadlines.resume')}</summary>
          <form
            onSubmit={run(
              () => resumeDeadline(props.caseId, { endsOn: resumeOn }),
              t('deadlines.resumed'),
            )}
          >
            <TextField
              label={t('deadlines.resumeOn')}
              type="date"
              value={resumeOn}
              onChange={setResumeOn}
              required
            />
            <button type="submit">{t('deadlines.resumeSubmit')}</button>
          </form>
        </details>
      ) : null}
      {d.kind ? (
        <details className="action-box">
          <summary>{t('deadlines.extend')}</summary>
          <form
            onSubmit={run(
              () => extendDeadline(props.caseId, { newDue, reason: extendReason.trim() }),
              t('deadlines.extended'),
            )}
          >
            <TextField
              label={t('deadlines.newDue')}
              type="date"
              value={newDue}
              onChange={setNewDue}
              required
            />
            <TextAreaField
              label={t('deadlines.extendReason')}
              value={extendReason}
              onChange={setExtendReason}
              required
              hint={t('deadlines.extendHint')}
            />
            <button type="submit">{t('deadlines.extendSubmit')}</button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
