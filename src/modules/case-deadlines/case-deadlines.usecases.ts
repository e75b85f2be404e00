import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { listCasePartyRows } from '../cases/case-parties.usecases.ts';
import { caseScope } from '../cases/cases.policy.ts';
import { caseDeadlinePolicy } from './case-deadlines.policy.ts';
import { getCaseForAction, getCaseOrThrow } from '../cases/cases.usecases.ts';
import { caseErrors } from '../cases/cases.errors.ts';
import { setCaseDeadlineTerms } from '../cases/cases.repository.ts';
import { createDelayNoticeDraft } from '../templates/template-drafts.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { addWorkingDays } from '../deadlines/calendar.ts';
import {
  clockStatus,
  computeClock,
  DEADLINE_TERMS,
  IMMEDIATE_REMINDER_WORKING_DAYS,
  type ClockState,
} from '../deadlines/case-clock.ts';
import { caseDeadlineErrors } from './case-deadlines.errors.ts';
import type { ExtendInput, PauseInput, SetDeadlineInput } from './case-deadlines.schemas.ts';
import { delayNoticeText } from './delay-notice.ts';

const KIND_LABELS: Record<string, string> = {
  immediate: 'niezwłocznie (art. 35 § 2 KPA) – bez liczby dni i bez daty końcowej',
  one_month: '1 miesiąc (art. 35 § 3 KPA)',
  two_months: '2 miesiące – sprawa szczególnie skomplikowana (art. 35 § 3 KPA)',
  appeal: '1 miesiąc od otrzymania odwołania (art. 35 § 3 KPA)',
  custom: 'termin urzędu',
};
const PAUSE_LABELS: Record<string, string> = {
  suspension: 'zawieszenie postępowania',
  completion: 'oczekiwanie na uzupełnienie braków przez stronę',
  statutory_wait: 'termin przewidziany w przepisach do dokonania czynności',
  party_delay: 'opóźnienie z winy strony',
  other: 'przyczyna niezależna od organu',
};

/**
 * Sets the statutory deadline of a case. It starts on the day the initiating letter was received
 * (for electronic letters, the day of the delivery proof) unless another start is given.
 * "Niezwłocznie" (art. 35 § 2 KPA) is no number of days: it gets no term and no end date, only a
 * reminder to the handler after `remindAfterWorkingDays` (default 3) working days.
 */
export async function setCaseDeadline(deps: ActorDeps, caseId: string, input: SetDeadlineInput) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getOpenCaseForWork(tx, caseId);
    const term = input.kind === 'custom' ? (input.term ?? null) : DEADLINE_TERMS[input.kind];
    if (!term && input.kind !== 'immediate') throw caseDeadlineErrors.termRequired();
    if (input.remindAfterWorkingDays !== undefined && input.kind !== 'immediate')
      throw caseDeadlineErrors.reminderOnlyImmediate();
    const startsOn = input.startsOn ?? (await initiatingLetterDate(tx.trx, kase));
    if (!startsOn) throw caseDeadlineErrors.noStartDate();
    const remindOn =
      input.kind === 'immediate'
        ? addWorkingDays(startsOn, input.remindAfterWorkingDays ?? IMMEDIATE_REMINDER_WORKING_DAYS)
        : null;
    await setCaseDeadlineTerms(tx.trx, kase.id, {
      deadline_kind: input.kind,
      deadline_term: term,
      deadline_starts_on: startsOn,
      deadline_remind_on: remindOn,
    });
    const state = await refreshDue(tx.trx, kase.id);
    const ends = state?.due
      ? `termin upływa ${state.due}`
      : `bez daty końcowej; przypomnienie prowadzącemu ${remindOn}`;
    await tx.record({
      action: 'deadline.set',
      description: `Ustalono termin załatwienia sprawy: ${KIND_LABELS[input.kind]}${input.kind === 'custom' ? ` (${term})` : ''}, bieg od ${startsOn}, ${ends}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { kind: input.kind, term, startsOn, due: state?.due ?? null, remindOn },
    });
    return getCaseDeadline(tx.trx, tx.actor, kase.id, localDate(tx.now));
  });
}

/** Art. 35 § 5: the period is not counted. The clock stops until the pause ends. */
export async function pauseCaseDeadline(deps: ActorDeps, caseId: string, input: PauseInput) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getOpenCaseForWork(tx, caseId);
    if (!kase.deadline_starts_on) throw caseDeadlineErrors.notSet();
    if (input.startsOn < kase.deadline_starts_on) throw caseDeadlineErrors.pauseBeforeStart();
    if (await openPause(tx.trx, kase.id)) throw caseDeadlineErrors.alreadyPaused();
    await tx.trx
      .insertInto('case_deadline_pauses')
      .values({
        office_id: tx.actor.officeId,
        case_id: kase.id,
        reason: input.reason,
        description: input.description,
        starts_on: input.startsOn,
        ends_on: null,
        created_by: tx.actor.userId,
        created_at: tx.now,
      })
      .execute();
    await refreshDue(tx.trx, kase.id);
    await tx.record({
      action: 'deadline.paused',
      description: `Wstrzymano bieg terminu od ${input.startsOn}: ${PAUSE_LABELS[input.reason]} – ${input.description}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { ...input },
    });
    return getCaseDeadline(tx.trx, tx.actor, kase.id, localDate(tx.now));
  });
}

