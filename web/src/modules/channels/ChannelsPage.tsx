import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../auth/auth.api.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { AddMailboxForm } from './AddMailboxForm.tsx';
import { CHANNEL_NAMES, useChannelQueues, type ChannelQueues } from './channels.api.ts';
import { DeadLetterTable } from './DeadLetterTable.tsx';
import { MailboxCard } from './MailboxCard.tsx';

/**
 * The national channels gateway for the kancelaria and the administrator: each office mailbox
 * with its queues and back-off, the dead letters to retry, and what waits for a missing mailbox.
 */
export function ChannelsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queues = useChannelQueues();
  return (
    <Page title={t('channels.title')}>
      <p className="lead">{t('channels.lead')}</p>
      <QueryView query={queues}>
        {(data) => (
          <>
            {data.mailboxes.length === 0 ? (
              <Section title={t('channels.mailboxes')} id="mailboxes">
                <Empty>{t('channels.noMailboxes')}</Empty>
              </Section>
            ) : (
              data.mailboxes.map((mailbox) => <MailboxCard key={mailbox.id} mailbox={mailbox} />)
            )}
            <DeadLetterTable rows={data.deadLetters} />
            <WaitingForMailbox waiting={data.waitingForMailbox} />
          </>
        )}
      </QueryView>
      {may(me, 'channels.manage_mailboxes') ? <AddMailboxForm /> : null}
    </Page>
  );
}

/** Electronic outgoing letters held back because the office has no mailbox of their channel. */
function WaitingForMailbox(props: { waiting: ChannelQueues['waitingForMailbox'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('channels.waiting')} id="waiting-for-mailbox">
      <p className="muted">{t('channels.waitingLead')}</p>
      <dl className="dl-grid">
        {CHANNEL_NAMES.map((channel) => (
          <Fragment key={channel}>
            <dt>{t(`channels.channel.${channel}`)}</dt>
            <dd>{props.waiting[channel]}</dd>
          </Fragment>
        ))}
      </dl>
    </Section>
  );
}
