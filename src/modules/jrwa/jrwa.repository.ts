import type { Executor } from '../../platform/db/database.ts';

/** The wykaz in force on a date: the latest adopted on or before it. Old cases keep theirs. */
export function findVersionInForce(db: Executor, officeId: string, onDate: string) {
  return db
    .selectFrom('jrwa_versions')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('adopted_on', '<=', onDate)
    .orderBy('adopted_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findClass(db: Executor, versionId: string, symbol: string) {
  return db
    .selectFrom('jrwa_classes')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('symbol', '=', symbol)
    .executeTakeFirst();
}

export function listClasses(db: Executor, versionId: string, filter: { finalOnly: boolean }) {
  let query = db
    .selectFrom('jrwa_classes')
    .select(['symbol', 'title', 'category', 'category_elsewhere', 'is_final'])
    .where('version_id', '=', versionId);
  if (filter.finalOnly) query = query.where('is_final', '=', true);
  return query.orderBy('symbol').execute();
}

export function listVersions(db: Executor, officeId: string) {
  return db
    .selectFrom('jrwa_versions')
    .select(['id', 'name', 'adopted_on', 'source_format', 'imported_at'])
    .where('office_id', '=', officeId)
    .orderBy('adopted_on', 'desc')
    .execute();
}

export function listDefects(db: Executor, versionId: string) {
  return db
    .selectFrom('jrwa_import_defects')
    .select(['line_no', 'symbol', 'code', 'message', 'message_pl'])
    .where('version_id', '=', versionId)
    .orderBy('line_no')
    .execute();
}

/** Archival categories of a class: for its home unit and (older wykazy) for the other units. */
export function getClassCategories(db: Executor, versionId: string, symbol: string) {
  return db
    .selectFrom('jrwa_classes')
    .select(['category', 'category_elsewhere'])
    .where('version_id', '=', versionId)
    .where('symbol', '=', symbol)
    .executeTakeFirstOrThrow();
}
