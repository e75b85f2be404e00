import type { Executor } from '../../platform/db/database.ts';
import { hashRecordRow } from '../../platform/record/record-hash.ts';

export interface BrokenChain {
  caseId: string;
  sign: string;
  seq: number;
  rowId: string | null;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
}

export interface VerifyReport {
  casesChecked: number;
  rowsChecked: number;
  broken: BrokenChain[];
}

/**
 * Recomputes every case's record chain (of one office, or only the given cases) and names the
 * first broken row of each broken chain.
 */
export async function verifyRecordChains(
  db: Executor,
  officeId?: string,
  caseIds?: readonly string[],
): Promise<VerifyReport> {
  if (caseIds?.length === 0) return { casesChecked: 0, rowsChecked: 0, broken: [] };
  let query = db
    .selectFrom('cases')
    .leftJoin('case_record_heads', 'case_record_heads.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.sign',
      'case_record_heads.record_seq',
      'case_record_heads.record_head',
    ])
    .orderBy('cases.opened_at')
    .orderBy('cases.id');
  if (officeId) query = query.where('cases.office_id', '=', officeId);
  if (caseIds) query = query.where('cases.id', 'in', caseIds);
  const cases = await query.execute();
  const report: VerifyReport = { casesChecked: 0, rowsChecked: 0, broken: [] };

  for (const kase of cases) {
    report.casesChecked += 1;
    const rows = await db
      .selectFrom('case_record_rows')
      .selectAll()
      .where('case_id', '=', kase.id)
      .orderBy('seq')
      .execute();
    let prev = '';
    let expectedSeq = 1;
    let broken: BrokenChain | undefined;
    for (const row of rows) {
      report.rowsChecked += 1;
      const at = { caseId: kase.id, sign: kase.sign, seq: row.seq, rowId: row.id };
      if (row.seq !== expectedSeq) broken = { ...at, reason: 'sequence_gap' };
      else if (row.prev_hash !== prev) broken = { ...at, reason: 'prev_hash_mismatch' };
      else {
        const recomputed = hashRecordRow(prev, {
          caseId: row.case_id,
          seq: row.seq,
          at: row.at,
          actorId: row.actor_id,
          actorName: row.actor_name,
          actorPost: row.actor_post,
          action: row.action,
          description: row.description,
          documentId: row.document_id,
        });
        if (recomputed !== row.hash) broken = { ...at, reason: 'hash_mismatch' };
      }
      if (broken) break;
      prev = row.hash;
      expectedSeq += 1;
    }
    if (!broken && ((kase.record_seq ?? 0) !== rows.length || (kase.record_head ?? '') !== prev)) {
      broken = {
        caseId: kase.id,
        sign: kase.sign,
        seq: rows.length + 1,
        rowId: null,
        reason: 'head_mismatch',
      };
    }
    if (broken) report.broken.push(broken);
  }
  return report;
}
