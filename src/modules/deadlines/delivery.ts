/**
 * Delivery of the office's letters and the terms that run from it.
 */
import { addDays, type LocalDate } from './local-date.ts';
import { computeTermEnd, parseTerm } from './term.ts';

/** e-Doręczenia, u.d.e. art. 42: a letter not collected is deemed delivered the day after 14 days from its arrival in the mailbox. */
export const ELECTRONIC_FICTION_DAYS = 14;

export function electronicDeliveryFiction(arrivalOn: LocalDate): LocalDate {
  return addDays(arrivalOn, ELECTRONIC_FICTION_DAYS + 1);
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
