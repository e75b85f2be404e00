import { localDate } from '../../platform/clock.ts';
import { csvCell } from '../../platform/csv.ts';
import { getUnitOrThrow } from '../org/org.usecases.ts';
import type { ActorDeps } from '../../platform/record/transaction.ts';
import { caseErrors } from './cases.errors.ts';
import { casePolicy } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import type { CaseListQuery } from './cases.schemas.ts';

/**
 * Spis spraw for (year, unit, class), optionally narrowed to cases started within [from, to]:
 * number, title, sender, the initiating letter's sign and date, start and closing dates, handler.
 */
export async function getCaseList(deps: ActorDeps, query: Omit<CaseListQuery, 'format'>) {
  const { db, actor } = deps;
  const unit = await getUnitOrThrow(db, actor.officeId, query.unitId);
  if (!casePolicy.can(actor, 'read', { unitIds: [unit.id], ownerIds: [] }))
    throw caseErrors.notFound();
  const office = await db
    .selectFrom('offices')
    .select('name')
    .where('id', '=', actor.officeId)
    .executeTakeFirstOrThrow();
  const jrwaClass = await db
    .selectFrom('jrwa_classes')
    .innerJoin('jrwa_versions', 'jrwa_versions.id', 'jrwa_classes.version_id')
    .select(['jrwa_classes.title', 'jrwa_classes.category'])
    .where('jrwa_classes.office_id', '=', actor.officeId)
    .where('jrwa_classes.symbol', '=', query.jrwaSymbol)
    .where('jrwa_versions.adopted_on', '<=', `${query.year}-12-31`)
    .orderBy('jrwa_versions.adopted_on', 'desc')
    .executeTakeFirst();
  const rows = await repo.listCasesForCaseList(db, actor.officeId, query);
  return {
    office: office.name,
    unit: { symbol: unit.symbol, name: unit.name },
    jrwa: {
      symbol: query.jrwaSymbol,
      title: jrwaClass?.title ?? '',
      category: jrwaClass?.category ?? null,
    },
    year: query.year,
    rows: rows
      .map((r) => ({
        number: r.number,
        sign: r.sign,
        title: r.title,
        sender: r.sender_name,
        initiatingLetterSign: r.sender_reference,
        initiatingLetterDate: r.letter_date,
        startedOn: localDate(r.opened_at),
        closedOn: r.closed_at ? localDate(r.closed_at) : null,
        handler: r.handler_name,
        remarks: r.remarks,
      }))
      .filter(
        (r) => (!query.from || r.startedOn >= query.from) && (!query.to || r.startedOn <= query.to),
      ),
  };
}

const CSV_COLUMNS = [
  ['number', 'Lp.'],
  ['sign', 'Znak sprawy'],
  ['title', 'Tytuł sprawy'],
  ['sender', 'Od kogo wpłynęła'],
  ['initiatingLetterSign', 'Znak pisma'],
  ['initiatingLetterDate', 'Z dnia'],
  ['startedOn', 'Data wszczęcia'],
  ['closedOn', 'Data zakończenia'],
  ['handler', 'Prowadzący'],
  ['remarks', 'Uwagi'],
] as const;

/** CSV for spreadsheets used in Polish offices: semicolons, quoted fields, UTF-8 with BOM. */
export function caseListToCsv(list: Awaited<ReturnType<typeof getCaseList>>): string {
  const lines = [
    CSV_COLUMNS.map(([, label]) => csvCell(label)).join(';'),
    ...list.rows.map((row) => CSV_COLUMNS.map(([key]) => csvCell(row[key])).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
