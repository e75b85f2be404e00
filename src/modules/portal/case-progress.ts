import type { Executor } from '../../platform/db/database.ts';
import { computeClock } from '../deadlines/case-clock.ts';
import { computeTermEnd, parseTerm } from '../deadlines/term.ts';
import { localDate } from '../../platform/clock.ts';
import { deriveMatterStatus, MATTER_STATUS_TEXT, type MatterStatus } from './matter-status.ts';
import * as repo from './matters.repository.ts';

/** The statutory deadline as a party sees it. */
export interface DeadlineView {
  /** `YYYY-MM-DD`; null while the clock is stopped. */
  due: string | null;
  /** Set while the clock is stopped (art. 35 § 5 KPA): since that day. */
  pausedSince: string | null;
  /** "Niezwłocznie" (art. 35 § 2 KPA): no end date at all. */
  immediate: boolean;
  /** True when no case deadline is set yet and `due` follows from the form's statutory term. */
  estimated: boolean;
  basis: string;
  overdue: boolean;
}

export interface CaseProgress {
  status: MatterStatus;
  label: string;
  description: string;
  caseSign: string | null;
  caseId: string | null;
  deadline: DeadlineView | null;
  /** Art. 36 KPA: the office said the deadline would be missed, why, and the new date. */
  delayNotice: { previousDue: string | null; newDue: string; reason: string } | null;
  decision: { kind: string; sign: string; issuedOn: string } | null;
  delivery: { deliveredOn: string; appealDue: string | null; appealTerm: string | null } | null;
  timeline: Array<{ on: string; what: string }>;
}

const DEADLINE_BASIS: Record<string, string> = {
  immediate: 'niezwłocznie (art. 35 § 2 KPA)',
  one_month: '1 miesiąc (art. 35 § 3 KPA)',
  two_months: '2 miesiące – sprawa szczególnie skomplikowana (art. 35 § 3 KPA)',
  appeal: '1 miesiąc od otrzymania odwołania (art. 35 § 3 KPA)',
  custom: 'termin wyznaczony przez urząd',
};

const DECISION_KINDS: Record<string, string> = {
  decision: 'decyzja',
  order: 'postanowienie',
  certificate: 'zaświadczenie',
};

/**
 * Everything a party may know about the progress of one incoming item: status, case signature,
 * deadline with pauses and art. 36 notices, the decision and its delivery, and a dated timeline.
 * `statutoryTerm` (from the portal form) gives an estimated deadline before a case is opened.
 */
export async function loadCaseProgress(
  db: Executor,
  today: string,
  item: { id: string; case_id: string | null; registered_at: Date; received_at: Date },
  statutoryTerm?: { term: string; basis: string },
): Promise<CaseProgress> {
  const assignment = await repo.firstAssignment(db, item.id);
  const kase = item.case_id ? await repo.findCase(db, item.case_id) : undefined;
  const pauses = kase ? await repo.listPauses(db, kase.id) : [];
  const extensions = kase ? await repo.listExtensions(db, kase.id) : [];
  const decisions = kase ? await repo.listDecisions(db, kase.id) : [];
  const deliveries = kase ? await repo.listDecisionDeliveries(db, kase.id) : [];
  const openPause = pauses.find((p) => p.ends_on === null) ?? null;
  const status = deriveMatterStatus({
    submission: 'registered',
    assigned: Boolean(assignment),
    caseStatus: kase?.status ?? null,
    openPause: openPause?.reason ?? null,
    decided: decisions.length > 0,
    decisionDelivered: deliveries.length > 0,
  });

  let deadline: DeadlineView | null = null;
  if (kase?.deadline_kind && kase.deadline_starts_on) {
    const clock = computeClock({
      startsOn: kase.deadline_starts_on,
      term: kase.deadline_term,
      pauses: pauses.map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on, seq: p.seq })),
      extensions: extensions.map((e) => ({ newDue: e.new_due, seq: e.seq })),
    });
    deadline = {
      due: clock.due,
      pausedSince: clock.pausedSince,
      immediate: clock.immediate && !clock.pausedSince,
      estimated: false,
      basis: DEADLINE_BASIS[kase.deadline_kind ?? 'custom'] ?? DEADLINE_BASIS.custom!,
      overdue: Boolean(
        clock.due && today > clock.due && kase.status === 'open' && decisions.length === 0,
      ),
    };
  } else if (statutoryTerm && kase?.status !== 'closed') {
    const due = computeTermEnd(localDate(item.received_at), parseTerm(statutoryTerm.term)).due;
    deadline = {
      due,
      pausedSince: null,
      immediate: false,
      estimated: true,
      basis: statutoryTerm.basis,
      overdue: false,
    };
  }
  const extension = extensions.at(-1);
  const decision = decisions[0];
  const delivery = deliveries[0];

  const timeline: CaseProgress['timeline'] = [
    { on: localDate(item.received_at), what: 'Wpływ pisma do urzędu' },
    { on: localDate(item.registered_at), what: 'Rejestracja w rejestrze przesyłek wpływających' },
  ];
  if (assignment)
    timeline.push({ on: localDate(assignment.assigned_at), what: 'Przekazanie do wydziału' });
  if (kase) timeline.push({ on: localDate(kase.opened_at), what: `Wszczęcie sprawy ${kase.sign}` });
  for (const pause of pauses) {
    timeline.push({ on: pause.starts_on, what: 'Wstrzymanie biegu terminu' });
    if (pause.ends_on) timeline.push({ on: pause.ends_on, what: 'Wznowienie biegu terminu' });
  }
  for (const e of extensions) {
    timeline.push({
      on: localDate(e.created_at),
      what: `Zawiadomienie o nowym terminie: ${e.new_due}`,
    });
  }
  if (decision) {
    timeline.push({
      on: localDate(decision.issued_at),
      what: `Wydanie rozstrzygnięcia (${DECISION_KINDS[decision.kind] ?? decision.kind} ${decision.sign})`,
    });
  }
  if (delivery?.delivered_on)
    timeline.push({ on: delivery.delivered_on, what: 'Doręczenie rozstrzygnięcia' });
  if (kase?.closed_at) timeline.push({ on: localDate(kase.closed_at), what: 'Zakończenie sprawy' });
  timeline.sort((a, b) => a.on.localeCompare(b.on));

  return {
    status,
    ...MATTER_STATUS_TEXT[status],
    caseSign: kase?.sign ?? null,
    caseId: kase?.id ?? null,
    deadline,
    delayNotice: extension
      ? { previousDue: extension.previous_due, newDue: extension.new_due, reason: extension.reason }
      : null,
    decision: decision
      ? {
          kind: DECISION_KINDS[decision.kind] ?? decision.kind,
          sign: decision.sign,
          issuedOn: localDate(decision.issued_at),
        }
      : null,
    delivery: delivery?.delivered_on
      ? {
          deliveredOn: delivery.delivered_on,
          appealDue: delivery.appeal_due,
          appealTerm: delivery.appeal_term,
        }
      : null,
    timeline,
  };
}
