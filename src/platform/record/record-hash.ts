import { createHash } from 'node:crypto';

export interface HashedRowFields {
  caseId: string;
  seq: number;
  at: Date;
  actorId: string;
  actorName: string;
  actorPost: string;
  action: string;
  description: string;
  documentId: string | null;
}

/** Each case record row seals its fields and the previous row's hash (a hash chain per case). */
export function hashRecordRow(prevHash: string, row: HashedRowFields): string {
  const canonical = JSON.stringify([
    row.caseId,
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorPost,
    row.action,
    row.description,
    row.documentId,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
