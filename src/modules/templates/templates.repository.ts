import type { Executor } from '../../platform/db/database.ts';
import type { TemplateKind } from '../../platform/db/schema.ts';

export function listOfficeTemplates(db: Executor, officeId: string) {
  return db
    .selectFrom('letter_templates')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('code')
    .execute();
}

export function findOfficeTemplate(db: Executor, officeId: string, code: string) {
  return db
    .selectFrom('letter_templates')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** One row per (office, code): saving a code again replaces its name, kind, body and flag. */
export function upsertOfficeTemplate(
  db: Executor,
  row: {
    officeId: string;
    userId: string;
    at: Date;
    code: string;
    name: string;
    kind: TemplateKind;
    body: string;
    active: boolean;
  },
) {
  return db
    .insertInto('letter_templates')
    .values({
      office_id: row.officeId,
      code: row.code,
      name: row.name,
      kind: row.kind,
      body: row.body,
      active: row.active,
      created_by: row.userId,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['office_id', 'code']).doUpdateSet({
        name: row.name,
        kind: row.kind,
        body: row.body,
        active: row.active,
        updated_at: row.at,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findLetterhead(db: Executor, officeId: string) {
  return db
    .selectFrom('letterheads')
    .select(['town', 'address'])
    .where('office_id', '=', officeId)
    .executeTakeFirst();
}

export function upsertLetterhead(
  db: Executor,
  row: { officeId: string; userId: string; at: Date; town: string; address: string | null },
) {
  return db
    .insertInto('letterheads')
    .values({
      office_id: row.officeId,
      town: row.town,
      address: row.address,
      updated_by: row.userId,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.column('office_id').doUpdateSet({
        town: row.town,
        address: row.address,
        updated_by: row.userId,
        updated_at: row.at,
      }),
    )
    .execute();
}
