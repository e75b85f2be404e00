import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { closeCase } from '../case-closing/case-closing.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import {
  decideAccess,
  listLoans,
  readHolding,
  requestAccess,
  returnLoan,
  searchHoldings,
} from './access.usecases.ts';
import {
  acceptTransfer,
  getTransfer,
  listTransfers,
  prepareTransfer,
  returnTransfer,
  submitTransfer,
  transferableFrom,
} from './transfers.usecases.ts';

const office = useDemoOffice('2025-03-03T09:00:00+01:00');

/** Cases of FN in class 3110 (podatek od nieruchomości, B10), opened and closed in 2025. */
async function closedTaxCases(titles: string[]) {
  office.clock.set('2025-03-03T09:00:00+01:00');
  const referent = await office.as('referent.fn');
  const ids: string[] = [];
  for (const title of titles) {
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title,
    });
    await closeCase(referent, kase.id);
    ids.push(kase.id);
  }
  return ids;
}

/** A tamperer with superuser rights bypasses the record's append-only trigger. */
async function rewriteRecordRow(rowId: string, description: string) {
  await office.database.db.transaction().execute(async (trx) => {
    await sql`alter table case_record_rows disable trigger case_record_rows_append_only`.execute(
      trx,
    );
    await sql`update case_record_rows set description = ${description} where id = ${rowId}`.execute(
      trx,
    );
    await sql`alter table case_record_rows enable trigger case_record_rows_append_only`.execute(
      trx,
    );
  });
}

