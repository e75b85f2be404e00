import type { PauseReason } from '../../platform/db/schema.ts';

/**
 * Where a citizen's matter stands, derived from the registers rather than kept as a separate
 * state: the submission, the RPW item and its assignments, the case with its deadline pauses,
 * the decision register and the outgoing register.
 */
export type MatterStatus =
  | 'received'
  | 'registered'
  | 'assigned'
  | 'in_progress'
  | 'suspended'
  | 'waiting_for_party'
  | 'decided'
  | 'delivered'
  | 'closed';

export interface MatterFacts {
  /** `received` until the portal has registered the submission in the RPW. */
  submission: 'received' | 'registered';
  assigned: boolean;
  caseStatus: 'open' | 'closed' | null;
  /** Reason of the case's open deadline pause (art. 35 § 5 KPA), if the clock is stopped. */
  openPause: PauseReason | null;
  /** A decision, order or certificate was issued in the case (decision register). */
  decided: boolean;
  /** The decision was delivered to the party (proof of delivery or the fiction). */
  decisionDelivered: boolean;
}

export function deriveMatterStatus(facts: MatterFacts): MatterStatus {
  if (facts.submission === 'received') return 'received';
  if (facts.caseStatus === 'closed') return 'closed';
  if (facts.decisionDelivered) return 'delivered';
  if (facts.decided) return 'decided';
  if (facts.caseStatus === 'open') {
    if (facts.openPause === 'suspension') return 'suspended';
    if (facts.openPause === 'completion' || facts.openPause === 'party_delay')
      return 'waiting_for_party';
    return 'in_progress';
  }
  return facts.assigned ? 'assigned' : 'registered';
}

/** What the citizen reads: a short label and one sentence of explanation. */
export const MATTER_STATUS_TEXT: Record<MatterStatus, { label: string; description: string }> = {
  received: {
    label: 'Przyjęte, trwa rejestracja',
    description: 'Urząd otrzymał pismo; za chwilę zostanie zarejestrowane i wydamy poświadczenie.',
  },
  registered: {
    label: 'Zarejestrowane',
    description: 'Pismo zarejestrowano w rejestrze przesyłek wpływających urzędu.',
  },
  assigned: {
    label: 'Przekazane do wydziału',
    description: 'Pismo przekazano do komórki urzędu, która je rozpatrzy.',
  },
  in_progress: {
    label: 'W toku',
    description: 'Sprawa jest prowadzona przez pracownika urzędu.',
  },
  suspended: {
    label: 'Postępowanie zawieszone',
    description: 'Postępowanie zawieszono; termin załatwienia sprawy nie biegnie.',
  },
  waiting_for_party: {
    label: 'Czeka na Ciebie',
    description:
      'Urząd czeka na uzupełnienie lub wyjaśnienie z Twojej strony; termin załatwienia sprawy nie biegnie.',
  },
  decided: {
    label: 'Wydano rozstrzygnięcie',
    description: 'W sprawie wydano decyzję, postanowienie lub zaświadczenie; trwa doręczanie.',
  },
  delivered: {
    label: 'Rozstrzygnięcie doręczone',
    description:
      'Rozstrzygnięcie zostało doręczone; od dnia doręczenia biegnie termin na odwołanie.',
  },
  closed: {
    label: 'Sprawa zakończona',
    description: 'Sprawę zakończono w urzędzie.',
  },
};
