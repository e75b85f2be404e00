/**
 * Archival categories (kategorie archiwalne): `A` permanent; `B<n>` keep n full years, then the
 * records may be disposed of; `BE<n>` keep n full years, then the state archive reviews them
 * (ekspertyza) and may make them `A` — never "disposal possible"; `Bc` destroy after use, no
 * consent; bare `B` retention set by other law. Pre-2011 wykazy write `B-5`, `BE-5`: accepted and
 * normalised to `B5`, `BE5`.
 */
const NORMALISED = /^(A|B|Bc|B[1-9]\d?|BE[1-9]\d?)$/;

export type CategoryParse = { ok: true; category: string | null } | { ok: false; raw: string };

export function normaliseCategory(raw: string): CategoryParse {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, category: null };
  const normalised = trimmed.replace(
    /^(BE|B)\s*-\s*(\d+)$/i,
    (_, kind: string, years: string) => `${kind.toUpperCase()}${years}`,
  );
  const canonical = normalised === 'BC' ? 'Bc' : normalised;
  return NORMALISED.test(canonical)
    ? { ok: true, category: canonical }
    : { ok: false, raw: trimmed };
}

/**
 * The day n full years end, counted from 1 January of the year after closing (a case closed
 * 2025-06-10 in B5 or BE5 → 2031-01-01). `null` for A, Bc and bare B, which have no such n.
 */
export function retentionEnd(category: string, closedOn: string): string | null {
  const match = /^BE?(\d+)$/.exec(category);
  if (!match) return null;
  const closedYear = Number(closedOn.slice(0, 4));
  return `${closedYear + 1 + Number(match[1])}-01-01`;
}

export interface ArchivalOutcome {
  /** B<n> only: the first day the records may be disposed of (with the state archive's consent). */
  disposalFrom: string | null;
  /** BE<n> only: the first day of the state archive's expert review, which may make them A. */
  expertReviewFrom: string | null;
}

/** What happens to a closed case's records when their period ends, by category. */
export function archivalOutcome(category: string | null, closedOn: string): ArchivalOutcome {
  if (!category) return { disposalFrom: null, expertReviewFrom: null };
  const end = retentionEnd(category, closedOn);
  return category.startsWith('BE')
    ? { disposalFrom: null, expertReviewFrom: end }
    : { disposalFrom: end, expertReviewFrom: null };
}

/**
 * The category of a case closed in a unit. A pre-2011 wykaz gives two: one for the class's home
 * unit (komórka macierzysta) and one for the other units ("pozostałe komórki", usually Bc), which
 * keep only copies or auxiliary records. 2011 wykazy give one, which applies everywhere.
 * `inHomeUnit` is null when the office has not said which unit owns the class: then the unit
 * that handled the case is taken to be its home unit.
 */
export function categoryForUnit(
  jrwaClass: { category: string | null; categoryElsewhere: string | null },
  inHomeUnit: boolean | null,
): { category: string | null; elsewhere: boolean } {
  if (inHomeUnit === false && jrwaClass.categoryElsewhere)
    return { category: jrwaClass.categoryElsewhere, elsewhere: true };
  return { category: jrwaClass.category, elsewhere: false };
}
