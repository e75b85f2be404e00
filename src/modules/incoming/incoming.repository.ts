import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { Visibility } from '../../platform/actor/policy.ts';

export function findItem(db: Executor, officeId: string, id: string) {
  return db
    .selectFrom('incoming_items')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The files of an item (scans, electronic attachments), in the order they were attached. */
export async function listItemFiles(db: Executor, incomingId: string) {
  return (await listFilesOfItems(db, [incomingId])).map(({ incoming_id: _, ...file }) => file);
}

/** The files of many items at once (the search indexer), each item's in the order attached. */
export async function listFilesOfItems(db: Executor, incomingIds: readonly string[]) {
  if (incomingIds.length === 0) return [];
  return db
    .selectFrom('incoming_files')
    .innerJoin('files', (join) =>
      join
        .onRef('files.id', '=', 'incoming_files.file_id')
        .onRef('files.office_id', '=', 'incoming_files.office_id'),
    )
    .select([
      'incoming_files.incoming_id',
      'files.id',
      'files.sha256',
      'files.original_name',
      'files.content_type',
      'files.size_bytes',
    ])
    .where('incoming_files.incoming_id', 'in', incomingIds)
    .orderBy('incoming_files.added_at')
    .orderBy('incoming_files.seq')
    .orderBy('files.created_at')
    .orderBy('files.id')
    .execute();
}

/**
 * Enters items in the RPW in one multi-row insert; returns them in the order of `rows`
 * (RETURNING of a multi-row insert is not promised in VALUES order: matched by number).
 */
export async function insertItems(db: Executor, rows: NewRow<'incoming_items'>[]) {
  const inserted = await db
    .insertInto('incoming_items')
    .values(rows)
    .returning(['id', 'rpw_number', 'rpw_sign', 'access_code'])
    .execute();
  const byNumber = new Map(inserted.map((item) => [item.rpw_number, item]));
  return rows.map((row) => byNumber.get(row.rpw_number)!);
}

export async function insertItemFile(db: Executor, file: NewRow<'incoming_files'>) {
  await db.insertInto('incoming_files').values(file).execute();
}

/** Files of letters in one statement; their `seq` follows the order given. */
export async function insertItemFiles(db: Executor, files: NewRow<'incoming_files'>[]) {
  if (files.length > 0) await db.insertInto('incoming_files').values(files).execute();
}

export function listItems(
  db: Executor,
  officeId: string,
  visibility: Visibility,
  filter: { year?: number | undefined; limit: number; offset: number },
) {
  let query = db
    .selectFrom('incoming_items')
    .select([
      'id',
      'rpw_sign',
      'title',
      'sender_name',
      'received_at',
      'registered_at',
      'channel',
      'case_id',
    ])
    .where('office_id', '=', officeId);
  if (filter.year) query = query.where('rpw_year', '=', filter.year);
  if (!visibility.all) {
    const { unitIds, ownerIds } = visibility;
    query = query.where((eb) =>
      eb.or([
        ...(ownerIds.length ? [eb('registered_by', 'in', ownerIds)] : []),
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.incoming_id', '=', 'incoming_items.id')
            .where('assignments.status', 'in', ['pending', 'accepted'])
            .where((inner) =>
              inner.or([
                ...(unitIds.length ? [inner('assignments.unit_id', 'in', unitIds)] : []),
                ...(ownerIds.length ? [inner('assignments.user_id', 'in', ownerIds)] : []),
                inner.lit(false),
              ]),
            ),
        ),
      ]),
    );
  }
  return query
    .orderBy('rpw_year', 'desc')
    .orderBy('rpw_number', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The files of every letter joined to a case (for brakowanie of the case's records). */
export async function findCaseLetterFileIds(db: Executor, officeId: string, caseId: string) {
  const rows = await db
    .selectFrom('incoming_files')
    .innerJoin('incoming_items', 'incoming_items.id', 'incoming_files.incoming_id')
    .select('incoming_files.file_id')
    .where('incoming_items.office_id', '=', officeId)
    .where('incoming_items.case_id', '=', caseId)
    .execute();
  return rows.map((row) => row.file_id);
}

/** The letter joins a case: from now on it is read and worked on in that case. */
export async function setItemCase(db: Executor, itemId: string, caseId: string) {
  await db
    .updateTable('incoming_items')
    .set({ case_id: caseId })
    .where('id', '=', itemId)
    .execute();
}

/** One identifier of the sender (kind → value), kept beside the others. */
export async function setSenderIdentifier(
  db: Executor,
  itemId: string,
  kind: string,
  value: string,
) {
  await db
    .updateTable('incoming_items')
    .set((eb) => ({
      sender_identifiers: sql<string>`${eb.ref('sender_identifiers')} || jsonb_build_object(${kind}::text, ${value}::text)`,
    }))
    .where('id', '=', itemId)
    .execute();
}
