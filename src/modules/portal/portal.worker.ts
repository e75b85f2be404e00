import { reportNotCollected } from '../dispatch/dispatch.usecases.ts';
import { getPortalActor, resolvePortalOffice, type PortalDeps } from './portal-account.ts';
import { pruneLookupAttempts } from './status-lookup.usecases.ts';
import { processPendingSubmissions } from './submissions.usecases.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The portal's periodic work: completes the registration of submissions a failure interrupted,
 * tells handlers of letters not downloaded within the collection period (there is no delivery
 * fiction for the portal: see portal-letters.ts), and forgets status-lookup attempts older than
 * a day.
 */
export async function runPortalWorker(deps: PortalDeps) {
  const submissions = await processPendingSubmissions(deps);
  const notCollected = await reportUncollectedPortalLetters(deps);
  await pruneLookupAttempts(deps);
  return { ...submissions, notCollected };
}

/**
 * Letters made available in the portal more than `uncollectedAfterDays` days ago and not
 * downloaded: each is reported once to its case handler (a record row and a notification), and
 * stays undelivered — it may still be downloaded, which is then its delivery.
 */
export async function reportUncollectedPortalLetters(deps: PortalDeps): Promise<number> {
  const office = await resolvePortalOffice(deps.db, deps.portal).catch(() => null);
  if (!office) return 0;
  const days = deps.portal.uncollectedAfterDays;
  const candidates = await deps.db
    .selectFrom('outgoing_items')
    .select('id')
    .where('office_id', '=', office.id)
    .where('method', '=', 'portal')
    .where('status', '=', 'sent')
    .where('not_collected_at', 'is', null)
    .where('sent_at', '<=', new Date(deps.clock.now().getTime() - days * DAY_MS))
    .orderBy('sent_at')
    .limit(200)
    .execute();
  if (candidates.length === 0) return 0;
  const actor = await getPortalActor(deps, office);
  let reported = 0;
  for (const letter of candidates) {
    try {
      const done = await reportNotCollected({ db: deps.db, clock: deps.clock, actor }, letter.id, {
        afterDays: days,
      });
      if (done) reported += 1;
    } catch (error) {
      deps.logger?.warn(
        { err: error, outgoingId: letter.id },
        'portal not-collected report failed',
      );
    }
  }
  return reported;
}
