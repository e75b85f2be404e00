import { createHash } from 'node:crypto';
import { localDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { accessCodeMatches } from '../incoming/access-code.ts';
import { loadCaseProgress, type CaseProgress } from './case-progress.ts';
import { resolvePortalOffice, type PortalSettings } from './portal-account.ts';
import { portalErrors } from './portal.errors.ts';

export interface StatusLookupInput {
  /** The case signature (`FN.3118.1.2026`) or the RPW number (`RPW/12/2026`) from the receipt. */
  reference: string;
  accessCode: string;
  /** Who is asking (a hash of the client address), for rate-limiting guesses. */
  client: string;
}

/** What the lookup reveals: the progress of the matter, never its content, parties or letters. */
export type StatusLookupResult = Pick<
  CaseProgress,
  | 'status'
  | 'label'
  | 'description'
  | 'caseSign'
  | 'deadline'
  | 'delayNotice'
  | 'delivery'
  | 'timeline'
> & { decision: { kind: string; issuedOn: string } | null };

const RPW_SIGN = /^RPW\/\d+\/\d{4}$/;
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

export const normaliseReference = (reference: string) =>
  reference.trim().replace(/\s+/g, '').toUpperCase();

/**
 * Status of a matter without signing in, for applicants on paper: the case signature or RPW
 * number plus the access code printed on their receipt. A wrong code and an unknown signature
 * get the same answer, and failed attempts are limited per client and per looked-up reference
 * (after the limit even the right code waits until the window passes), so codes cannot be
 * guessed and the existence of a case cannot be probed.
 */
export async function lookupStatus(
  deps: { db: Db; clock: Clock; portal: PortalSettings },
  input: StatusLookupInput,
): Promise<StatusLookupResult> {
  const office = await resolvePortalOffice(deps.db, deps.portal);
  const now = deps.clock.now();
  const reference = normaliseReference(input.reference).slice(0, 120);
  const clientKey = keyOf('client', input.client);
  const subjectKey = keyOf('subject', office.id, reference);
  const since = new Date(now.getTime() - deps.portal.lookupWindowMinutes * 60_000);
  const failures = async (column: 'client_key' | 'subject_key', key: string) => {
    const row = await deps.db
      .selectFrom('portal_lookup_attempts')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where(column, '=', key)
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };
  if (
    (await failures('client_key', clientKey)) >= deps.portal.lookupMaxFailures ||
    (await failures('subject_key', subjectKey)) >= deps.portal.lookupMaxFailures
  ) {
    throw portalErrors.lookupThrottled({ retryAfterSeconds: deps.portal.lookupWindowMinutes * 60 });
  }

  const candidates = reference ? await findCandidates(deps.db, office.id, reference) : [];
  // Every candidate is compared, so the time taken does not depend on which one matched.
  let matched: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (accessCodeMatches(candidate.access_code, input.accessCode) && !matched) matched = candidate;
  }
  if (candidates.length === 0) accessCodeMatches(null, input.accessCode);
  await deps.db
    .insertInto('portal_lookup_attempts')
    .values({
      client_key: clientKey,
      subject_key: subjectKey,
      at: now,
      succeeded: Boolean(matched),
    })
    .execute();
  if (!matched) throw portalErrors.lookupFailed();

  const progress = await loadCaseProgress(deps.db, localDate(now), matched);
  return {
    status: progress.status,
    label: progress.label,
    description: progress.description,
    caseSign: progress.caseSign,
    deadline: progress.deadline,
    delayNotice: progress.delayNotice,
    decision: progress.decision
      ? { kind: progress.decision.kind, issuedOn: progress.decision.issuedOn }
      : null,
    delivery: progress.delivery,
    timeline: progress.timeline,
  };
}

/** Items the reference names: the RPW item, or every letter joined to the case. */
function findCandidates(db: Db, officeId: string, reference: string) {
  const query = db
    .selectFrom('incoming_items')
    .select(['id', 'case_id', 'registered_at', 'received_at', 'access_code'])
    .where('incoming_items.office_id', '=', officeId);
  if (RPW_SIGN.test(reference)) return query.where('rpw_sign', '=', reference).execute();
  return query
    .where(
      'case_id',
      'in',
      db
        .selectFrom('cases')
        .select('id')
        .where('office_id', '=', officeId)
        .where('sign', '=', reference),
    )
    .limit(50)
    .execute();
}

/** Removes attempts older than a day (they no longer count towards any limit). */
export async function pruneLookupAttempts(deps: { db: Db; clock: Clock }) {
  const before = new Date(deps.clock.now().getTime() - 24 * 3600 * 1000);
  await deps.db.deleteFrom('portal_lookup_attempts').where('at', '<', before).execute();
}
