import type { ActorDeps } from '../../platform/record/transaction.ts';
import { getCaseOrThrow } from './cases.usecases.ts';

export interface CaseRecord {
  sign: string;
  title: string;
  rows: Array<{
    seq: number;
    at: string;
    person: string;
    post: string;
    action: string;
    description: string;
    documentId: string | null;
  }>;
}

/** Metryka sprawy: header (signature, title) and one row per action, oldest first. */
export async function getCaseRecord(deps: ActorDeps, caseId: string): Promise<CaseRecord> {
  const kase = await getCaseOrThrow(deps, caseId);
  const rows = await deps.db
    .selectFrom('case_record_rows')
    .selectAll()
    .where('case_id', '=', kase.id)
    .where('office_id', '=', deps.actor.officeId)
    .orderBy('seq')
    .execute();
  return {
    sign: kase.sign,
    title: kase.title,
    rows: rows.map((row) => ({
      seq: row.seq,
      at: row.at.toISOString(),
      person: row.actor_name,
      post: row.actor_post,
      action: row.action,
      description: row.description,
      documentId: row.document_id,
    })),
  };
}
