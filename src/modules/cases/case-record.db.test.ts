import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import {
  acceptAssignment,
  assignIncoming,
  changeAssignment,
  forwardAssignment,
} from '../assignments/assignments.usecases.ts';
import { changeCaseHandler, joinIncomingToCase, openCase, openSubCase } from './cases.usecases.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { getCaseRecord } from './case-record.usecases.ts';
import { verifyRecordChains } from './case-record.verify.ts';
import os from 'node:os';
import path from 'node:path';

const office = useDemoOffice();
const files = createDiskFileStore(
  path.join(os.tmpdir(), `obieg-test-files-${process.pid}`),
  1024 * 1024,
);

async function caseWithHistory() {
  const kancelaria = await office.as('kancelaria');
  const kierownik = await office.as('kierownik.fn');
  const referent = await office.as('referent.fn');
  const first = await registerIncoming(kancelaria, buildIncoming());
  const toUnit = await assignIncoming(kancelaria, first.id, { unitId: office.demo.units.FN });
  const toPerson = await forwardAssignment(kierownik, toUnit.id, {
    userId: office.demo.people['referent.fn']!,
    method: 'do załatwienia',
  });
  await acceptAssignment(referent, toPerson.id);
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3118',
    title: 'Zaświadczenie o niezaleganiu',
    incomingId: first.id,
  });
  const second = await registerIncoming(
    kancelaria,
    buildIncoming({ title: 'Uzupełnienie wniosku' }),
  );
  const secondAssignment = await assignIncoming(kancelaria, second.id, {
    userId: office.demo.people['referent.fn']!,
  });
  await joinIncomingToCase(referent, kase.id, second.id);
  await changeAssignment(kancelaria, secondAssignment.id, { deadline: '2026-03-09' });
  await attachIncomingFile({ ...referent, files }, second.id, {
    name: 'skan.pdf',
    content: new TextEncoder().encode('%PDF-1.4\n% skan pisma\n'),
  });
  await openSubCase(referent, kase.id, { title: 'Korespondencja z US' });
  await changeCaseHandler(kierownik, kase.id, office.demo.people['referent2.fn']!);
  return kase;
}

describe('case record (metryka)', () => {
  it('writes a row with date, person, post and document for every action, in order', async () => {
    const kase = await caseWithHistory();
    const record = await getCaseRecord(await office.as('kierownik.fn'), kase.id);
    expect(record.sign).toBe(kase.sign);
    expect(record.rows.map((r) => r.action)).toEqual([
      // the first letter's history before the case, carried in when the case is opened from it
      'incoming.registered',
      'assignment.created',
      'assignment.forwarded',
      'assignment.accepted',
      'case.opened',
      'case.incoming_joined',
      // the second letter's history, carried in when it joins the case
      'incoming.registered',
      'assignment.created',
      'case.incoming_joined',
      'assignment.changed',
      'incoming.file_attached',
      'case.sub_case_opened',
      'case.handler_changed',
    ]);
    expect(record.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(record.rows[0]).toMatchObject({
      person: 'Anna Nowak',
      post: 'inspektor ds. kancelaryjnych',
      documentId: expect.stringMatching(/^RPW\/\d+\/2026$/),
    });
    expect(record.rows[4]).toMatchObject({
      person: 'Joanna Dąbrowska',
      post: 'inspektor ds. wymiaru podatków',
      documentId: expect.stringMatching(/^RPW\/\d+\/2026$/),
    });
    expect(record.rows[12]).toMatchObject({
      person: 'Krzysztof Woźniak',
      post: 'Skarbnik – Naczelnik Wydziału Finansowego',
    });
  });

  it('refuses to change or delete record rows', async () => {
    const kase = await caseWithHistory();
    await expect(
      sql`update case_record_rows set description = 'x' where case_id = ${kase.id}`.execute(
        office.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from case_record_rows where case_id = ${kase.id}`.execute(office.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('verify names the first row altered directly in the database', async () => {
    const kase = await caseWithHistory();
    expect((await verifyRecordChains(office.database.db)).broken).toEqual([]);
    // A tamperer with database superuser rights bypasses the append-only trigger.
    await office.database.db.transaction().execute(async (trx) => {
      await sql`alter table case_record_rows disable trigger case_record_rows_append_only`.execute(
        trx,
      );
      await sql`update case_record_rows set actor_name = 'Ktoś Inny' where case_id = ${kase.id} and seq = 3`.execute(
        trx,
      );
      await sql`alter table case_record_rows enable trigger case_record_rows_append_only`.execute(
        trx,
      );
    });
    const report = await verifyRecordChains(office.database.db);
    expect(report.broken).toEqual([
      expect.objectContaining({
        caseId: kase.id,
        sign: kase.sign,
        seq: 3,
        reason: 'hash_mismatch',
      }),
    ]);
  });

  it('joins a caller’s transaction: the use case commits or rolls back with the caller’s rows', async () => {
    const deps = await office.as('kancelaria');
    const registered = async () =>
      Number(
        (
          await deps.db
            .selectFrom('incoming_items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await registered();
    await expect(
      deps.db.transaction().execute(async (trx) => {
        await registerIncoming({ ...deps, db: trx }, buildIncoming({ title: 'Wycofane' }));
        throw new Error('the caller fails after the use case');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await registered()).toBe(before);
    await deps.db.transaction().execute(async (trx) => {
      await registerIncoming({ ...deps, db: trx }, buildIncoming({ title: 'Zatwierdzone' }));
    });
    expect(await registered()).toBe(before + 1);
  });

  it('KPA art. 66a: rows carried from a letter’s history name the post the person held at the time, not the one they hold later', async () => {
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(kancelaria, buildIncoming({ title: 'Wniosek o ulgę' }));
    await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.fn']! });
    // Anna Nowak is promoted after registering the letter and before the case is opened.
    const promoted = await office.database.db
      .insertInto('positions')
      .values({
        office_id: office.demo.officeId,
        unit_id: office.demo.units.KA,
        name: 'kierownik kancelarii',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await office.database.db
      .updateTable('users')
      .set({ position_id: promoted.id })
      .where('id', '=', office.demo.people['kancelaria']!)
      .execute();
    const referent = await office.as('referent.fn');
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Ulga w podatku',
      incomingId: letter.id,
    });
    await attachIncomingFile({ ...(await office.as('kancelaria')), files }, letter.id, {
      name: 'skan.pdf',
      content: new TextEncoder().encode('%PDF-1.4\n% skan\n'),
    });
    const rows = (await getCaseRecord(referent, kase.id)).rows;
    expect(rows[0]).toMatchObject({
      action: 'incoming.registered',
      person: 'Anna Nowak',
      post: 'inspektor ds. kancelaryjnych',
    });
    expect(rows.at(-1)).toMatchObject({
      action: 'incoming.file_attached',
      person: 'Anna Nowak',
      post: 'kierownik kancelarii',
    });
  });
});