describe('hand-over to the archiwum zakładowe (spis zdawczo-odbiorczy)', () => {
  it('counts two full years from 1 January after the year of closing', () => {
    // Instrukcja archiwalna: a case closed in 2025 stays in the unit through 2026 and 2027.
    expect(transferableFrom(2025)).toBe(2028);
    expect(transferableFrom(2027)).toBe(2030);
  });

  it('is prepared by the unit, checked by the archivist (all findings), returned, accepted; the cases then pass into custody', async () => {
    const [first, second] = await closedTaxCases(['Wymiar podatku – Nowak', 'Nadpłata – Kowalska']);
    const open = await openCase(await office.as('referent.fn'), {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Wymiar podatku – sprawa w toku',
    });
    const kierownik = await office.as('kierownik.fn');
    const archivist = await office.as('archiwista');
    const fn = { unitId: office.demo.units.FN, jrwaSymbol: '3110', caseYear: 2025 };

    office.clock.set('2027-12-31T12:00:00+01:00');
    await expect(prepareTransfer(kierownik, fn)).rejects.toMatchObject({
      code: 'archive.nothing_to_transfer',
    });
    await expect(prepareTransfer(await office.as('referent.fn'), fn)).rejects.toMatchObject({
      code: 'archive.forbidden',
    });

    office.clock.set('2028-01-03T09:00:00+01:00');
    const prepared = await prepareTransfer(kierownik, fn);
    expect(prepared).toMatchObject({ sign: 'SZO/1/2028', status: 'prepared', findings: [] });
    // The open case stays in the unit: it is not on the list and is not a finding.
    expect(prepared.items.map((item) => [item.position, item.caseId])).toEqual([
      [1, first],
      [2, second],
    ]);
    expect(prepared.items.some((item) => item.caseId === open.id)).toBe(false);
    await expect(prepareTransfer(kierownik, fn)).rejects.toMatchObject({
      code: 'archive.nothing_to_transfer',
    });
    await expect(acceptTransfer(archivist, prepared.id, {})).rejects.toMatchObject({
      code: 'archive.transfer_state',
    });
    await submitTransfer(kierownik, prepared.id);

    // Someone altered a row of the second case's record: the check names it, and the list
    // cannot be accepted until the record is whole again.
    const tampered = await office.database.db
      .selectFrom('case_record_rows')
      .select(['id', 'description'])
      .where('case_id', '=', second!)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await rewriteRecordRow(tampered.id, 'zmieniono');
    const error = await acceptTransfer(archivist, prepared.id, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'archive.transfer_findings',
      details: { findings: [expect.objectContaining({ kind: 'broken_record', caseId: second })] },
    });
    expect((await getTransfer(kierownik, prepared.id)).findings).toHaveLength(1);
    const returned = await returnTransfer(archivist, prepared.id, {
      remarks: 'Metryka sprawy poz. 2 naruszona – wyjaśnić',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      remarks: expect.stringContaining('poz. 2'),
    });
    await rewriteRecordRow(tampered.id, tampered.description);

    // A returned list frees its cases: the unit prepares the list again.
    const again = await prepareTransfer(kierownik, fn);
    expect(again.sign).toBe('SZO/2/2028');
    expect(again.items).toHaveLength(2);
    await submitTransfer(kierownik, again.id);
    await expect(acceptTransfer(kierownik, again.id, {})).rejects.toMatchObject({
      code: 'archive.forbidden',
    });
    const accepted = await acceptTransfer(archivist, again.id, {
      locations: [{ caseId: first!, shelf: 'R3', box: '12', archivalSign: 'FN/3110/2025/1' }],
    });
    expect(accepted).toMatchObject({ status: 'accepted', findings: [] });
    expect((await listTransfers(kierownik)).map((t) => [t.sign, t.status])).toEqual([
      ['SZO/2/2028', 'accepted'],
      ['SZO/1/2028', 'returned'],
    ]);

    const record = await office.database.db
      .selectFrom('case_record_rows')
      .select(['action', 'description', 'actor_name'])
      .where('case_id', '=', first!)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      action: 'archive.case_accepted',
      description: expect.stringContaining(
        'SZO/2/2028, poz. 1, sygnatura archiwalna FN/3110/2025/1',
      ),
      actor_name: 'Elżbieta Dudek',
    });

    const [found] = await searchHoldings(archivist, { q: 'nowak' });
    expect(found).toMatchObject({
      caseId: first,
      transferSign: 'SZO/2/2028',
      shelf: 'R3',
      archivalSign: 'FN/3110/2025/1',
      archivalCategory: 'B10',
      disposalFrom: '2036-01-01',
    });
    expect((await searchHoldings(archivist, { jrwaSymbol: '3110', year: 2025 })).length).toBe(2);
    await expect(searchHoldings(kierownik, {})).rejects.toMatchObject({
      code: 'archive.forbidden',
    });
  });

  it('lends records on request with a return date, one loan at a time, and records every access', async () => {
    const [held] = await closedTaxCases(['Zaległość podatkowa – Wiśniewski']);
    office.clock.set('2028-02-01T09:00:00+01:00');
    const kierownik = await office.as('kierownik.fn');
    const archivist = await office.as('archiwista');
    const transfer = await prepareTransfer(kierownik, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      caseYear: 2025,
    });
    await submitTransfer(kierownik, transfer.id);
    await acceptTransfer(archivist, transfer.id, {});

    const referent = await office.as('referent.fn');
    await expect(readHolding(referent, held!)).rejects.toMatchObject({ code: 'archive.not_held' });
    const request = await requestAccess(referent, {
      caseId: held!,
      kind: 'loan',
      purpose: 'Wznowienie postępowania',
    });
    expect(request.status).toBe('requested');
    await expect(decideAccess(archivist, request.id, { approve: true })).rejects.toMatchObject({
      code: 'archive.due_date_required',
    });
    await expect(
      decideAccess(referent, request.id, { approve: true, dueOn: '2028-02-15' }),
    ).rejects.toMatchObject({ code: 'archive.forbidden' });
    const approved = await decideAccess(archivist, request.id, {
      approve: true,
      dueOn: '2028-02-15',
    });
    expect(approved).toMatchObject({ status: 'approved', dueOn: '2028-02-15', overdue: false });
    expect((await readHolding(referent, held!)).caseId).toBe(held);

    const other = await requestAccess(await office.as('referent2.fn'), {
      caseId: held!,
      kind: 'loan',
      purpose: 'Kontrola',
    });
    await expect(
      decideAccess(archivist, other.id, { approve: true, dueOn: '2028-03-01' }),
    ).rejects.toMatchObject({ code: 'archive.on_loan' });

    office.clock.set('2028-02-16T09:00:00+01:00');
    expect((await listLoans(referent)).map((l) => [l.id, l.overdue])).toEqual([[request.id, true]]);
    const back = await returnLoan(archivist, request.id);
    expect(back.status).toBe('returned');
    await expect(readHolding(referent, held!)).rejects.toMatchObject({ code: 'archive.not_held' });
    await decideAccess(archivist, other.id, { approve: true, dueOn: '2028-03-01' });

    const reads = await office.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', 'in', [held!, request.id])
      .where('action', 'like', 'archive.%')
      .orderBy('seq')
      .execute();
    expect(reads.map((r) => r.action)).toEqual([
      'archive.access_requested',
      'archive.access_approved',
      'archive.case_read',
      'archive.loan_returned',
    ]);
  });
});
