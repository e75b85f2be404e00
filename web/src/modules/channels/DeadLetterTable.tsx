import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { channelKeys, retryDeadLetter, type DeadLetter } from './channels.api.ts';

/**
 * Messages and letters the gateway gave up on, with the reason; "Ponów" puts one back in its
 * queue (the use case records who did it) and the queues are read again.
 */
export function DeadLetterTable(props: { rows: DeadLetter[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ reference: string; error: unknown } | null>(null);

  async function retry(letter: DeadLetter) {
    setBusyId(letter.id);
    setNotice(null);
    setFailure(null);
    try {
      const result = await retryDeadLetter(letter);
      setNotice(
        t('channels.retried', {
          reference: letter.reference,
          state: t(`channels.retryState.${result.state as 'fetched'}`, {
            defaultValue: result.state,
          }),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: channelKeys.queues });
    } catch (error) {
      setFailure({ reference: letter.reference, error });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Section title={t('channels.deadLetters')} id="dead-letters">
      <p className="muted">{t('channels.deadLettersLead')}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {failure ? (
        <ErrorAlert
          error={failure.error}
          title={t('channels.retryFailed', { reference: failure.reference })}
        />
      ) : null}
      {props.rows.length === 0 ? (
        <Empty>{t('channels.noDeadLetters')}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('channels.deadLetters')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('channels.column.channel')}</th>
                <th scope="col">{t('channels.column.mailbox')}</th>
                <th scope="col">{t('channels.column.reference')}</th>
                <th scope="col">{t('channels.column.reason')}</th>
                <th scope="col">{t('channels.column.attempts')}</th>
                <th scope="col">{t('channels.column.since')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`}>
                  <td>
                    {t(`channels.channel.${row.channel}`)}
                    <div className="muted small">{t(`channels.kind.${row.kind}`)}</div>
                  </td>
                  <td>{row.mailboxAddress ? <code>{row.mailboxAddress}</code> : '—'}</td>
                  <td>
                    <code>{row.reference}</code>
                  </td>
                  <td>{row.reason || '—'}</td>
                  <td>{row.attempts}</td>
                  <td>{format.dateTime(row.deadAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      disabled={busyId !== null}
                      aria-label={t('channels.retryOf', { reference: row.reference })}
                      onClick={() => void retry(row)}
                    >
                      {t('channels.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
