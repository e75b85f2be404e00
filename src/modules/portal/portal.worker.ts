import { localDate } from '../../platform/clock.ts';
import { portalFictionDate } from './case-progress.ts';
import { applyDeliveryFiction } from '../dispatch/dispatch.usecases.ts';
import { getPortalActor, resolvePortalOffice, type PortalDeps } from './portal-account.ts';
import { pruneLookupAttempts } from './status-lookup.usecases.ts';
import { processPendingSubmissions } from './submissions.usecases.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The portal's periodic work: completes the registration of submissions a failure interrupted,
 * and applies the delivery fiction to portal letters not downloaded in 14 days
 * (see portal-letters.ts for the legal assumption), and forgets status-lookup attempts older than
 * a day.
 */
export async function runPortalWorker(deps: PortalDeps) {
  const submissions = await processPendingSubmissions(deps);
  const fictions = await applyPortalDeliveryFictions(deps);
  await pruneLookupAttempts(deps);
  return { ...submissions, fictions };
}

export async function applyPortalDeliveryFictions(deps: PortalDeps): Promise<number> {
  const office = await resolvePortalOffice(deps.db, deps.portal).catch(() => null);
  if (!office) return 0;
  const now = deps.clock.now();
  const today = localDate(now);
  const candidates = await deps.db
    .selectFrom('outgoing_items')
    .select(['id', 'sent_at'])
    .where('office_id', '=', office.id)
    .where('method', '=', 'portal')
    .where('status', '=', 'sent')
    .where('sent_at', '<=', new Date(now.getTime() - 14 * DAY_MS))
    .orderBy('sent_at')
    .limit(200)
    .execute();
  const due = candidates.filter((c) => c.sent_at && portalFictionDate(c.sent_at) <= today);
  if (due.length === 0) return 0;
  const actor = await getPortalActor(deps, office);
  let applied = 0;
  for (const letter of due) {
    try {
      await applyDeliveryFiction({ db: deps.db, clock: deps.clock, actor }, letter.id);
      applied += 1;
    } catch (error) {
      deps.logger?.warn({ err: error, outgoingId: letter.id }, 'portal delivery fiction failed');
    }
  }
  return applied;
}
