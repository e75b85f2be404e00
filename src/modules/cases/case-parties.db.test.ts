import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { getCaseRecord } from './case-record.usecases.ts';
import { addCaseParty, listCaseParties, recordFileInspection } from './case-parties.usecases.ts';
import { openCase } from './cases.usecases.ts';

const office = useDemoOffice('2026-03-02T09:00:00+01:00');

async function caseFromLetter() {
  const kancelaria = await office.as('kancelaria');
  const letter = await registerIncoming(kancelaria, buildIncoming());
  await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.fn']! });
  return openCase(await office.as('referent.fn'), {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: 'Wymiar podatku od nieruchomości – współwłaściciele',
    incomingId: letter.id,
  });
}

describe('parties of a case and their inspection of the files', () => {
  it('makes the sender of the initiating letter a party and adds further parties with a record row', async () => {
    const referent = await office.as('referent.fn');
    const kase = await caseFromLetter();
    expect((await listCaseParties(referent, kase.id)).map((p) => p.name)).toEqual(['Jan Kowalski']);
    office.clock.advance(60_000);
    await addCaseParty(referent, kase.id, {
      name: 'Anna Nowak',
      address: { town: 'Świnoujście', country: 'Polska' },
    });
    expect((await listCaseParties(referent, kase.id)).map((p) => p.name)).toEqual([
      'Jan Kowalski',
      'Anna Nowak',
    ]);
    const rows = (await getCaseRecord(referent, kase.id)).rows;
    expect(rows.at(-1)).toMatchObject({
      action: 'case.party_added',
      description: 'Strona postępowania: Anna Nowak',
    });
  });

  it('KPA art. 73 § 1 and art. 66a: a party’s inspection of the files is an action with its own record row', async () => {
    const referent = await office.as('referent.fn');
    const kase = await caseFromLetter();
    const [party] = await listCaseParties(referent, kase.id);
    office.clock.set('2026-03-10T11:30:00+01:00');
    const inspected = await recordFileInspection(referent, kase.id, {
      partyId: party!.id,
      remarks: 'strona sporządziła notatki z akt',
    });
    expect(inspected.at).toBe('2026-03-10T10:30:00.000Z');
    const row = (await getCaseRecord(referent, kase.id)).rows.at(-1)!;
    expect(row).toMatchObject({
      action: 'case.files_inspected',
      person: 'Joanna Dąbrowska',
      post: 'inspektor ds. wymiaru podatków',
      at: '2026-03-10T10:30:00.000Z',
    });
    expect(row.description).toBe(
      'Przeglądanie akt sprawy przez stronę (art. 73 § 1 KPA): Jan Kowalski, w dniu 2026-03-10; strona sporządziła notatki z akt',
    );

    const other = await caseFromLetter();
    const [otherParty] = await listCaseParties(referent, other.id);
    await expect(
      recordFileInspection(referent, kase.id, { partyId: otherParty!.id }),
    ).rejects.toMatchObject({ code: 'case.party_not_found', status: 404 });
    await expect(
      recordFileInspection(referent, kase.id, {
        partyId: party!.id,
        at: '2026-03-11T09:00:00+01:00',
      }),
    ).rejects.toMatchObject({ code: 'case.inspection_in_future' });
    await expect(
      recordFileInspection(referent, kase.id, {
        partyId: party!.id,
        noteDocumentId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'case.document_not_in_case' });
  });
});
