import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { seedDemoOffice } from '../../demo/demo-office.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import {
  getIncoming,
  listIncoming,
  registerIncoming,
  attachIncomingFile,
} from '../incoming/incoming.usecases.ts';
import { getCaseRecord } from './case-record.usecases.ts';
import { getCaseList } from './case-list.usecases.ts';
import {
  changeCaseHandler,
  getCase,
  joinIncomingToCase,
  listCases,
  openCase,
  openSubCase,
} from './cases.usecases.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import os from 'node:os';

const office = useDemoOffice();

describe('scope of access', () => {
  it("keeps unit OR's items and cases out of reach of unit FN", async () => {
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(
      kancelaria,
      buildIncoming({ title: 'Skarga na pracownika OR' }),
    );
    await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.or']! });
    const referentOr = await office.as('referent.or');
    const kase = await openCase(referentOr, {
      unitId: office.demo.units.OR,
      jrwaSymbol: '0561',
      title: 'Skarga',
      incomingId: letter.id,
    });
    const spare = await registerIncoming(kancelaria, buildIncoming());
    await assignIncoming(kancelaria, spare.id, { userId: office.demo.people['referent.fn']! });

    for (const login of ['referent.fn', 'kierownik.fn']) {
      const fn = await office.as(login);
      await expect(getCase(fn, kase.id)).rejects.toMatchObject({
        code: 'case.not_found',
        status: 404,
      });
      await expect(getCaseRecord(fn, kase.id)).rejects.toMatchObject({ code: 'case.not_found' });
      await expect(getIncoming(fn, letter.id)).rejects.toMatchObject({
        code: 'incoming.not_found',
        status: 404,
      });
      expect((await listCases(fn, {})).map((c) => c.id)).not.toContain(kase.id);
      expect((await listIncoming(fn, {})).map((i) => i.id)).not.toContain(letter.id);
      await expect(joinIncomingToCase(fn, kase.id, spare.id)).rejects.toMatchObject({
        code: 'case.not_found',
      });
      await expect(openSubCase(fn, kase.id, { title: 'x' })).rejects.toMatchObject({
        code: 'case.not_found',
      });
      await expect(
        changeCaseHandler(fn, kase.id, office.demo.people['referent.fn']!),
      ).rejects.toMatchObject({ code: 'case.not_found' });
      await expect(
        assignIncoming(fn, letter.id, { unitId: office.demo.units.FN }),
      ).rejects.toMatchObject({ code: 'incoming.not_found' });
      await expect(
        attachIncomingFile({ ...fn, files: createDiskFileStore(os.tmpdir(), 1000) }, letter.id, {
          name: 'a.txt',
          content: new TextEncoder().encode('x'),
        }),
      ).rejects.toMatchObject({ code: 'incoming.not_found' });
      await expect(
        openCase(fn, { unitId: office.demo.units.OR, jrwaSymbol: '0561', title: 'x' }),
      ).rejects.toMatchObject({ code: 'case.forbidden' });
      await expect(
        getCaseList(fn, { year: 2026, unitId: office.demo.units.OR, jrwaSymbol: '0561' }),
      ).rejects.toMatchObject({ code: 'case.not_found' });
    }
    // The head of OR sees the case through the unit scope; another handler of OR does not (desk scope).
    expect((await getCase(await office.as('kierownik.or'), kase.id)).sign).toBe(kase.sign);
  });

  it('keeps offices apart: nothing crosses from one office to another', async () => {
    const other = await seedDemoOffice(
      { db: office.database.db, clock: office.clock },
      { code: 'inny', loginSuffix: '.inny' },
    );
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(kancelaria, buildIncoming());
    const outsider = {
      db: office.database.db,
      clock: office.clock,
      actor: await other.actor('kancelaria'),
    };
    await expect(getIncoming(outsider, letter.id)).rejects.toMatchObject({
      code: 'incoming.not_found',
    });
    expect((await listIncoming(outsider, {})).map((i) => i.id)).not.toContain(letter.id);
    const first = await registerIncoming(outsider, buildIncoming());
    expect(first.rpwNumber).toBe('RPW/1/2026');
    await expect(
      assignIncoming(kancelaria, letter.id, { unitId: other.units.FN }),
    ).rejects.toMatchObject({ code: 'org.unit_not_found' });
  });
});