export async function resumeCaseDeadline(
  deps: ActorDeps,
  caseId: string,
  input: { endsOn: string },
) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getOpenCaseForWork(tx, caseId);
    const pause = await openPause(tx.trx, kase.id);
    if (!pause) throw caseDeadlineErrors.notPaused();
    if (input.endsOn < pause.starts_on) throw caseDeadlineErrors.pauseBeforeStart();
    await tx.trx
      .updateTable('case_deadline_pauses')
      .set({ ends_on: input.endsOn })
      .where('id', '=', pause.id)
      .execute();
    const state = await refreshDue(tx.trx, kase.id);
    await tx.record({
      action: 'deadline.resumed',
      description: `Wznowiono bieg terminu od ${input.endsOn} (wstrzymanie trwało ${state?.pausedDays} dni łącznie); ${state?.due ? `termin upływa ${state.due}` : 'sprawa do załatwienia niezwłocznie, bez daty końcowej'}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { endsOn: input.endsOn, due: state?.due },
    });
    return getCaseDeadline(tx.trx, tx.actor, kase.id, localDate(tx.now));
  });
}

/**
 * Art. 36 § 1 KPA: the office sets a new date and notifies every party of the case (not only the
 * sender of the initiating letter) of the reason, the new date and their right to a complaint of
 * delay (ponaglenie). The notice is drafted here as one document of the case, addressed to all
 * parties (rozdzielnik), and the extension's record row points to it. An immediate case
 * (art. 35 § 2) not settled at once gets its first date this way.
 */
export async function extendCaseDeadline(
  deps: ActorDeps & { files?: FileStore },
  caseId: string,
  input: ExtendInput,
) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getOpenCaseForWork(tx, caseId);
    const current = await loadClock(tx.trx, kase);
    if (!current) throw caseDeadlineErrors.notSet();
    if (current.pausedSince) throw caseDeadlineErrors.extensionWhilePaused();
    const today = localDate(tx.now);
    if (current.due ? input.newDue <= current.due : input.newDue < today)
      throw caseDeadlineErrors.extensionNotLater();
    const office = await tx.trx
      .selectFrom('offices')
      .select('name')
      .where('id', '=', tx.actor.officeId)
      .executeTakeFirstOrThrow();
    const parties = await listCasePartyRows(tx.trx, kase.id);
    const noticeText = delayNoticeText({
      officeName: office.name,
      caseSign: kase.sign,
      caseTitle: kase.title,
      partyNames: parties.map((p) => p.name),
      previousDue: current.due,
      newDue: input.newDue,
      reason: input.reason,
      handlerName: tx.actor.name,
      handlerPost: tx.actor.post,
      today: localDate(tx.now),
    });
    const extension = await tx.trx
      .insertInto('case_deadline_extensions')
      .values({
        office_id: tx.actor.officeId,
        case_id: kase.id,
        previous_due: current.due,
        new_due: input.newDue,
        reason: input.reason,
        notice_text: noticeText,
        created_by: tx.actor.userId,
        created_at: tx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshDue(tx.trx, kase.id);
    const notice = deps.files ? await draftDelayNotice(tx, deps.files, kase.id) : null;
    if (notice) {
      await tx.trx
        .updateTable('case_deadline_extensions')
        .set({ notice_document_id: notice.id })
        .where('id', '=', extension.id)
        .execute();
    }
    const addressees = parties.length
      ? `do stron: ${parties.map((p) => p.name).join(', ')}`
      : 'do stron (w sprawie nie wskazano jeszcze stron)';
    await tx.record({
      action: 'deadline.extended',
      description: `Wyznaczono nowy termin załatwienia sprawy: ${input.newDue} (poprzednio ${current.due ?? 'niezwłocznie'}); przyczyna: ${input.reason}; ${notice ? `projekt zawiadomienia (art. 36 § 1 KPA) ${addressees}` : `przygotowano treść zawiadomienia (art. 36 § 1 KPA) ${addressees}`}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      // The notice document when there is one: the record points to what was sent to the parties.
      documentId: notice?.id ?? extension.id,
      payload: {
        previousDue: current.due,
        newDue: input.newDue,
        noticeDocumentId: notice?.id ?? null,
        partyIds: parties.map((p) => p.id),
      },
    });
    return getCaseDeadline(tx.trx, tx.actor, kase.id, localDate(tx.now));
  });
}

