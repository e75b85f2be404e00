import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import { findIdentifiers } from './identifiers.ts';
import * as repo from './proposals.repository.ts';

/**
 * Proposals from a letter's text, once its files are read: every identifier that passes its
 * checksum (a misread digit is never proposed), and the case signs and RPW numbers that name a
 * case or letter of this office (another office's sign, or one of no existing case, is left out).
 */
export async function proposeIdentifiers(
  db: Executor,
  letter: { officeId: string; incomingId: string },
  texts: readonly string[],
  now: Date,
): Promise<number> {
  const unitCodes = await repo.listUnitSymbols(db, letter.officeId);
  const found = findIdentifiers(texts.join('\n\n'), { unitCodes });
  const cases = new Map(
    (
      await repo.findCasesBySign(
        db,
        letter.officeId,
        found.filter((f) => f.kind === 'case_sign').map((f) => f.value),
      )
    ).map((kase) => [kase.sign, kase.id]),
  );
  const letters = new Map(
    (
      await repo.findLettersByRpw(
        db,
        letter.officeId,
        found.filter((f) => f.kind === 'rpw').map((f) => f.value),
      )
    ).map((item) => [item.rpw_sign, item]),
  );
  const rows: NewRow<'identifier_proposals'>[] = [];
  for (const identifier of found) {
    let relatedCaseId: string | null = null;
    let relatedIncomingId: string | null = null;
    if (identifier.kind === 'case_sign') {
      relatedCaseId = cases.get(identifier.value) ?? null;
      if (!relatedCaseId) continue;
    }
    if (identifier.kind === 'rpw') {
      const related = letters.get(identifier.value);
      if (!related || related.id === letter.incomingId) continue;
      relatedIncomingId = related.id;
      relatedCaseId = related.case_id;
    }
    rows.push({
      office_id: letter.officeId,
      incoming_id: letter.incomingId,
      kind: identifier.kind,
      value: identifier.value,
      raw: identifier.raw.slice(0, 200),
      related_case_id: relatedCaseId,
      related_incoming_id: relatedIncomingId,
      found_at: now,
    });
  }
  await repo.insertProposals(db, rows);
  return rows.length;
}
