import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ActorDeps } from '../../platform/record/transaction.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { jrwaErrors } from './jrwa.errors.ts';
import { JrwaFormatError, parseJrwa, type JrwaDefect } from './jrwa.parser.ts';
import { jrwaPolicy } from './jrwa.policy.ts';
import * as repo from './jrwa.repository.ts';

export interface ImportJrwaInput {
  name: string;
  adoptedOn: string;
  text: string;
}

const INSERT_BATCH = 500;

/** Imports a wykaz akt as a new version; the defect report is stored with it and returned. */
export async function importJrwa(deps: ActorDeps, input: ImportJrwaInput) {
  let parsed;
  try {
    parsed = parseJrwa(input.text);
  } catch (error) {
    if (error instanceof JrwaFormatError)
      throw jrwaErrors.unrecognisedFormat({ line: error.lineNo });
    throw error;
  }
  return runInTransaction(deps, async (tx) => {
    const officeId = tx.actor.officeId;
    if (!jrwaPolicy.can(tx.actor, 'import', { unitIds: [tx.actor.unitId], ownerIds: [] }))
      throw jrwaErrors.forbidden();
    const clash = await tx.trx
      .selectFrom('jrwa_versions')
      .select('id')
      .where('office_id', '=', officeId)
      .where('adopted_on', '=', input.adoptedOn)
      .executeTakeFirst();
    if (clash) throw jrwaErrors.versionExists();
    const version = await tx.trx
      .insertInto('jrwa_versions')
      .values({
        office_id: officeId,
        name: input.name,
        adopted_on: input.adoptedOn,
        source_format: parsed.format,
        imported_at: tx.now,
        imported_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < parsed.classes.length; i += INSERT_BATCH) {
      await tx.trx
        .insertInto('jrwa_classes')
        .values(
          parsed.classes.slice(i, i + INSERT_BATCH).map((c) => ({
            office_id: officeId,
            version_id: version.id,
            symbol: c.symbol,
            title: c.title,
            category: c.category,
            category_elsewhere: c.categoryElsewhere,
            remarks: c.remarks,
            is_final: c.isFinal,
            line_no: c.lineNo,
          })),
        )
        .execute();
    }
    if (parsed.defects.length > 0) {
      await tx.trx
        .insertInto('jrwa_import_defects')
        .values(
          parsed.defects.map((d) => ({
            office_id: officeId,
            version_id: version.id,
            line_no: d.lineNo,
            symbol: d.symbol,
            code: d.code,
            message: d.message,
            message_pl: d.messagePl,
          })),
        )
        .execute();
    }
    await tx.record({
      action: 'jrwa.imported',
      description: `Zaimportowano wykaz akt „${input.name}” obowiązujący od ${input.adoptedOn}`,
      subject: { type: 'jrwa_version', id: version.id },
      payload: {
        classes: parsed.classes.length,
        defects: parsed.defects.length,
        format: parsed.format,
      },
    });
    return {
      versionId: version.id,
      format: parsed.format,
      classCount: parsed.classes.length,
      finalClassCount: parsed.classes.filter((c) => c.isFinal).length,
      defects: parsed.defects satisfies JrwaDefect[],
    };
  });
}

export async function listJrwaClasses(
  deps: ActorDeps,
  filter: { finalOnly: boolean; onDate?: string },
) {
  const version = await repo.findVersionInForce(
    deps.db,
    deps.actor.officeId,
    filter.onDate ?? localDate(deps.clock.now()),
  );
  if (!version) return [];
  const classes = await repo.listClasses(deps.db, version.id, filter);
  return classes.map((c) => ({
    symbol: c.symbol,
    title: c.title,
    category: c.category,
    categoryElsewhere: c.category_elsewhere,
    isFinal: c.is_final,
  }));
}

export async function listJrwaVersions(deps: ActorDeps) {
  const versions = await repo.listVersions(deps.db, deps.actor.officeId);
  return Promise.all(
    versions.map(async (v) => ({
      id: v.id,
      name: v.name,
      adoptedOn: v.adopted_on,
      format: v.source_format,
      importedAt: v.imported_at.toISOString(),
      defects: (await repo.listDefects(deps.db, v.id)).map((d) => ({
        lineNo: d.line_no,
        symbol: d.symbol,
        code: d.code,
        message: d.message,
        messagePl: d.message_pl,
      })),
    })),
  );
}

/** The final class a new case goes into, in the wykaz in force on the opening date. */
export async function getFinalClassOrThrow(
  db: Executor,
  officeId: string,
  symbol: string,
  onDate: string,
) {
  const version = await repo.findVersionInForce(db, officeId, onDate);
  if (!version) throw jrwaErrors.noVersionInForce();
  const jrwaClass = await repo.findClass(db, version.id, symbol);
  if (!jrwaClass) throw jrwaErrors.classNotFound({ symbol });
  if (!jrwaClass.is_final) throw jrwaErrors.classNotFinal({ symbol });
  if (!jrwaClass.category) throw jrwaErrors.classWithoutCategory({ symbol });
  return jrwaClass;
}
