import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { CredentialKind } from './signatures.schemas.ts';

export function insertCredential(db: Executor, row: NewRow<'signing_credentials'>) {
  return db
    .insertInto('signing_credentials')
    .values(row)
    .onConflict((oc) => oc.columns(['office_id', 'certificate_sha256']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
}

/** Office seals and, for a person, their own certificates (never someone else's). */
export function listCredentials(db: Executor, officeId: string, userId: string) {
  return db
    .selectFrom('signing_credentials')
    .select([
      'id',
      'kind',
      'user_id',
      'label',
      'subject',
      'issuer',
      'serial_number',
      'not_before',
      'not_after',
      'created_at',
    ])
    .where('office_id', '=', officeId)
    .where((eb) => eb.or([eb('kind', '=', 'office_seal'), eb('user_id', '=', userId)]))
    .orderBy('kind')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The newest credential of that kind valid at `at`: a person's own, or the office seal. */
export function findUsableCredential(
  db: Executor,
  query: {
    officeId: string;
    kind: CredentialKind;
    userId: string;
    at: Date;
    credentialId?: string | undefined;
  },
) {
  let select = db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('office_id', '=', query.officeId)
    .where('kind', '=', query.kind)
    .where('not_before', '<=', query.at)
    .where('not_after', '>=', query.at);
  if (query.kind === 'personal') select = select.where('user_id', '=', query.userId);
  if (query.credentialId) select = select.where('id', '=', query.credentialId);
  return select
    .orderBy('created_at', 'desc')
    .orderBy('not_after', 'desc')
    .orderBy('id')
    .executeTakeFirst();
}

/** The document row, locked, so two people cannot sign the same approved version at once. */
export function lockDocument(db: Executor, documentId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'status', 'current_version'])
    .where('id', '=', documentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The version the last finished approval round approved, with who decided its last step. */
export async function findApprovedRound(db: Executor, documentId: string) {
  const round = await db
    .selectFrom('approval_rounds')
    .select(['id', 'version'])
    .where('document_id', '=', documentId)
    .where('status', '=', 'approved')
    .orderBy('finished_at', 'desc')
    .executeTakeFirst();
  if (!round) return null;
  const lastStep = await db
    .selectFrom('approval_tasks')
    .select(['approver_id', 'decided_by'])
    .where('round_id', '=', round.id)
    .where('status', '=', 'approved')
    .where('step_no', '=', (eb) =>
      eb
        .selectFrom('approval_tasks')
        .select((s) => s.fn.max('step_no').as('m'))
        .where('round_id', '=', round.id),
    )
    .execute();
  return { version: round.version, lastApprovers: lastStep };
}

export function insertDocumentSignature(db: Executor, row: NewRow<'document_signatures'>) {
  return db.insertInto('document_signatures').values(row).returning('id').executeTakeFirstOrThrow();
}

export function listDocumentSignatures(db: Executor, officeId: string, documentId: string) {
  return db
    .selectFrom('document_signatures as s')
    .innerJoin('files as f', 'f.id', 's.file_id')
    .innerJoin('document_versions as v', (join) =>
      join.onRef('v.document_id', '=', 's.document_id').onRef('v.version', '=', 's.version'),
    )
    .innerJoin('signing_credentials as c', 'c.id', 's.credential_id')
    .innerJoin('users as u', 'u.id', 's.signed_by')
    .select([
      's.id',
      's.document_id',
      's.version',
      's.format',
      's.file_id',
      's.signer_subject',
      's.signer_serial',
      's.signing_time',
      'f.sha256 as signature_sha256',
      'f.original_name as file_name',
      'v.sha256 as content_sha256',
      'c.kind as credential_kind',
      'u.name as signed_by',
    ])
    .where('s.office_id', '=', officeId)
    .where('s.document_id', '=', documentId)
    .orderBy('s.signing_time')
    .orderBy('s.id')
    .execute();
}

export function insertTrustAnchor(db: Executor, row: NewRow<'signature_trust_anchors'>) {
  return db
    .insertInto('signature_trust_anchors')
    .values(row)
    .onConflict((oc) => oc.columns(['office_id', 'sha256']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
}

export function listTrustAnchors(db: Executor, officeId: string) {
  return db
    .selectFrom('signature_trust_anchors')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('created_at')
    .execute();
}

/**
 * Approved documents waiting for a signature at these desks: in cases they handle, or approved
 * last by them (the two kinds of signer the policy expects), oldest approval first.
 */
export function listAwaitingSignature(db: Executor, officeId: string, deskUserIds: string[]) {
  return db
    .selectFrom('documents')
    .innerJoin('cases', 'cases.id', 'documents.case_id')
    .innerJoin('approval_rounds', (join) =>
      join
        .onRef('approval_rounds.document_id', '=', 'documents.id')
        .onRef('approval_rounds.version', '=', 'documents.current_version')
        .on('approval_rounds.status', '=', 'approved'),
    )
    .select([
      'documents.id',
      'documents.title',
      'documents.kind',
      'documents.current_version',
      'cases.id as case_id',
      'cases.sign as case_sign',
      'cases.title as case_title',
      'approval_rounds.finished_at',
    ])
    .where('documents.office_id', '=', officeId)
    .where('documents.status', '=', 'approved')
    .where((eb) =>
      eb.or([
        eb('cases.handler_id', 'in', deskUserIds),
        eb.exists(
          eb
            .selectFrom('approval_tasks as last')
            .select('last.id')
            .whereRef('last.round_id', '=', 'approval_rounds.id')
            .where('last.status', '=', 'approved')
            .where((t) =>
              t.or([
                t('last.approver_id', 'in', deskUserIds),
                t('last.decided_by', 'in', deskUserIds),
              ]),
            )
            .where('last.step_no', '=', (s) =>
              s
                .selectFrom('approval_tasks')
                .select((m) => m.fn.max('approval_tasks.step_no').as('m'))
                .whereRef('approval_tasks.round_id', '=', 'approval_rounds.id'),
            ),
        ),
      ]),
    )
    .orderBy('approval_rounds.finished_at')
    .orderBy('documents.id')
    .execute();
}