/**
 * The notice to the parties as a draft letter in the case, from the office's `delay_notice`
 * template. A template the office broke (unknown placeholder, missing party) must not block the
 * extension itself: the plain notice text is kept on the extension either way. Rendering fails
 * before any write, so the transaction is still usable after the catch.
 */
async function draftDelayNotice(tx: TransactionContext, files: FileStore, caseId: string) {
  try {
    return await createDelayNoticeDraft(tx, files, caseId);
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('template.')) return null;
    throw error;
  }
}

export async function showCaseDeadline(deps: ActorDeps, caseId: string) {
  await getCaseOrThrow(deps, caseId);
  return getCaseDeadline(deps.db, deps.actor, caseId, localDate(deps.clock.now()));
}

async function getCaseDeadline(
  db: Executor,
  actor: ActorDeps['actor'],
  caseId: string,
  today: string,
) {
  const kase = await getCaseForAction(db, actor, caseId, 'read');
  const [pauses, extensions, state] = [
    await listPauses(db, kase.id),
    await listExtensions(db, kase.id),
    await loadClock(db, kase),
  ];
  return {
    caseId: kase.id,
    sign: kase.sign,
    kind: kase.deadline_kind,
    term: kase.deadline_term,
    startsOn: kase.deadline_starts_on,
    remindOn: state?.immediate ? kase.deadline_remind_on : null,
    rawEnd: state?.rawEnd ?? null,
    baseDue: state?.baseDue ?? null,
    pausedDays: state?.pausedDays ?? 0,
    pausedSince: state?.pausedSince ?? null,
    due: state?.due ?? null,
    ...clockStatus(state, today),
    pauses: pauses.map((p) => ({
      id: p.id,
      reason: p.reason,
      description: p.description,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      previousDue: e.previous_due,
      newDue: e.new_due,
      reason: e.reason,
      noticeText: e.notice_text,
      noticeDocumentId: e.notice_document_id,
    })),
  };
}

