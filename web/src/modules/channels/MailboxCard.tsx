import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';
import { Section } from '../../ui/Page.tsx';
import type { ChannelMailbox } from './channels.api.ts';

type MailboxStatus = 'inactive' | 'backingOff' | 'caughtUp' | 'catchingUp' | 'waiting';

const STATUS_TONE: Record<MailboxStatus, Tone> = {
  inactive: 'neutral',
  backingOff: 'warning',
  caughtUp: 'success',
  catchingUp: 'info',
  waiting: 'info',
};

/** What the gateway is doing with a mailbox, from the fields it keeps (gateway.ts). */
function mailboxStatus(mailbox: ChannelMailbox): MailboxStatus {
  if (!mailbox.active) return 'inactive';
  // Failed polls in a row: the gateway backs off until nextPollAt.
  if (mailbox.failures > 0) return 'backingOff';
  if (mailbox.caughtUpAt) return 'caughtUp';
  return mailbox.lastPollAt ? 'catchingUp' : 'waiting';
}

/** One office mailbox: its address, state and back-off, and how many items wait in each queue. */
export function MailboxCard(props: { mailbox: ChannelMailbox }) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = props.mailbox;
  const status = mailboxStatus(m);
  return (
    <Section
      title={t('channels.mailboxTitle', {
        channel: t(`channels.channel.${m.channel}`),
        name: m.name,
      })}
      id={`mailbox-${m.id}`}
    >
      <dl className="dl-grid">
        <dt>{t('channels.address')}</dt>
        <dd>
          <code>{m.address}</code>
        </dd>
        <dt>{t('channels.state')}</dt>
        <dd>
          <Badge tone={STATUS_TONE[status]}>{t(`channels.status.${status}`)}</Badge>
          {status === 'backingOff' ? (
            <div className="muted small">
              {t('channels.backoff', { count: m.failures, time: format.dateTime(m.nextPollAt) })}
            </div>
          ) : null}
        </dd>
        <dt>{t('channels.nextPoll')}</dt>
        <dd>{format.dateTime(m.nextPollAt)}</dd>
        <dt>{t('channels.lastPoll')}</dt>
        <dd>{format.dateTime(m.lastPollAt)}</dd>
        <dt>{t('channels.rateLimit')}</dt>
        <dd>{t('channels.perSecond', { count: m.requestsPerSecond })}</dd>
        <dt>{t('channels.lastError')}</dt>
        <dd>{m.lastError ?? '—'}</dd>
      </dl>
      <div className="grid-2">
        <QueueCounts title={t('channels.inbound')} counts={m.inbound} />
        <QueueCounts title={t('channels.outbound')} counts={m.outbound} />
      </div>
    </Section>
  );
}

type QueueState = keyof ChannelMailbox['inbound'] | keyof ChannelMailbox['outbound'];

function QueueCounts(props: {
  title: string;
  counts: ChannelMailbox['inbound'] | ChannelMailbox['outbound'];
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h3>{props.title}</h3>
      <dl className="dl-grid">
        {(Object.entries(props.counts) as [QueueState, number][]).map(([state, count]) => (
          <Fragment key={state}>
            <dt>{t(`channels.queue.${state}`)}</dt>
            <dd>{count}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}
