import type { DispatchOutlet } from '../dispatch/dispatch-outlets.ts';
import type { ChannelName } from './channel-names.ts';
import * as repo from './channels.repository.ts';

/**
 * The outlet of an electronic channel (ePUAP, e-Doręczenia), plugged into dispatch at app.ts: a
 * letter registered for the channel joins the queue of the office's sending mailbox in the same
 * transaction, and the gateway sends it on its next pass (the item is sent then, not now). With
 * no mailbox of the channel yet, the letter waits in the register until one is added.
 */
export function channelDispatchOutlet(channel: ChannelName): DispatchOutlet {
  return {
    async handOver(tx, letter) {
      const mailbox = await repo.findSendingMailbox(tx.trx, tx.actor.officeId, channel);
      if (mailbox) {
        await repo.queueOutgoingItem(tx.trx, {
          outgoingId: letter.outgoingId,
          officeId: tx.actor.officeId,
          mailboxId: mailbox.id,
          at: tx.now,
        });
      }
      return { sent: false };
    },
  };
}
