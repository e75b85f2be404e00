/**
 * Archival categories (kategorie archiwalne): `A` permanent; `B<n>` keep n full years; `BE<n>` keep
 * n years then expert review; `Bc` destroy after use; bare `B` retention set by other law.
 * Pre-2011 wykazy write `B-5`, `BE-5`: accepted and normalised to `B5`, `BE5`.
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
 * First day on which records of a closed case may be disposed of: n full years counted from
 * 1 January of the year after closing (a case closed 2025-06-10 in B5 → 2031-01-01).
 * `null` for A (kept forever), Bc (after use) and bare B (another law decides).
 */
export function retentionEnd(category: string, closedOn: string): string | null {
  const match = /^BE?(\d+)$/.exec(category);
  if (!match) return null;
  const closedYear = Number(closedOn.slice(0, 4));
  return `${closedYear + 1 + Number(match[1])}-01-01`;
}
