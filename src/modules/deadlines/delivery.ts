/**
 * When the office's letters count as delivered, and the terms that run from delivery. Each rule
 * names its legal basis; docs/legal.md lists them for the office's lawyer.
 */
import { addDays, type LocalDate } from './local-date.ts';
import { computeTermEnd, parseTerm } from './term.ts';

/**
 * e-Doręczenia to a person or a business (podmiot niepubliczny) that does not collect the letter:
 * u.d.e. art. 42 ust. 2 — "korespondencję uznaje się za doręczoną w dniu następującym po upływie
 * 14 dni od wskazanego w dowodzie otrzymania dnia wpłynięcia korespondencji". The day comes from
 * the operator's dowód otrzymania (the arrival in the addressee's box), never from the moment
 * Obieg handed the letter over. Arrival 2026-03-01 → delivered 2026-03-16.
 */
export const ELECTRONIC_FICTION_DAYS = 14;

export function electronicDeliveryFiction(arrivedOn: LocalDate): LocalDate {
  return addDays(arrivedOn, ELECTRONIC_FICTION_DAYS + 1);
}

/**
 * Post, KPA art. 44 § 1-4: a letter not collected is kept 14 days from the first notice (awizo)
 * and deemed delivered "z upływem ostatniego dnia okresu" of storage (§ 4). First notice
 * 2026-03-02 → delivered 2026-03-16. The returned envelope is the proof, not a return receipt.
 */
export const POSTAL_STORAGE_DAYS = 14;

export function postalDeliveryFiction(firstNoticeOn: LocalDate): LocalDate {
  return addDays(firstNoticeOn, POSTAL_STORAGE_DAYS);
}

/** Appeal against a decision: 14 days (art. 129 § 2 KPA); zażalenie against an order: 7 days (art. 141 § 2). */
export const APPEAL_TERMS = { decision: '14d', order: '7d' } as const;

export function appealDue(
  deliveredOn: LocalDate,
  kind: keyof typeof APPEAL_TERMS,
): { term: string; due: LocalDate } {
  const term = APPEAL_TERMS[kind];
  return { term, due: computeTermEnd(deliveredOn, parseTerm(term)).due };
}