async function loadClock(
  db: Executor,
  kase: Pick<Row<'cases'>, 'id' | 'deadline_kind' | 'deadline_term' | 'deadline_starts_on'>,
): Promise<ClockState | null> {
  if (!kase.deadline_kind || !kase.deadline_starts_on) return null;
  const pauses = await listPauses(db, kase.id);
  const extensions = await listExtensions(db, kase.id);
  return computeClock({
    startsOn: kase.deadline_starts_on,
    term: kase.deadline_term,
    pauses: pauses.map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on, seq: p.seq })),
    extensions: extensions.map((e) => ({ newDue: e.new_due, seq: e.seq })),
  });
}

/** Keeps `cases.deadline_due` equal to the clock, for the overdue and due-soon lists. */
async function refreshDue(db: Executor, caseId: string): Promise<ClockState | null> {
  const kase = await db
    .selectFrom('cases')
    .select(['id', 'deadline_kind', 'deadline_term', 'deadline_starts_on'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const state = await loadClock(db, kase);
  await setCaseDeadlineTerms(db, caseId, { deadline_due: state?.due ?? null });
  return state;
}

const listPauses = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_deadline_pauses')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_on')
    .orderBy('seq')
    .execute();
const listExtensions = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_deadline_extensions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
const openPause = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_deadline_pauses')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('ends_on', 'is', null)
    .executeTakeFirst();

async function getOpenCaseForWork(tx: TransactionContext, caseId: string) {
  const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'read');
  if (!caseDeadlinePolicy.can(tx.actor, 'keep', caseScope(kase))) throw caseErrors.forbidden();
  if (kase.status === 'closed') throw caseErrors.closed();
  return kase;
}

async function initiatingLetterDate(db: Executor, kase: Row<'cases'>): Promise<string | null> {
  if (!kase.initiating_incoming_id) return null;
  const item = await db
    .selectFrom('incoming_items')
    .select('received_at')
    .where('id', '=', kase.initiating_incoming_id)
    .executeTakeFirstOrThrow();
  return localDate(item.received_at);
}

export type DeadlineListKind = 'overdue' | 'due_soon';

/**
 * Cases past their due date, or due within `withinWorkingDays` working days, for the actor's
 * desk, a unit, or the office — only cases the actor may read.
 */
export async function listCaseDeadlines(
  deps: ActorDeps,
  filter: {
    kind: DeadlineListKind;
    withinWorkingDays?: number;
    unitId?: string | undefined;
    mine?: boolean;
  },
) {
  const today = localDate(deps.clock.now());
  const visibility = caseDeadlinePolicy.visibility(deps.actor, 'read');
  let query = deps.db
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.handler_id')
    .select([
      'cases.id',
      'cases.sign',
      'cases.title',
      'cases.unit_id',
      'cases.handler_id',
      'cases.deadline_due',
      'users.name as handler_name',
    ])
    .where('cases.office_id', '=', deps.actor.officeId)
    .where('cases.status', '=', 'open')
    .where('cases.deadline_due', 'is not', null);
  if (filter.kind === 'overdue') query = query.where('cases.deadline_due', '<', today);
  else
    query = query
      .where('cases.deadline_due', '>=', today)
      .where('cases.deadline_due', '<=', addWorkingDays(today, filter.withinWorkingDays ?? 5));
  if (filter.unitId) query = query.where('cases.unit_id', '=', filter.unitId);
  if (filter.mine) query = query.where('cases.handler_id', 'in', deps.actor.deskUserIds);
  if (!visibility.all) {
    query = query.where((eb) =>
      eb.or([
        ...(visibility.unitIds.length ? [eb('cases.unit_id', 'in', visibility.unitIds)] : []),
        ...(visibility.ownerIds.length ? [eb('cases.handler_id', 'in', visibility.ownerIds)] : []),
        eb.lit(false),
      ]),
    );
  }
  const rows = await query.orderBy('cases.deadline_due').orderBy('cases.sign').execute();
  return rows.map((r) => ({
    caseId: r.id,
    sign: r.sign,
    title: r.title,
    unitId: r.unit_id,
    handlerId: r.handler_id,
    handler: r.handler_name,
    due: r.deadline_due!,
    ...clockStatus({ due: r.deadline_due }, today),
  }));
}
