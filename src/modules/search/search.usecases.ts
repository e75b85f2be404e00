import { sql } from 'kysely';
import { z } from 'zod';
import type { ActorDeps } from '../../platform/record/transaction.ts';
import { mayOpen } from './search.policy.ts';

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** How many matches are checked against the actor's rights before giving up on filling `limit`. */
const CANDIDATES = 200;

/**
 * Full-text search over cases, letters (RPW) and documents of the office. Words match by prefix,
 * without regard to case or Polish diacritics. Every hit is checked with the same policies as
 * opening it, so a search never reveals what the actor could not open.
 */
export async function searchEverything(deps: ActorDeps, rawQuery: SearchQuery) {
  const query = searchQuerySchema.parse(rawQuery);
  const tsquery = toPrefixQuery(query.q);
  if (!tsquery) return [];
  const candidates = await deps.db
    .selectFrom('search_entries')
    .leftJoin('cases', 'cases.id', 'search_entries.case_id')
    .select([
      'search_entries.subject_type',
      'search_entries.subject_id',
      'search_entries.case_id',
      'search_entries.title',
      'search_entries.reference',
      'search_entries.body',
      'search_entries.updated_at',
      'cases.unit_id as case_unit_id',
      'cases.handler_id as case_handler_id',
      sql<number>`ts_rank(search_entries.folded, to_tsquery('simple', ${tsquery}))`.as('rank'),
    ])
    .where('search_entries.office_id', '=', deps.actor.officeId)
    .where(sql<boolean>`search_entries.folded @@ to_tsquery('simple', ${tsquery})`)
    .orderBy('rank', 'desc')
    .orderBy('search_entries.updated_at', 'desc')
    .limit(CANDIDATES)
    .execute();

  const hits = [];
  for (const entry of candidates) {
    if (hits.length >= query.limit) break;
    if (!(await mayOpen(deps, entry))) continue;
    hits.push({
      type: entry.subject_type,
      id: entry.subject_id,
      caseId: entry.case_id,
      reference: entry.reference,
      title: entry.title,
      excerpt: excerptAround(entry.body, query.q),
    });
  }
  return hits;
}

/** Folds like the index does: lower case, Polish letters without diacritics. */
export function foldPolish(text: string): string {
  return text.toLowerCase().replace(/[ąćęłńóśźż]/g, (c) => FOLD[c] ?? c);
}
const FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
};

/** "Umorzenie zaległ" → `umorzenie:* & zaleg:*`; punctuation never reaches to_tsquery. */
export function toPrefixQuery(text: string): string | null {
  const words = foldPolish(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** About 160 characters of the body around the first word of the query, for the result list. */
export function excerptAround(body: string, text: string): string | null {
  if (!body) return null;
  const first =
    foldPolish(text)
      .split(/[^\p{L}\p{N}]+/u)
      .find(Boolean) ?? '';
  const at = Math.max(0, foldPolish(body).indexOf(first));
  const start = Math.max(0, at - 60);
  const snippet = body
    .slice(start, start + 160)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${snippet}${start + 160 < body.length ? '…' : ''}`;
}
